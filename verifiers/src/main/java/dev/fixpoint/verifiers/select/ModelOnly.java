package dev.fixpoint.verifiers.select;

import java.util.List;
import java.util.Objects;

/** Trusts the judge alone: score = the chosen judge signal. */
public record ModelOnly(JudgeSignal signal, Abstention abstention) implements SelectionStrategy {

    public ModelOnly {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(abstention, "abstention");
    }

    /** Mean of pointwise and listwise; abstains below 0.5. */
    public static ModelOnly defaults() {
        return new ModelOnly(JudgeSignal.MEAN, new Abstention(0.5, 0.0));
    }

    @Override
    public String name() {
        return "model-only";
    }

    @Override
    public Scoring score(List<Evidence> pool) {
        return Scoring.of(pool.stream().map(e -> {
            if (!e.usable()) {
                return CandidateScore.exclude(e, e.unusableReason());
            }
            Double value = e.judge() == null ? null : e.judge().signal(signal);
            return value == null ? CandidateScore.exclude(e, "no judge verdict") : CandidateScore.of(e, value);
        }).toList());
    }

    @Override
    public boolean usesExecution() {
        return false;
    }

    @Override
    public boolean usesModel() {
        return true;
    }
}
