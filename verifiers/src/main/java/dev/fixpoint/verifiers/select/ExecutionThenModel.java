package dev.fixpoint.verifiers.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * R2E-Gym's hybrid: execution narrows, the model decides. Candidates the {@link ExecutionFilter} keeps are
 * ranked by reproduction pass rate; the {@code topK} best clusters go on (every cluster tied with the k-th
 * goes on too); among those, score = the judge signal. When none of them has a verdict, the execution rate
 * is the score and a note says so.
 */
public record ExecutionThenModel(ExecutionFilter filter, int topK, JudgeSignal signal, Abstention abstention)
        implements SelectionStrategy {

    public ExecutionThenModel {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(abstention, "abstention");
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be at least 1, not: " + topK);
        }
    }

    /** Default filter, top 3 clusters, mean judge signal, abstains below 0.5. */
    public static ExecutionThenModel defaults() {
        return new ExecutionThenModel(ExecutionFilter.defaults(), 3, JudgeSignal.MEAN, new Abstention(0.5, 0.0));
    }

    @Override
    public String name() {
        return "execution-then-model";
    }

    @Override
    public Scoring score(List<Evidence> pool) {
        List<String> exclusions = new ArrayList<>();
        Map<Integer, Double> clusterRate = new TreeMap<>();
        int tolerated = filter.toleratedBreaks(pool);
        for (Evidence e : pool) {
            String why = e.usable() ? filter.exclusion(e, tolerated) : e.unusableReason();
            exclusions.add(why);
            if (why.isEmpty()) {
                clusterRate.merge(e.clusterId(), e.execution().reproductionRate(), Math::max);
            }
        }
        // With no cluster left the cutoff is never read; skip(-1) would throw.
        double cutoff = clusterRate.values().stream().sorted((a, b) -> Double.compare(b, a))
                .skip(Math.max(0, Math.min(topK, clusterRate.size()) - 1L)).findFirst().orElse(Double.MAX_VALUE);
        boolean anyVerdict = false;
        for (int i = 0; i < pool.size(); i++) {
            if (exclusions.get(i).isEmpty() && pool.get(i).execution().reproductionRate() < cutoff) {
                exclusions.set(i, "below the execution top-" + topK);
            }
            anyVerdict |= exclusions.get(i).isEmpty() && verdict(pool.get(i)) != null;
        }
        List<CandidateScore> scores = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            Evidence e = pool.get(i);
            String why = exclusions.get(i);
            if (!why.isEmpty()) {
                scores.add(CandidateScore.exclude(e, why));
            } else if (!anyVerdict) {
                scores.add(CandidateScore.of(e, e.execution().reproductionRate()));
            } else {
                Double v = verdict(e);
                scores.add(v == null ? CandidateScore.exclude(e, "no judge verdict") : CandidateScore.of(e, v));
            }
        }
        List<String> notes = new ArrayList<>(ExecutionFilter.toleranceNote(tolerated).stream().toList());
        if (!anyVerdict && !clusterRate.isEmpty()) {
            notes.add("no judge verdict for the execution top-" + topK + ": ranked by execution alone");
        }
        return new Scoring(scores, notes);
    }

    private Double verdict(Evidence e) {
        return e.judge() == null ? null : e.judge().signal(signal);
    }

    @Override
    public boolean usesModel() {
        return true;
    }
}
