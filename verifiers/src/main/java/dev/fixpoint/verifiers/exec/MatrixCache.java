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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test matrix of one task, kept between calls: each distinct patch runs each test once, however often the
 * matrix is asked for (a pool that grows, an adaptive stop checking after every rollout). Tests a patch has not met
 * yet run in one more sandbox for that patch; a regression test added later is read from the results of the test
 * command's earlier run when that run covered its file (every passing result is recorded). Runs are charged to a
 * {@link TimeBudget}: once it is spent no new sandbox starts, a patch that ran nothing yet gets no row (no evidence,
 * see {@link #notRunForBudget()}) and tests a patch has not met get {@link TestVerdict#NOT_RUN}. Confined to one
 * thread.
 */
public final class MatrixCache {

    private static final Logger log = LoggerFactory.getLogger(MatrixCache.class);

    private final ExecutionVerifier executor;
    private final Task task;
    private final Path baseTree;
    private final TimeBudget budget;
    private final boolean commandRunsAll;
    private final Map<String, Cell> cells = new HashMap<>();
    private final List<String> notRunForBudget = new ArrayList<>();
    private Duration sandboxTime = Duration.ZERO;
    private int sandboxes;

    /**
     * What one patch showed so far; {@code passed} is null until the test command ran for it, {@code ranFiles} the
     * test files it ran on.
     */
    private static final class Cell {
        boolean applied = true;
        final Map<String, TestVerdict> verdicts = new HashMap<>();
        List<String> passed;
        final Set<String> ranFiles = new HashSet<>();
        String problem = "";
        Duration time = Duration.ZERO;
    }

    /** A cache without a time budget. */
    public MatrixCache(ExecutionVerifier executor, Task task, Path baseTree) {
        this(executor, task, baseTree, TimeBudget.unlimited());
    }

    /** @param budget charged with every run; shared with the other runs of the task's verification */
    public MatrixCache(ExecutionVerifier executor, Task task, Path baseTree, TimeBudget budget) {
        this.executor = executor;
        this.task = task;
        this.baseTree = baseTree;
        this.budget = budget;
        // A command without {test_files} runs what it runs every time, so one run's results cover every file.
        this.commandRunsAll = !TestCommand.of(task).takesFiles();
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
        notRunForBudget.clear();
        for (Cluster cluster : clustering.clusters()) {
            if (!which.test(cluster)) {
                continue;
            }
            RunResult result = runnable(cluster.state())
                    ? run(cluster.representative(), byId.get(cluster.representative()).patch(), tests)
                    : notRun(tests, "not run: " + cluster.state());
            if (result == null) {
                notRunForBudget.addAll(cluster.memberIds());
                continue;
            }
            cluster.memberIds().forEach(member -> runs.put(member, result));
        }
        log.debug("{}: {} tests x {} candidates, {} new sandboxes", task.instanceId(), tests.size(), runs.size(),
                sandboxes - before);
        return new TestMatrix(tests, runs, sandboxTime, sandboxes);
    }

    /**
     * Candidates of the last {@link #matrix} call that ran nothing because the time budget was spent: they have no
     * row, so no execution evidence.
     */
    public List<String> notRunForBudget() {
        return List.copyOf(notRunForBudget);
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

    /** The patch's row for {@code tests}, running what it has not met; null if it met nothing and may not run. */
    private RunResult run(String label, String patch, List<VerificationTest> tests) {
        Cell cell = cells.computeIfAbsent(patch, p -> new Cell());
        Map<String, TestVerdict> unrun = new HashMap<>();
        if (cell.applied) {
            List<VerificationTest> missing = new ArrayList<>();
            for (VerificationTest t : tests) {
                if (cell.verdicts.containsKey(t.id())) {
                    continue;
                }
                if (t.kind() == VerificationTest.Kind.REGRESSION && !t.isScript() && cell.passed != null
                        && (commandRunsAll || cell.ranFiles.contains(t.source()))) {
                    cell.verdicts.put(t.id(), cell.passed.stream().anyMatch(t::selects) ? TestVerdict.PASS : TestVerdict.FAIL);
                } else {
                    missing.add(t);
                }
            }
            if (!missing.isEmpty() && budget.spent()) {
                if (cell.verdicts.isEmpty()) {
                    log.info("{}: {}: verification budget of {} s spent: not run", task.instanceId(), label,
                            budget.limit().toSeconds());
                    return null;
                }
                missing.forEach(t -> unrun.put(t.id(), TestVerdict.NOT_RUN));
            } else if (!missing.isEmpty()) {
                RunResult r = executor.run(task, baseTree, label, patch, missing, budget.remaining());
                budget.charge(r.sandboxTime());
                sandboxTime = sandboxTime.plus(r.sandboxTime());
                sandboxes++;
                cell.time = cell.time.plus(r.sandboxTime());
                cell.applied = r.applied();
                cell.verdicts.putAll(r.verdicts());
                if (missing.stream().anyMatch(t -> !t.isScript())) {
                    Set<String> passed = new TreeSet<>(cell.passed == null ? List.of() : cell.passed);
                    passed.addAll(r.passed());
                    cell.passed = List.copyOf(passed);
                    missing.stream().filter(t -> !t.isScript()).forEach(t -> cell.ranFiles.add(t.source()));
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
        Map<String, TestVerdict> verdicts = new HashMap<>(unrun);
        tests.forEach(t -> verdicts.putIfAbsent(t.id(), cell.verdicts.get(t.id())));
        String problem = unrun.isEmpty() ? cell.problem : (cell.problem.isEmpty() ? "" : cell.problem + "; ")
                + unrun.size() + " tests not run: verification budget spent";
        return new RunResult(true, verdicts, cell.time, problem, cell.passed);
    }

    private static RunResult notRun(List<VerificationTest> tests, String problem) {
        Map<String, TestVerdict> none = new HashMap<>();
        tests.forEach(t -> none.put(t.id(), TestVerdict.NOT_RUN));
        return new RunResult(false, none, Duration.ZERO, problem, List.of());
    }
}
