package dev.fixpoint.solver.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch run's header, from {@code run.json}.
 *
 * @param runId     the run's id
 * @param model     the model label
 * @param scripted  the model was scripted (replayed sessions), not a live model
 * @param startedAt when the last batch process started
 * @param updatedAt when it last wrote run.json
 * @param complete  that process finished
 * @param strategy  the selection strategy's name
 * @param rollouts  rollouts planned per task
 * @param tasksFile the task file the run read, if recorded
 * @param spend     the run's spend (the last process's)
 */
public record RunInfo(String runId, String model, boolean scripted, Instant startedAt, Instant updatedAt, boolean complete,
                      String strategy, int rollouts, Optional<Path> tasksFile, Spend spend) {

    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(spend, "spend");
    }

    public Duration wallTime() {
        return startedAt == null || updatedAt == null ? Duration.ZERO : Duration.between(startedAt, updatedAt);
    }
}
