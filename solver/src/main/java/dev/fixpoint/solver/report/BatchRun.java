package dev.fixpoint.solver.report;

import java.nio.file.Path;
import java.util.List;

/**
 * A batch (or solve) run directory as read: its header and its tasks (sorted by instance id).
 *
 * @param kind {@link RunKind#BATCH} or {@link RunKind#SOLVE} (one issue, header derived from its task)
 */
public record BatchRun(Path root, RunInfo info, List<TaskRun> tasks, RunKind kind) {

    public BatchRun {
        tasks = List.copyOf(tasks);
        if (kind == RunKind.EVAL) throw new IllegalArgumentException("an eval directory is not a batch run: " + root);
    }
}
