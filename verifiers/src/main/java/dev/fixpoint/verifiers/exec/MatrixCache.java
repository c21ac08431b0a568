package dev.fixpoint.verifiers.exec;

import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.dedup.Cluster;
import dev.fixpoint.verifiers.dedup.Clustering;
import dev.fixpoint.verifiers.dedup.PatchState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test matrix of one task, kept between calls: each distinct patch runs each test once, however often the
 * matrix is asked for (a pool that grows, an adaptive stop checking after every rollout). Tests a patch has not met
 * yet run in one more sandbox for that patch; a regression test added later is read from the results of the test
 * command's earlier run when it had one (every passing result is recorded). Confined to one thread.
 */
public final class MatrixCache {

    private static final Logger log = LoggerFactory.getLogger(MatrixCache.class);

    private final ExecutionVerifier executor;
    private final Task task;
    private final Path baseTree;
    private final Map<String, Cell> cells = new HashMap<>();
    private Duration sandboxTime = Duration.ZERO;
    private int sandboxes;

    /** What one patch showed so far; {@code passed} is null until the test command ran for it. */
    private static final class Cell {
        boolean applied = true;
        final Map<String, TestVerdict> verdicts = new HashMap<>();
        List<String> passed;
        String problem = "";
        Duration time = Duration.ZERO;
    }

    public MatrixCache(ExecutionVerifier executor, Task task, Path baseTree) {
        this.executor = executor;
        this.task = task;
        this.baseTree = baseTree;
    }

    /**
     * The matrix of {@code tests} against the candidates of the clusters {@code which} accepts (runnable ones only;
     * empty and malformed patches get a not-applied row), running only the cells not run before.
     */
    public TestMatrix matrix(List<CandidatePatch> candidates, Clustering clustering, List<VerificationTest> tests,
                             Predicate<Cluster> which) {
        Map<String, CandidatePatch> byId = new HashMap<>();
        candidates.forEach(c -> byId.put(c.id(), c));
        Map<String, RunResult> runs = new HashMap<>();
        int before = sandboxes;
        for (Cluster cluster : clustering.clusters()) {
            if (!which.test(cluster)) {
                continue;
            }
            RunResult result = runnable(cluster.state())
                    ? run(cluster.representative(), byId.get(cluster.representative()).patch(), tests)
                    : notRun(tests, "not run: " + cluster.state());
            cluster.memberIds().forEach(member -> runs.put(member, result));
        }
        log.debug("{}: {} tests x {} candidates, {} new sandboxes", task.instanceId(), tests.size(), runs.size(),
                sandboxes - before);
        return new TestMatrix(tests, runs, sandboxTime, sandboxes);
    }

    /** Wall time of every sandbox this cache started. */
    public Duration sandboxTime() {
        return sandboxTime;
    }

    /** Sandboxes this cache started. */
    public int sandboxes() {
        return sandboxes;
    }

    /**
     * Whether a cluster's change is run: empty and malformed patches are not; one de-duplication could not apply
     * may still apply with fuzz, so it is.
     */
    public static boolean runnable(Cluster cluster) {
        return runnable(cluster.state());
    }

    private static boolean runnable(PatchState state) {
        return state.isUsable() || state == PatchState.DOES_NOT_APPLY;
    }

    private RunResult run(String label, String patch, List<VerificationTest> tests) {
        Cell cell = cells.computeIfAbsent(patch, p -> new Cell());
        if (cell.applied) {
            List<VerificationTest> missing = new ArrayList<>();
            for (VerificationTest t : tests) {
                if (cell.verdicts.containsKey(t.id())) {
                    continue;
                }
                if (t.kind() == VerificationTest.Kind.REGRESSION && !t.isScript() && cell.passed != null) {
                    cell.verdicts.put(t.id(), cell.passed.stream().anyMatch(t::selects) ? TestVerdict.PASS : TestVerdict.FAIL);
                } else {
                    missing.add(t);
                }
            }
            if (!missing.isEmpty()) {
                RunResult r = executor.run(task, baseTree, label, patch, missing);
                sandboxTime = sandboxTime.plus(r.sandboxTime());
                sandboxes++;
                cell.time = cell.time.plus(r.sandboxTime());
                cell.applied = r.applied();
                cell.verdicts.putAll(r.verdicts());
                if (missing.stream().anyMatch(t -> !t.isScript())) {
                    cell.passed = r.passed();
                }
                if (!r.problem().isEmpty()) {
                    cell.problem = cell.problem.isEmpty() ? r.problem() : cell.problem + "; " + r.problem();
                }
            }
        }
        if (!cell.applied) {
            RunResult none = notRun(tests, cell.problem);
            return new RunResult(false, none.verdicts(), cell.time, cell.problem, List.of());
        }
        Map<String, TestVerdict> verdicts = new HashMap<>();
        tests.forEach(t -> verdicts.put(t.id(), cell.verdicts.get(t.id())));
        return new RunResult(true, verdicts, cell.time, cell.problem, cell.passed);
    }

    private static RunResult notRun(List<VerificationTest> tests, String problem) {
        Map<String, TestVerdict> none = new HashMap<>();
        tests.forEach(t -> none.put(t.id(), TestVerdict.NOT_RUN));
        return new RunResult(false, none, Duration.ZERO, problem, List.of());
    }
}
