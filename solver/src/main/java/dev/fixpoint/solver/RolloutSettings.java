package dev.fixpoint.solver;

import java.util.Objects;

/**
 * How one rollout differs from its siblings (diversity): sampling temperature and prompt variant.
 *
 * @param index         1-based rollout number within the task
 * @param temperature   sampling temperature, or null for the provider's default (scripted models ignore it)
 * @param promptVariant name of the prompt variant (see {@link PromptVariants})
 */
public record RolloutSettings(int index, Double temperature, String promptVariant) {
    public RolloutSettings {
        if (index < 1) throw new IllegalArgumentException("rollout index must be >= 1: " + index);
        Objects.requireNonNull(promptVariant, "promptVariant");
    }
}
