package dev.fixpoint.solver;

import java.util.List;

/**
 * The schedule that makes rollouts of one task differ: rollout k gets temperature {@code temperatures[(k-1) % n]}
 * and prompt variant {@code promptVariants[(k-1) % m]}.
 *
 * @param temperatures   sampling temperatures in [0, 2], at least one
 * @param promptVariants names known to {@link PromptVariants}, at least one
 */
public record Diversity(List<Double> temperatures, List<String> promptVariants) {

    public static final Diversity DEFAULT = new Diversity(List.of(0.0, 0.4, 0.8), List.of("default", "minimal", "tests-first"));

    public Diversity {
        temperatures = List.copyOf(temperatures);
        promptVariants = List.copyOf(promptVariants);
        if (temperatures.isEmpty()) throw new IllegalArgumentException("diversity needs at least one temperature");
        if (promptVariants.isEmpty()) throw new IllegalArgumentException("diversity needs at least one prompt variant");
        for (double t : temperatures) {
            if (t < 0 || t > 2) throw new IllegalArgumentException("temperature must be within [0, 2]: " + t);
        }
        for (String v : promptVariants) PromptVariants.require(v);
    }

    public RolloutSettings settings(int rollout) {
        return new RolloutSettings(rollout, temperatures.get((rollout - 1) % temperatures.size()),
                promptVariants.get((rollout - 1) % promptVariants.size()));
    }
}
