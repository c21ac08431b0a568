package dev.fixpoint.agent;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one rollout produced. The patch is taken from the repository whatever the outcome (a rollout cut by a
 * limit may still hold useful work); {@link #outcome()} says how it ended.
 *
 * @param instanceId   task id
 * @param modelId      "provider:name" of the model
 * @param patch        unified diff (git format) of the repository against the base commit, reproduction files and
 *                     build/cache output excluded (see the README of the agent module); "" if nothing changed
 * @param reproduction the agent's reproduction script(s), not part of the patch
 * @param outcome      why the rollout ended
 * @param steps        model calls made
 * @param usage        tokens and model latency over all calls
 * @param costUsd      USD, or empty if a price was unknown
 * @param error        what failed for MODEL_ERROR / SANDBOX_ERROR (or a patch that could not be read); "" otherwise
 * @param wallTime     duration of the rollout
 */
public record Candidate(String instanceId, String modelId, String patch, List<ReproductionFile> reproduction, Outcome outcome,
                        int steps, Usage usage, Optional<BigDecimal> costUsd, String error, Duration wallTime) {
    public Candidate {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(outcome, "outcome");
        patch = patch == null ? "" : patch;
        reproduction = reproduction == null ? List.of() : List.copyOf(reproduction);
        usage = usage == null ? Usage.ZERO : usage;
        costUsd = costUsd == null ? Optional.empty() : costUsd;
        error = error == null ? "" : error;
        wallTime = wallTime == null ? Duration.ZERO : wallTime;
    }

    public boolean hasPatch() {
        return !patch.isBlank();
    }
}
