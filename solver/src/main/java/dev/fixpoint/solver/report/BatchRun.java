package dev.fixpoint.solver.report;

import java.nio.file.Path;
import java.util.List;

/** A batch run directory as read: its header and its tasks (sorted by instance id). */
public record BatchRun(Path root, RunInfo info, List<TaskRun> tasks) {

    public BatchRun {
        tasks = List.copyOf(tasks);
    }
}
