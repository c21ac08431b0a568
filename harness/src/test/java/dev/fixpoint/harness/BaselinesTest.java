package dev.fixpoint.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline of a log with no results: run once per instance however many predictions need it (at once or one
 * after the other), and what grading makes of it.
 */
class BaselinesTest {

    static final List<String> F2P = List.of("test_calc.py::test_add");
    static final List<String> P2P = List.of("test_calc.py::test_zero");
    static final String RESULTS = "PASSED test_calc.py::test_zero\nFAILED test_calc.py::test_add - assert -1 == 5\n";
    static final String BROKEN = "ImportError while loading conftest '/testbed/conftest.py'.\n"
            + "conftest.py:1: in <module>\n    import calc\nE     File \"/testbed/calc.py\", line 2\n"
            + "E       return a +\nE                 ^\nE   SyntaxError: invalid syntax\n";

    static Task task(String id) {
        EnvironmentSpec env = new EnvironmentSpec("fixpoint/python:latest", "/testbed", List.of(),
                "python3 -m pytest -rA test_calc.py", ResultFormat.PYTEST_LOG, null, Duration.ofSeconds(20));
        return Task.builder().instanceId(id).repo("local/calc").baseCommit("0".repeat(40)).patch("")
                .testPatch("").failToPass(F2P).passToPass(P2P).environment(env).build();
    }

