package dev.fixpoint.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.harness.predictions.PredictionSet;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.testing.CalcRepo;
import dev.fixpoint.tasks.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prediction that breaks the test run against a real Docker daemon, on the calc repository with a
 * {@code conftest.py} that imports {@code calc} (as a package's conftest imports the package): a syntax error in
 * calc.py stops pytest before it collects anything, so the log holds no result. The baseline (base + test patch,
 * no patch) has results: unresolved, as SWE-bench grades it. The same log read with the wrong result format has no
 * results with the patch nor without it: no_results, an error.
 */
@Tag("docker")
class BrokenTestRunDockerTest {

    static final String BREAKS_IMPORT = CalcRepo.addReturns("a +");
    static final String TEST_PATCH = CalcRepo.testPatch("assert add(2, 3) == 5");

    /** Sandboxes of the Docker CLI, counting the starts per rollout label. */
    record Counting(SandboxProvider docker, Map<String, AtomicInteger> starts) implements SandboxProvider {
        Counting() {
            this(new DockerCliSandboxes(), new ConcurrentHashMap<>());
        }

        @Override
        public Sandbox start(SandboxSpec spec) {
            String rollout = spec.labels().get(SandboxLabels.ROLLOUT);
            starts.computeIfAbsent(rollout.replaceAll("-\\d+$", ""), k -> new AtomicInteger()).incrementAndGet();
            return docker.start(spec);
        }

        int of(String kind) {
            AtomicInteger n = starts.get(kind);
            return n == null ? 0 : n.get();
        }

        @Override
        public int prune(boolean all) {
            return 0;
        }

        @Override
        public void close() {}
    }

    /** The base commit of the calc repository written to {@code repo}. */
    static String repo(Path repo) {
        try (GitFixture git = GitFixture.init(repo)) {
            return CalcRepo.writeBase(git).write("conftest.py", "import calc  # noqa: F401\n").commit("base");
        }
    }

    static Task task(String id, String base, ResultFormat format) {
        EnvironmentSpec env = new EnvironmentSpec("fixpoint/python:latest", "/testbed", List.of(),
                "python3 -m pytest -rA -p no:cacheprovider test_calc.py", format, null, Duration.ofSeconds(60));
        return Task.builder().instanceId(id).repo("local/calc").baseCommit(base).patch(CalcRepo.GOLD)
                .testPatch(TEST_PATCH).failToPass(List.of("test_calc.py::test_add"))
                .passToPass(List.of("test_calc.py::test_zero")).environment(env).build();
    }

    static InstanceEvaluator evaluator(SandboxProvider sandboxes, Path repo) {
        SourceTrees trees = task -> new SourceTrees.SourceTree() {
            @Override public Path directory() { return repo; }
            @Override public void close() {}
        };
        return new InstanceEvaluator(sandboxes, trees, "broken-run-test", null, 1);
    }

    @Test
    void aPatchThatBreaksTheTestRunIsUnresolvedAndAWrongResultFormatIsNoResults(@TempDir Path tmp) throws Exception {
        assumeTrue(DockerCliSandboxes.dockerAvailable(), "no Docker daemon");
        Path repo = tmp.resolve("repo");
        String base = repo(repo);
        Path out = tmp.resolve("out");
        Counting sandboxes = new Counting();
        List<Task> tasks = List.of(task("t-breaks", base, ResultFormat.PYTEST_LOG),
                task("t-gold", base, ResultFormat.PYTEST_LOG), task("t-format", base, ResultFormat.DJANGO));
        PredictionSet predictions = new PredictionSet(Map.of(
                "t-breaks", new Prediction("t-breaks", "m", BREAKS_IMPORT),
                "t-gold", new Prediction("t-gold", "m", CalcRepo.GOLD),
                "t-format", new Prediction("t-format", "m", CalcRepo.GOLD)), List.of());
        EvalRunner.Outcome o = new EvalRunner(evaluator(sandboxes, repo), new EvalRunner.Config(out, 2, false, false),
                null).run(tasks, predictions);

        assertEquals(EvalStatus.UNRESOLVED, o.instances().get("t-breaks").status());
        String report = Files.readString(out.resolve("t-breaks/report.json"));
        assertTrue(report.contains("\"message\": \"the tests produced no results with this patch; without it they"
                + " produce 2 test results: the patch broke the test run (see test_output.txt; without the patch:"
                + " baseline/test_output.txt); no pytest result lines"), report);
        assertTrue(report.contains("\"failure\": [\n                    \"test_calc.py::test_add\"\n"), report);
        assertTrue(report.contains("\"patch_successfully_applied\": true"), report);
        assertTrue(Files.readString(out.resolve("t-breaks/test_output.txt")).contains("SyntaxError"));
        assertTrue(Files.readString(out.resolve("t-breaks/baseline/test_output.txt"))
                .contains("FAILED test_calc.py::test_add"));
        assertTrue(Files.readString(out.resolve("t-breaks/baseline/eval.sh")).contains(EvalScript.NO_MODEL_PATCH));
        String log = Files.readString(out.resolve("t-breaks/run_instance.log"));
        assertTrue(log.contains("No test result in the test output: the same tests ran on base + test patch only (no"
                + " model patch) in baseline/"), log);
        assertTrue(log.contains("Message: the tests produced no results with this patch; without it they produce 2"
                + " test results: the patch broke the test run"), log);
        assertTrue(log.contains("Result for t-breaks: resolved: False (status unresolved)"), log);

        assertEquals(EvalStatus.RESOLVED, o.instances().get("t-gold").status());
        assertFalse(Files.exists(out.resolve("t-gold/baseline")), "a log with results needs no baseline");

        assertEquals(EvalStatus.NO_RESULTS, o.instances().get("t-format").status());
        String noResults = Files.readString(out.resolve("t-format/report.json"));
        assertTrue(noResults.contains("\"message\": \"no test results could be read from the test output with"
                + " result_format django, neither with this patch nor without it (base + test patch only,"
                + " baseline/test_output.txt: no Django test lines"), noResults);
        assertTrue(noResults.contains("the environment's result_format or test_command do not fit the repository's"
                + " tests; see test_output.txt; no Django test lines"), noResults);

        RunSummary s = o.summary();
        assertEquals(List.of("t-breaks", "t-gold"), s.completedIds());
        assertEquals(List.of("t-breaks"), s.unresolvedIds());
        assertEquals(List.of("t-format"), s.ids(EvalStatus.NO_RESULTS));
        assertEquals(List.of("t-format"), s.errorIds());
        assertFalse(s.allGraded(), "eval exits 1");
        assertEquals(5, sandboxes.of("eval") + sandboxes.of("baseline"));
        assertEquals(2, sandboxes.of("baseline"), sandboxes.starts().toString());

        Map<String, String> reports = Map.of("t-breaks", report, "t-format", noResults);
        new EvalRunner(null, new EvalRunner.Config(out, 2, false, true), null).run(tasks, predictions);
        for (var e : reports.entrySet()) {
            assertEquals(e.getValue(), Files.readString(out.resolve(e.getKey() + "/report.json")), "regrade");
        }
    }

    @Test
    void candidatesOfOneInstanceShareOneBaseline(@TempDir Path tmp) throws Exception {
        assumeTrue(DockerCliSandboxes.dockerAvailable(), "no Docker daemon");
        Path repo = tmp.resolve("repo");
        String base = repo(repo);
        Counting sandboxes = new Counting();
        Path root = tmp.resolve("grades");
        InstanceEvaluator evaluator = evaluator(sandboxes, repo).withBaselines(root);
        Task task = task("t-breaks", base, ResultFormat.PYTEST_LOG);
        List<String> patches = List.of(BREAKS_IMPORT, CalcRepo.addReturns("a * * b"), CalcRepo.addReturns("(a"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<InstanceReport>> reports = new ArrayList<>();
        try {
            for (int k = 0; k < patches.size(); k++) {
                String patch = patches.get(k);
                Path dir = root.resolve("t-breaks").resolve("candidate-" + k);
                reports.add(pool.submit(() -> ReportBuilder.write(task,
                        evaluator.evaluate(task, new Prediction(task.instanceId(), "candidate", patch), dir), dir)));
            }
            for (Future<InstanceReport> f : reports) {
                InstanceReport r = f.get();
                assertEquals(EvalStatus.UNRESOLVED, r.status(), r.message());
                assertTrue(r.message().contains("without the patch: ../baseline/test_output.txt"), r.message());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, sandboxes.of("eval"));
        assertEquals(1, sandboxes.of("baseline"), "one baseline for the three candidates");
    }
}
