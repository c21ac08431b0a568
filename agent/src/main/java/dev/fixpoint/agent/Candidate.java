package dev.fixpoint.agent;

import dev.fixpoint.models.Usage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one rollout produced. The patch is taken from the repository whatever the outcome (a rollout cut by a
 * limit may still hold useful work); {@link #outcome()} says how it ended. Build one with {@link #builder()}.
 *
 * @param instanceId   task id
 * @param modelId      "provider:name" of the model
 * @param patch        unified diff (git format) of the repository against the base commit, reproduction files and
 *                     build/cache output excluded (see the README of the agent module); "" unless
 *                     {@code patchStatus} is {@link PatchStatus#CHANGED}
 * @param reproduction the agent's reproduction script(s), not part of the patch
 * @param outcome      why the rollout ended
 * @param steps        model calls made
 * @param usage        tokens and model latency over all calls
 * @param costUsd      USD, or empty if a price was unknown
 * @param error        what failed for MODEL_ERROR / SANDBOX_ERROR; "" otherwise (a patch that could not be read is
 *                     {@code patchStatus} UNREADABLE, with the reason in {@code patchMessage})
 * @param wallTime     duration of the rollout
 * @param patchStatus  whether there is a patch, and if not why: no change, too large, unreadable
 * @param patchMessage what happened to the patch, e.g. "patch of 2.1 KiB", "patch is 3.4 MiB (...), over the 1 MiB
 *                     limit (max_patch_bytes)" or git's exit code and error; required for TOO_LARGE and UNREADABLE
 */
public record Candidate(String instanceId, String modelId, String patch, List<ReproductionFile> reproduction, Outcome outcome,
                        int steps, Usage usage, Optional<BigDecimal> costUsd, String error, Duration wallTime,
                        PatchStatus patchStatus, String patchMessage) {
    public Candidate {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(outcome, "outcome");
        patch = patch == null ? "" : patch;
        reproduction = reproduction == null ? List.of() : List.copyOf(reproduction);
        usage = usage == null ? Usage.ZERO : usage;
        costUsd = costUsd == null ? Optional.empty() : costUsd;
        error = error == null ? "" : error;
        wallTime = wallTime == null ? Duration.ZERO : wallTime;
        patchStatus = patchStatus == null ? PatchStatus.of(patch) : patchStatus;
        if ((patchStatus == PatchStatus.CHANGED) == patch.isBlank()) {
            throw new IllegalArgumentException(instanceId + ": patch status " + patchStatus + " with a"
                    + (patch.isBlank() ? "n empty" : " non-empty") + " patch");
        }
        patchMessage = patchMessage == null || patchMessage.isBlank() ? switch (patchStatus) {
            case CHANGED -> PatchStatus.sizeOf(patch.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            case NO_CHANGE -> PatchStatus.NO_CHANGE_MESSAGE;
            case TOO_LARGE, UNREADABLE -> throw new IllegalArgumentException(instanceId + ": patch status " + patchStatus
                    + " needs a message saying why");
        } : patchMessage;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean hasPatch() {
        return !patch.isBlank();
    }

    /**
     * Whether the model failed this rollout: a model error, or the rollout's deadline reached while a model call was
     * still waiting for an answer (a hanging model). Such a rollout says nothing about the task and is redone.
     */
    public boolean modelFailed() {
        return outcome == Outcome.MODEL_ERROR || outcome == Outcome.TIME_LIMIT && error.startsWith(CallDeadline.PREFIX);
    }

    /**
     * Builder for the many fields; instance id and outcome are required. Unset optional fields are empty or zero, and
     * an unset patch status follows from the patch: CHANGED if there is one, else NO_CHANGE.
     */
    public static final class Builder {
        private String instanceId, modelId, patch, error, patchMessage;
        private List<ReproductionFile> reproduction;
        private Outcome outcome;
        private int steps;
        private Usage usage;
        private Optional<BigDecimal> costUsd;
        private Duration wallTime;
        private PatchStatus patchStatus;

        private Builder() {}

        public Builder instanceId(String v) { instanceId = v; return this; }
        public Builder modelId(String v) { modelId = v; return this; }
        public Builder patch(String v) { patch = v; return this; }
        public Builder reproduction(List<ReproductionFile> v) { reproduction = v; return this; }
        public Builder outcome(Outcome v) { outcome = v; return this; }
        public Builder steps(int v) { steps = v; return this; }
        public Builder usage(Usage v) { usage = v; return this; }
        public Builder costUsd(Optional<BigDecimal> v) { costUsd = v; return this; }
        public Builder error(String v) { error = v; return this; }
        public Builder wallTime(Duration v) { wallTime = v; return this; }
        public Builder patchStatus(PatchStatus v) { patchStatus = v; return this; }
        public Builder patchMessage(String v) { patchMessage = v; return this; }

        public Candidate build() {
            return new Candidate(instanceId, modelId, patch, reproduction, outcome, steps, usage, costUsd, error, wallTime,
                    patchStatus, patchMessage);
        }
    }
}
