package dev.fixpoint.verifiers.exec;

import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.dedup.Clustering;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Runs every kept test against every candidate, one sandbox per distinct change (a cluster's representative
 * stands for its members: they make the same change), all tests batched in one command, and returns the
 * {@link TestMatrix}. Empty and malformed patches are not run: they get a not-applied row; patches
 * de-duplication could not apply are tried, since the sandbox applies with fuzz. A {@link MatrixCache} keeps the
 * cells between calls for a pool that grows. Sequential; the pipeline bounds concurrency by running several
 * verifiers. Thread-safe.
 */
public final class ExecutionVerifier {

    private final SandboxTestRunner runner;
    private final TimeBudget budget;

    /** Sandboxes start from each task's environment image, with the base tree copied in. */
    public ExecutionVerifier(SandboxProvider sandboxes, String runId, Duration scriptTimeout) {
        this(sandboxes, runId, scriptTimeout, null);
    }

    /**
     * @param instanceImage image that already holds the task's repository at its base commit in the workdir (the
     *                      pipeline's baked instance image): sandboxes start from it and nothing is copied in; null
     *                      to copy the base tree into the environment's image
     */
    public ExecutionVerifier(SandboxProvider sandboxes, String runId, Duration scriptTimeout, String instanceImage) {
        this(sandboxes, runId, scriptTimeout, instanceImage, TimeBudget.unlimited());
    }

    /**
     * @param budget bounds the test command of {@link #onBase} runs (test generation's checks) by what is left of
     *               it; the caller charges the runs
     */
    public ExecutionVerifier(SandboxProvider sandboxes, String runId, Duration scriptTimeout, String instanceImage,
                             TimeBudget budget) {
        this.runner = new SandboxTestRunner(Objects.requireNonNull(sandboxes, "sandboxes"), runId, scriptTimeout,
                instanceImage);
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /**
     * @param baseTree host directory with the task's repository at its base commit
     */
    public TestMatrix verify(Task task, Path baseTree, List<CandidatePatch> candidates, Clustering clustering,
                             List<VerificationTest> tests) {
        return new MatrixCache(this, task, baseTree).matrix(candidates, clustering, tests, cluster -> true);
    }

    /**
     * One sandbox: the patch (empty for the base code) applied, the tests run.
     *
     * @param limit the longest the test command may run, or null for the environment's test timeout
     */
    RunResult run(Task task, Path baseTree, String label, String patch, List<VerificationTest> tests, Duration limit) {
        return runner.run(task, baseTree, label, patch, tests, List.of(), limit);
    }

    /**
     * Runs the task's test command on {@code testFiles} on the base code: its {@link RunResult#passed()} results are
     * what {@link RegressionTests#fromBase} reads. With no file, nothing runs and the result is empty.
     *
     * @param limit the longest the test command may run, or null for the environment's test timeout
     */
    public RunResult baseRun(Task task, Path baseTree, List<String> testFiles, Duration limit) {
        if (testFiles.isEmpty()) {
            return new RunResult(true, java.util.Map.of(), Duration.ZERO, "no test file to run", List.of());
        }
        return runner.run(task, baseTree, "base-regression", "", List.of(), testFiles, limit);
    }

    /** Runs the tests on the base code (no patch): how test generation checks them. */
    public RunResult onBase(Task task, Path baseTree, List<VerificationTest> tests) {
        return runner.run(task, baseTree, "base", "", tests, List.of(), budget.remaining());
    }
}
