package dev.fixpoint.solver.cli;

import dev.fixpoint.tasks.InvalidTaskException;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoadResult;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** {@code --tasks} and {@code --specs}: the task file and its environment spec file, read through {@link TaskInputs}. */
final class TaskFileOptions {

    /** Help of {@code --skip-invalid}, on the commands that take it. */
    static final String SKIP_INVALID = "skip invalid task rows, tasks without an environment and tasks whose repository "
            + "cannot be reached (each listed on stderr with why) instead of stopping";

    @Option(names = "--tasks", required = true, paramLabel = "FILE", description = "tasks: JSON, JSONL or a Hugging Face export")
    Path file;

    @Option(names = "--specs", paramLabel = "FILE",
            description = "environment spec file (YAML) for rows without an environment (default: environments.yaml next to "
                    + "the task file, if any; else built-in defaults)")
    Path specs;

    /** Loads and resolves (see {@link TaskInputs#load}). */
    TaskInputs load(RepoCache cache, boolean skipInvalid, boolean preflight) throws InterruptedException {
        return TaskInputs.load(file, specs, skipInvalid, cache, preflight);
    }

    /**
     * The tasks to run, every repository checked reachable first. An invalid row, a task without an environment or an
     * unreachable repository stops the command ({@link InvalidTaskException} or a WorkspaceException, listing them
     * all) unless {@code skipInvalid}; then each skipped task is listed on stderr with why, and the others run.
     */
    List<Task> loadToRun(RepoCache cache, boolean skipInvalid, String command) throws InterruptedException {
        TaskLoadResult loaded = TaskInputs.load(file, specs, skipInvalid, cache,
                skipInvalid ? TaskInputs.Reach.SKIP : TaskInputs.Reach.STOP).asLoadResult();
        if (!skipInvalid && !loaded.problems().isEmpty()) throw new InvalidTaskException(loaded.problems());
        loaded.problems().forEach(p -> System.err.println("fixpoint " + command + ": skipped: " + p));
        return loaded.tasks();
    }
}