    /** A saved run of one attempt whose test output is {@code log}, exit {@code exit}. */
    static InstanceRun saved(Path dir, String model, String log, int exit) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("test_output.txt"), log);
        return new InstanceRun(dir.getParent().getFileName().toString(), model, EvalStatus.UNRESOLVED, false,
                ApplyStep.GIT_APPLY, "", Duration.ofSeconds(3), List.of(new Attempt(1, exit, false,
                Duration.ofSeconds(1), "test_output.txt", List.of(), "", Map.of())));
    }

    /** A runner writing a baseline whose log is {@code log}, counting its runs per instance. */
    static Baselines.Runner counting(Map<String, AtomicInteger> runs, String log) {
        return (task, dir) -> {
            runs.computeIfAbsent(task.instanceId(), k -> new AtomicInteger()).incrementAndGet();
            InstanceEvaluator.resetDirectory(dir);
            Thread.sleep(50); // long enough for the other predictions to ask for it meanwhile
            return saved(dir, Baselines.MODEL, log, 1);
        };
    }

    @Test
    void theBaselineRunsOncePerInstanceForEveryPredictionThatNeedsIt(@TempDir Path root) throws Exception {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Baselines baselines = new Baselines(counting(runs, RESULTS), root);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<InstanceReport>> reports = new ArrayList<>();
        try {
            for (String id : List.of("a", "a", "a", "a", "b", "b")) {
                int k = reports.size();
                reports.add(pool.submit(() -> {
                    Path dir = root.resolve(id).resolve("candidate-" + k);
                    InstanceRun run = saved(dir, "m", BROKEN, 4);
                    go.await();
                    InstanceRun attached = baselines.attach(run, task(id), dir);
                    assertEquals("../baseline", attached.baseline());
                    return ReportBuilder.build(task(id), attached, dir, false);
                }));
            }
            go.countDown();
            for (Future<InstanceReport> f : reports) {
                InstanceReport r = f.get();
                assertEquals(EvalStatus.UNRESOLVED, r.status(), r.message());
                assertTrue(r.message().startsWith("the tests produced no results with this patch; without it they"
                        + " produce 2 test results: the patch broke the test run (see test_output.txt; without the"
                        + " patch: ../baseline/test_output.txt)"), r.message());
                assertEquals(F2P, r.grade().failToPass().failure());
                assertEquals(P2P, r.grade().passToPass().failure());
                assertTrue(r.patchApplied());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, runs.get("a").get());
        assertEquals(1, runs.get("b").get());
        Path saved = root.resolve("a/baseline/run.json");
        assertEquals(Baselines.MODEL, InstanceRun.fromJson(Files.readString(saved)).modelNameOrPath());
        // a later prediction of the same instance reuses it too
        Path later = root.resolve("a/later");
        assertEquals("../baseline", baselines.attach(saved(later, "m", BROKEN, 4), task("a"), later).baseline());
        assertEquals(1, runs.get("a").get());
    }

    @Test
    void aRunWithResultsNeedsNoBaseline(@TempDir Path root) throws Exception {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Baselines baselines = new Baselines(counting(runs, RESULTS), root);
        Path dir = root.resolve("a");
        InstanceRun run = saved(dir, "m", RESULTS, 1);
        assertSame(run, baselines.attach(run, task("a"), dir));
        InstanceRun timedOut = new InstanceRun("a", "m", EvalStatus.UNRESOLVED, false, ApplyStep.GIT_APPLY, "",
                Duration.ZERO, List.of(new Attempt(1, -1, true, Duration.ofSeconds(20), "test_output.txt", List.of(),
                "", Map.of())));
        Files.writeString(dir.resolve("test_output.txt"), "");
        assertSame(timedOut, baselines.attach(timedOut, task("a"), dir), "a timeout is graded as a timeout");
        assertTrue(runs.isEmpty(), runs.toString());
    }

    @Test
    void noResultsWithoutThePatchEitherStaysAnErrorNamingBothProblems(@TempDir Path root) throws Exception {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Baselines baselines = new Baselines(counting(runs, "Ran 3 tests in 0.1s\nOK\n"), root);
        Path dir = root.resolve("a").resolve("p");
        InstanceRun run = baselines.attach(saved(dir, "m", BROKEN, 4), task("a"), dir);
        InstanceReport r = ReportBuilder.build(task("a"), run, dir, false);
        assertEquals(EvalStatus.NO_RESULTS, r.status());
        assertTrue(r.message().startsWith("no test results could be read from the test output with result_format"
                + " pytest_log, neither with this patch nor without it (base + test patch only, ../baseline/test_output.txt:"
                + " no pytest result lines"), r.message());
        assertTrue(r.message().contains("(test command exit 1)): the environment's result_format or test_command do"
                + " not fit the repository's tests"), r.message());
        assertTrue(r.message().contains("; no pytest result lines (PASSED/FAILED/... node_id) found in the log; was it"
                + " run with -rA? (test command exit 4)"), r.message());
        // the regrade reads the same files and says the same
        InstanceRun reread = InstanceRun.fromJson(run.toJson());
        assertEquals("../baseline", reread.baseline());
        assertEquals(r, ReportBuilder.build(task("a"), reread, dir, false));
    }

    @Test
    void aBaselineThatCouldNotBeWrittenRunsAgainAndAMissingOneIsNamed(@TempDir Path root) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Baselines baselines = new Baselines((task, dir) -> {
            if (calls.incrementAndGet() == 1) throw new IOException("disk full");
            InstanceEvaluator.resetDirectory(dir);
            return saved(dir, Baselines.MODEL, RESULTS, 1);
        }, root);
        Path dir = root.resolve("a").resolve("p");
        InstanceRun run = saved(dir, "m", BROKEN, 4);
        IOException e = assertThrows(IOException.class, () -> baselines.attach(run, task("a"), dir));
        assertEquals("disk full", e.getMessage());
        assertEquals(EvalStatus.UNRESOLVED, ReportBuilder.build(task("a"), baselines.attach(run, task("a"), dir), dir,
                false).status());
        assertEquals(2, calls.get());

        InstanceEvaluator.deleteTree(root.resolve("a/baseline"));
        InstanceReport gone = ReportBuilder.build(task("a"), run.withBaseline("../baseline"), dir, false);
        assertEquals(EvalStatus.NO_RESULTS, gone.status());
        assertTrue(gone.message().contains("the run without the patch that tells them apart failed (its files are"
                + " gone ("), gone.message());
    }
}
