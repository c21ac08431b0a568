package dev.fixpoint.harness;

import dev.fixpoint.harness.results.TestResults;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.env.ResultFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline that tells a patch that broke the test run from an environment that yields no results. When a
 * prediction's test log holds no test result, the same tests run once more on the same image with base + test patch
 * only (no model patch): if that log has results, the patch broke the test run (an import it broke, a module that no
 * longer compiles) and is graded unresolved, every listed test missing and so failed, as SWE-bench grades it; if it
 * has none either, the environment's {@code result_format} or {@code test_command} do not fit, and the instance stays
 * {@link EvalStatus#NO_RESULTS}, an error. Each instance's baseline runs at most once per {@code Baselines} (the first
 * prediction that needs it runs it, the others wait for it and share it) into {@code root/<instance>/baseline/}, and
 * the prediction's {@code run.json} names that directory, so a regrade reads it again. A baseline that failed to be
 * written is run again by the next prediction that needs it. Thread-safe.
 */
public final class Baselines {

    private static final Logger log = LoggerFactory.getLogger(Baselines.class);

    /** {@code model_name_or_path} of a baseline run. */
    public static final String MODEL = "baseline:base+test_patch";
    /** Name of a baseline's directory under its instance's directory. */
    public static final String DIR = "baseline";

    /** Runs the tests of a task on base + test patch only, saving the raw files in a directory it empties first. */
    @FunctionalInterface
    interface Runner {
        InstanceRun run(Task task, Path dir) throws IOException, InterruptedException;
    }

    /**
     * What the baseline run of an instance showed.
     *
     * @param tests   test results read from its log (0 when none or when it did not get to run the tests)
     * @param problem why it has no results (the parser's problem and the exit code, or why it did not run); empty
     *                when it has some
     * @param ran     the tests ran to the end (no sandbox error, no timeout), so that no results is a finding
     * @param output  its test output, relative to the prediction's instance directory
     */
    record Result(int tests, String problem, boolean ran, String output) {}

    private final Runner runner;
    private final Path root;
    private final ConcurrentMap<String, FutureTask<Path>> runs = new ConcurrentHashMap<>();

    Baselines(Runner runner, Path root) {
        this.runner = runner;
        this.root = root;
    }

    /**
     * {@code run} with its baseline's directory when its log held no test result ({@link ReportBuilder#lacksResults});
     * else {@code run} as it is.
     *
     * @param dir the prediction's instance directory, which the baseline's directory is named relative to
     */
    InstanceRun attach(InstanceRun run, Task task, Path dir) throws IOException, InterruptedException {
        if (!ReportBuilder.lacksResults(task, run, dir)) return run;
        Path baseline = of(task);
        Path from = dir.toAbsolutePath().normalize();
        return run.withBaseline(from.relativize(baseline.toAbsolutePath().normalize()).toString()
                .replace(from.getFileSystem().getSeparator(), "/"));
    }

    /** The directory of the task's baseline run; the first call for an instance runs it, later ones wait for it. */
    Path of(Task task) throws IOException, InterruptedException {
        String id = task.instanceId();
        FutureTask<Path> mine = new FutureTask<>(() -> {
            Path dir = ReportFiles.instanceDir(root, id).resolve(DIR);
            InstanceRun r = runner.run(task, dir);
            ReportFiles.writeAtomically(dir.resolve(ReportFiles.RUN), r.toJson());
            log.info("{}: baseline (base + test patch only) for a prediction whose log held no test result: {}{}",
                    id, r.phase().json(), r.message().isEmpty() ? "" : " (" + r.message() + ")");
            return dir;
        });
        FutureTask<Path> running = runs.putIfAbsent(id, mine);
        if (running == null) {
            running = mine;
            mine.run();
        }
        try {
            return running.get();
        } catch (ExecutionException e) {
            runs.remove(id, running);
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof InterruptedException) {
                throw new InterruptedException(id + ": the baseline run was interrupted");
            }
            if (cause instanceof RuntimeException re) throw re;
            throw new IllegalStateException(id + ": baseline run failed: " + cause, cause);
        }
    }

    /**
     * Reads the baseline a saved run names, exactly as grading reads the prediction's own log.
     *
     * @param dir the prediction's instance directory
     */
    static Result read(InstanceRun run, ResultFormat format, Set<String> expected, Path dir) {
        Path base = dir.resolve(run.baseline());
        String output = run.baseline() + "/test_output.txt";
        Path runFile = base.resolve(ReportFiles.RUN);
        if (!Files.isRegularFile(runFile)) {
            return new Result(0, "its files are gone (" + runFile + " is missing); evaluate again", false, output);
        }
        InstanceRun b;
        try {
            b = InstanceRun.fromJson(Files.readString(runFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(0, "its " + runFile + " cannot be read: " + e.getMessage(), false, output);
        }
        if (b.phase() != EvalStatus.UNRESOLVED || b.attempts().isEmpty()) {
            return new Result(0, "it did not get to the tests: " + b.phase().json()
                    + (b.message().isEmpty() ? "" : ": " + b.message()), false, output);
        }
        Attempt a = b.attempts().get(0);
        output = run.baseline() + "/" + a.outputFile();
        TestResults r = ReportBuilder.parse(a, format, expected, base);
        if (!r.outcomes().isEmpty()) return new Result(r.outcomes().size(), "", true, output);
        String why = (r.problems().isEmpty() ? "no test result" : String.join("; ", r.problems()))
                + " (test command exit " + a.exitCode() + ")";
        if (a.timedOut()) {
            return new Result(0, "the test command timed out after " + Json.seconds(a.testDuration()) + " s", false,
                    output);
        }
        return new Result(0, why, true, output);
    }
}
