package dev.fixpoint.solver.cli;

import dev.fixpoint.tasks.DatasetDownload;
import dev.fixpoint.tasks.InvalidTaskException;
import dev.fixpoint.tasks.TaskException;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoadResult;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code --tasks} (or {@code --dataset}) and {@code --specs}: the task file and its environment spec file, read through
 * {@link TaskInputs}. A {@code --dataset} is downloaded by {@link #resolve(Path)}, which every command calls first.
 */
final class TaskFileOptions {

    /** Help of {@code --skip-invalid}, on the commands that take it. */
    static final String SKIP_INVALID = "skip invalid task rows, tasks without an environment and tasks whose repository "
            + "cannot be reached (each listed on stderr with why) instead of stopping";

    @Option(names = "--tasks", paramLabel = "FILE|DIR",
            description = "tasks: JSON, JSONL, a Hugging Face export or datasets-server page, Multi-SWE-bench rows, or a"
                    + " directory of such files")
    Path file;

    @Option(names = {"--dataset", "--dataset_name"}, paramLabel = "NAME[:SPLIT]",
            description = "a Hugging Face dataset instead of --tasks, e.g. princeton-nlp/SWE-bench_Lite:test (split test"
                    + " by default), downloaded through the datasets-server API into the run directory once")
    String dataset;

    @Option(names = "--split", paramLabel = "SPLIT", description = "the --dataset split (default: the one after the colon, else test)")
    String split;

    @Option(names = "--datasets-server", paramLabel = "URL", hidden = true,
            description = "datasets-server base URL (default " + DatasetDownload.DEFAULT_BASE_URL + ")")
    String datasetsServer;

    @Option(names = "--specs", paramLabel = "FILE",
            description = "environment spec file (YAML) for rows without an environment (default: environments.yaml next to "
                    + "the task file, if any; else built-in defaults)")
    Path specs;

    /**
     * Makes {@link #file} name the tasks: with {@code --dataset}, its rows downloaded into
     * {@code runDir/dataset/<owner__name-split>} (or the cache, {@code $FIXPOINT_CACHE/datasets}, for commands
     * without a run directory), or found there from an earlier download.
     *
     * @param runDir the command's output directory, or null
     * @throws TaskException when neither or both of --tasks and --dataset are given, or the download fails
     */
    void resolve(Path runDir) throws InterruptedException {
        if ((file == null) == (dataset == null)) {
            throw new TaskException(file == null ? "give the tasks: --tasks FILE or --dataset NAME[:SPLIT]"
                    : "give --tasks or --dataset, not both");
        }
        if (dataset == null) return;
        DatasetDownload.Dataset d;
        try {
            d = DatasetDownload.Dataset.parse(dataset, split);
        } catch (IllegalArgumentException e) {
            throw new TaskException("--dataset: " + e.getMessage());
        }
        Path root = runDir != null ? runDir.resolve("dataset")
                : RepoCache.defaultDirectory().resolveSibling("datasets");
        DatasetDownload.Result r = DatasetDownload.from(datasetsServer).fetch(d, root.resolve(d.slug()));
        System.err.println("dataset " + d.name() + " split " + d.split() + ": " + r.rows() + " rows in "
                + r.directory() + (r.cached() ? " (downloaded before)" : " (downloaded, " + r.pages() + " pages)"));
        file = r.directory();
    }

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
