package dev.fixpoint.verifiers.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A linear blend: score = (wExec · reproduction rate + wModel · judge signal + wVote · cluster share) divided
 * by the sum of the weights in use. A component no candidate of the pool has (no execution ran, no judge was
 * asked) drops out with its weight, and a note says so. When the pool has execution evidence the
 * {@link ExecutionFilter} applies (a candidate without any is ruled out); a candidate without a judge verdict
 * when others have one gets 0 for it.
 *
 * @param executionWeight weight of the reproduction pass rate, at least 0
 * @param modelWeight     weight of the judge signal, at least 0
 * @param voteWeight      weight of the cluster share, at least 0
 */
public record WeightedScore(double executionWeight, double modelWeight, double voteWeight, ExecutionFilter filter,
                            JudgeSignal signal, Abstention abstention) implements SelectionStrategy {

    public WeightedScore {
        for (double w : new double[] {executionWeight, modelWeight, voteWeight}) {
            if (!(w >= 0.0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative, not: " + w);
            }
        }
        if (executionWeight + modelWeight + voteWeight == 0.0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(abstention, "abstention");
    }

    /** Execution 0.5, model 0.3, vote 0.2; default filter; mean judge signal; abstains below 0.5. */
    public static WeightedScore defaults() {
        return new WeightedScore(0.5, 0.3, 0.2, ExecutionFilter.defaults(), JudgeSignal.MEAN, new Abstention(0.5, 0.0));
    }

    @Override
    public String name() {
        return "weighted";
    }

    @Override
    public Scoring score(List<Evidence> pool) {
        boolean hasExecution = executionWeight > 0 && pool.stream().anyMatch(e -> e.execution() != null);
        boolean hasModel = modelWeight > 0 && pool.stream().anyMatch(e -> verdict(e) != null);
        double total = (hasExecution ? executionWeight : 0) + (hasModel ? modelWeight : 0) + voteWeight;
        List<String> notes = new ArrayList<>();
        if (executionWeight > 0 && !hasExecution) {
            notes.add("no execution evidence in the pool: its weight is dropped");
        }
        if (modelWeight > 0 && !hasModel) {
            notes.add("no judge verdict in the pool: its weight is dropped");
        }
        if (total == 0.0) {
            notes.add("no component has both weight and evidence");
            return new Scoring(pool.stream().map(e -> CandidateScore.exclude(e, "no weighted evidence")).toList(), notes);
        }
        long usable = pool.stream().filter(Evidence::usable).count();
        int tolerated = hasExecution ? filter.toleratedBreaks(pool) : 0;
        ExecutionFilter.toleranceNote(tolerated).ifPresent(notes::add);
        List<CandidateScore> scores = new ArrayList<>();
        for (Evidence e : pool) {
            String why = !e.usable() ? e.unusableReason() : hasExecution ? filter.exclusion(e, tolerated) : "";
            if (!why.isEmpty()) {
                scores.add(CandidateScore.exclude(e, why));
                continue;
            }
            double sum = voteWeight * e.clusterSize() / usable;
            if (hasExecution) {
                sum += executionWeight * e.execution().reproductionRate();
            }
            if (hasModel) {
                Double v = verdict(e);
                sum += modelWeight * (v == null ? 0.0 : v);
            }
            scores.add(CandidateScore.of(e, sum / total));
        }
        if (!notes.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "weights in use sum to %.3f", total));
        }
        return new Scoring(scores, notes);
    }

    private Double verdict(Evidence e) {
        return e.judge() == null ? null : e.judge().signal(signal);
    }

    @Override
    public boolean usesModel() {
        return modelWeight > 0;
    }
}
