package dev.fixpoint.tasks;

import java.util.List;

/**
 * What a {@link TaskSource} loaded: the valid tasks, in file order, and the problems of the rows it skipped
 * (always empty unless the source was told to skip invalid rows).
 */
public record TaskLoadResult(List<Task> tasks, List<TaskProblem> problems) {

    public TaskLoadResult {
        tasks = List.copyOf(tasks);
        problems = List.copyOf(problems);
    }

    /** True when every row loaded. */
    public boolean isComplete() {
        return problems.isEmpty();
    }
}
