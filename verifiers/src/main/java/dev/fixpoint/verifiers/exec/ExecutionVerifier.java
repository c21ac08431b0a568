package dev.fixpoint.verifiers.exec;

import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.dedup.Cluster;
import dev.fixpoint.verifiers.dedup.Clustering;
import dev.fixpoint.verifiers.dedup.PatchState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every kept test against every candidate, one sandbox per distinct change (a cluster's representative
 * stands for its members: they make the same change), all tests batched in one command, and returns the
 * {@link TestMatrix}. Empty and malformed patches are not run: they get a not-applied row; patches
 * de-duplication could not apply are tried, since the sandbox applies with fuzz. Sequential; the
 * pipeline bounds concurrency by running several verifiers. Thread-safe.
 */
public final class ExecutionVerifier {

    private static final Logger log = LoggerFactory.getLogger(ExecutionVerifier.class);

    private final SandboxTestRunner runner;

    public ExecutionVerifier(SandboxProvider sandboxes, String runId, Duration scriptTimeout) {
        this.runner = new SandboxTestRunner(Objects.requireNonNull(sandboxes, "sandboxes"), runId, scriptTimeout);
    }

    /**
     * @param baseTree host directory with the task's repository at its base commit
     */
    public TestMatrix verify(Task task, Path baseTree, List<CandidatePatch> candidates, Clustering clustering,
                             List<VerificationTest> tests) {
        Map<String, CandidatePatch> byId = new HashMap<>();
        candidates.forEach(c -> byId.put(c.id(), c));
        Map<String, RunResult> runs = new HashMap<>();
        Duration total = Duration.ZERO;
        int started = 0;
        for (Cluster cluster : clustering.clusters()) {
            RunResult result;
            if (runnable(cluster.state())) {
                result = runner.run(task, baseTree, cluster.representative(), byId.get(cluster.representative()).patch(), tests);
                total = total.plus(result.sandboxTime());
                started++;
            } else {
                Map<String, TestVerdict> none = new HashMap<>();
                tests.forEach(t -> none.put(t.id(), TestVerdict.NOT_RUN));
                result = new RunResult(false, none, Duration.ZERO, "not run: " + cluster.state(), List.of());
            }
            for (String member : cluster.memberIds()) {
                runs.put(member, result);
            }
        }
        log.info("{}: {} tests x {} candidates in {} sandboxes, {} s", task.instanceId(), tests.size(),
                candidates.size(), started, total.toSeconds());
        return new TestMatrix(tests, runs, total, started);
    }

    /** Empty and malformed patches are not run; one de-duplication could not apply may still apply with fuzz. */
    private static boolean runnable(PatchState state) {
        return state.isUsable() || state == PatchState.DOES_NOT_APPLY;
    }

    /**
     * Runs the task's test command on the base code alone: its {@link RunResult#passed()} tests are what
     * {@link RegressionTests#select} chooses from.
     */
    public RunResult baseSuite(Task task, Path baseTree) {
        return runner.run(task, baseTree, "base-suite", "", List.of(), true);
    }

    /** Runs the tests on the base code (no patch): how test generation and regression selection check them. */
    public RunResult onBase(Task task, Path baseTree, List<VerificationTest> tests) {
        return runner.run(task, baseTree, "base", "", tests);
    }
}
