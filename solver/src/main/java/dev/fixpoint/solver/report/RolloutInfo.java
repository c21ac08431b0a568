package dev.fixpoint.solver.report;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished rollout, from its {@code candidate.json} and the task's selection report.
 *
 * @param index         rollout number, from 1
 * @param model         the model (for scripted runs, the script's name)
 * @param temperature   sampling temperature, if any
 * @param promptVariant the prompt variant
 * @param outcome       the agent's outcome (SUBMITTED, STEP_LIMIT, ...)
 * @param steps         steps taken
 * @param spend         what the rollout itself spent
 * @param wallMs        wall time in ms
 * @param patch         the candidate patch (may be empty)
 * @param error         error text, empty when none
 * @param cluster       de-duplication cluster, if the task was verified
 * @param trajectory    its trajectory.jsonl (may be missing on disk)
 * @param patchStatus   CHANGED, NO_CHANGE, TOO_LARGE or UNREADABLE ({@link dev.fixpoint.agent.PatchStatus})
 * @param patchMessage  what happened to the patch (its size, or why there is none)
 */
public record RolloutInfo(int index, String model, Double temperature, String promptVariant, String outcome, int steps,
                          Spend spend, long wallMs, String patch, String error, Optional<Integer> cluster, Path trajectory,
                          String patchStatus, String patchMessage) {

    public RolloutInfo {
        if (index < 1) throw new IllegalArgumentException("rollout index must be at least 1, not: " + index);
        Objects.requireNonNull(patch, "patch");
        error = Objects.requireNonNullElse(error, "");
        Objects.requireNonNull(patchStatus, "patchStatus");
        patchMessage = Objects.requireNonNullElse(patchMessage, "");
    }

    /** A copy in the given de-duplication cluster. */
    public RolloutInfo withCluster(int k) {
        return new RolloutInfo(index, model, temperature, promptVariant, outcome, steps, spend, wallMs, patch, error,
                Optional.of(k), trajectory, patchStatus, patchMessage);
    }

    public String candidateId() {
        return "rollout-" + index;
    }
}
