package dev.fixpoint.tasks.env;

import dev.fixpoint.tasks.Task;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one task's environment came from. Resolved: {@link #task()} carries the environment, and
 * {@link #recipe()} says how to build its image when it is built by Fixpoint. Unresolved: {@link #problem()}
 * says why, and {@link #task()} is the task as it was.
 *
 * @param task    the task, with its environment when resolved
 * @param source  which tier answered (or, when unresolved, {@link Source#NONE} or the tier whose entry was bad)
 * @param origin  e.g. {@code "environments.yaml: fixpoint-samples/verspec default"}, for reports
 * @param recipe  the image recipe, or null when the image is used as is
 * @param problem why there is no environment, or null
 */
public record Resolution(Task task, Source source, String origin, EnvironmentRecipe recipe, String problem) {

    /** The tiers, in order of precedence. */
    public enum Source {
        /** The task row's own {@code environment} object. */
        ROW,
        /** An entry of the environment spec file. */
        SPEC_FILE,
        /** A built-in preset of SWE-bench's repositories and versions ({@link SwebenchPresets}). */
        PRESET,
        /** A built-in default told from the tree at the base commit. */
        DETECTED,
        /** Nothing answered. */
        NONE
    }

    public Resolution {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(source, "source");
        origin = origin == null ? "" : origin;
    }

    static Resolution resolved(Task task, Source source, String origin, EnvironmentRecipe recipe) {
        return new Resolution(task, source, origin, recipe, null);
    }

    static Resolution failed(Task task, Source source, String origin, String problem) {
        return new Resolution(task, source, origin, null, problem);
    }

    public boolean resolved() {
        return problem == null;
    }

    public Optional<EnvironmentRecipe> build() {
        return Optional.ofNullable(recipe);
    }
}
