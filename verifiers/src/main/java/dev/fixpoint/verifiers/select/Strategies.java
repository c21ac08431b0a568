package dev.fixpoint.verifiers.select;

import java.util.List;
import java.util.Objects;

/**
 * The selection strategies by their report names, each with its default filter and judge signal and the given
 * abstention rule; for configuration files and command lines.
 */
public final class Strategies {

    /** Every name {@link #named} knows, in the order reports list them. */
    public static final List<String> NAMES = List.of("majority-vote", "execution-only", "model-only",
            "execution-then-model", "weighted");

    private Strategies() {
    }

    /** The strategy called {@code name} abstaining by {@code abstention}; throws naming the known names otherwise. */
    public static SelectionStrategy named(String name, Abstention abstention) {
        Objects.requireNonNull(abstention, "abstention");
        return switch (Objects.requireNonNullElse(name, "")) {
            case "majority-vote" -> new MajorityVote(abstention);
            case "execution-only" -> new ExecutionOnly(ExecutionFilter.defaults(), abstention);
            case "model-only" -> new ModelOnly(JudgeSignal.MEAN, abstention);
            case "execution-then-model" -> new ExecutionThenModel(ExecutionFilter.defaults(), 3, JudgeSignal.MEAN, abstention);
            case "weighted" -> new WeightedScore(0.5, 0.3, 0.2, ExecutionFilter.defaults(), JudgeSignal.MEAN, abstention);
            default -> throw new IllegalArgumentException("unknown selection strategy: " + name + " (known: " + NAMES + ")");
        };
    }
}
