package dev.fixpoint.harness;

import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.harness.predictions.PredictionLoader;
import dev.fixpoint.harness.predictions.PredictionSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.testing.CalcRepo;
import dev.fixpoint.tasks.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The evaluator and runner against a real Docker daemon on a tiny Python repository: one run of six predictions
 * (workers 2) shared by all assertions.
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstanceEvaluatorDockerTest {

    static final String CALC = CalcRepo.CALC + "\n\ndef mul(a, b):\n    return a * b\n";
    static final String TESTS = "from calc import add, mul\n\n\ndef test_mul():\n    assert mul(2, 3) == 6\n";
    static final String TEST_PATCH = testPatchAdding("def test_add():\n    assert add(2, 3) == 5",
            "def test_add_negative():\n    assert add(-2, -3) == -5");
    /** The fix with the context of this calc.py, which goes on after add: git apply takes it as it is. */
    static final String GOLD = CalcRepo.addReturns("a + b", "", "", "def mul(a, b):");
    /** Context does not match exactly: git apply refuses, patch --fuzz applies it. */
    static final String FUZZY = """
            --- a/calc.py
            +++ b/calc.py
            @@ -1,3 +1,3 @@
             def add(a, b):  # adds
            -    return a - b
            +    return a + b
             
            """;
    /** Fixes add for positive numbers only: test_add passes, test_add_negative fails -> partial. */
    static final String PARTIAL = CalcRepo.addReturns("abs(a) + abs(b)");
    static final String MISSING_FILE = """
            diff --git a/nope.py b/nope.py
            --- a/nope.py
            +++ b/nope.py
            @@ -1 +1 @@
            -x = 1
            +x = 2
            """;
    /** Fixes add, and also edits the test file: the test patch's version must win. */
    static final String CHEATS = GOLD + """
            diff --git a/test_calc.py b/test_calc.py
            --- a/test_calc.py
            +++ b/test_calc.py
            @@ -1,5 +1,2 @@
             from calc import add, mul
            -
            -
            -def test_mul():
            -    assert mul(2, 3) == 6
            +test_mul = None
            """;
    static final String HANGS = """
            diff --git a/calc.py b/calc.py
            --- a/calc.py
            +++ b/calc.py
            @@ -4,3 +4,4 @@ def add(a, b):
             
             def mul(a, b):
            +    while True: pass
                 return a * b
            """;

    /** A test patch of this test_calc.py that adds {@code tests} (test functions), two blank lines before each, after test_mul. */
    static String testPatchAdding(String... tests) {
        String added = Stream.of(tests).map(t -> "\n\n" + t + "\n").collect(Collectors.joining()).lines()
                .map(line -> "+" + line + "\n").collect(Collectors.joining());
        return "diff --git a/test_calc.py b/test_calc.py\n--- a/test_calc.py\n+++ b/test_calc.py\n"
                + "@@ -3,3 +3," + (3 + added.lines().count()) + " @@ from calc import add, mul\n"
                + "\n def test_mul():\n     assert mul(2, 3) == 6\n" + added;
    }

    Path tmp;
    Path out;
    Path repo;
    String base;
    EvalRunner.Outcome first;
    Map<String, String> firstReports;

    @BeforeAll
    void runOnce() throws Exception {
        assumeTrue(DockerCliSandboxes.dockerAvailable(), "no Docker daemon");
        tmp = Files.createTempDirectory("harness-docker-test");
        repo = tmp.resolve("repo");
        try (GitFixture git = GitFixture.init(repo)) { // a git repository at the base commit, as the graders copy in
            base = git.write("calc.py", CALC).write("test_calc.py", TESTS).commit("base");
        }
        out = tmp.resolve("out");
        Map<String, String> patches = new LinkedHashMap<>();
        patches.put("t-gold", GOLD);
        patches.put("t-fuzzy", FUZZY);
        patches.put("t-partial", PARTIAL);
        patches.put("t-missing", MISSING_FILE);
        patches.put("t-cheats", CHEATS);
        patches.put("t-hangs", HANGS);
        patches.put("t-binary", "diff --git a/img.png b/img.png\nindex 1..2 100644\nBinary files a/img.png and b/img.png differ\n");
        patches.put("t-empty", "");
        StringBuilder preds = new StringBuilder();
        for (var e : patches.entrySet()) {
            preds.append("{\"instance_id\": \"").append(e.getKey()).append("\", \"model_name_or_path\": \"m\", ")
                    .append("\"model_patch\": ").append(new com.fasterxml.jackson.databind.ObjectMapper()
                            .writeValueAsString(e.getValue())).append("}\n");
        }
        preds.append("{\"instance_id\": \"t-unknown\", \"model_patch\": \"x\"}\n");
        preds.append("{\"model_patch\": \"no id\"}\n");
        Files.writeString(tmp.resolve("preds.jsonl"), preds);
        first = runner(false, false).run(tasks(patches.keySet().stream().toList()),
                PredictionLoader.load(tmp.resolve("preds.jsonl")));
        firstReports = reports();
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (tmp != null) InstanceEvaluator.deleteTree(tmp);
    }

    List<Task> tasks(List<String> ids) {
        EnvironmentSpec env = new EnvironmentSpec("fixpoint/python:latest", "/testbed", List.of(),
                "python3 -m pytest -rA -p no:cacheprovider test_calc.py", ResultFormat.PYTEST_LOG, null,
                Duration.ofSeconds(20));
        return ids.stream().map(id -> Task.builder().instanceId(id).repo("local/calc").baseCommit(base)
                .patch(GOLD).testPatch(TEST_PATCH)
                .failToPass(List.of("test_calc.py::test_add", "test_calc.py::test_add_negative"))
                .passToPass(List.of("test_calc.py::test_mul")).environment(env).build()).toList();
    }

    EvalRunner runner(boolean rerun, boolean regrade) {
        SourceTrees trees = task -> new SourceTrees.SourceTree() {
            @Override public Path directory() { return repo; }
            @Override public void close() {}
        };
        InstanceEvaluator ev = new InstanceEvaluator(new DockerCliSandboxes(), trees, "harness-test",
                Duration.ofSeconds(8), 1);
        return new EvalRunner(ev, new EvalRunner.Config(out, 2, rerun, regrade), null);
    }

    Map<String, String> reports() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("report.json")).sorted().toList()) {
                m.put(out.relativize(p).toString(), Files.readString(p));
            }
        }
        m.put("summary.json", Files.readString(out.resolve("summary.json")));
        return m;
    }

    EvalStatus status(String id) {
        return first.instances().get(id).status();
    }

    String report(String id) {
        return firstReports.get(id + "/report.json");
    }

    @Test
    @Order(1)
    void statusesOfEveryKindOfPrediction() {
        assertEquals(EvalStatus.RESOLVED, status("t-gold"), report("t-gold"));
        assertTrue(report("t-gold").contains("\"apply_step\": \"git_apply\""));
        assertEquals(EvalStatus.RESOLVED, status("t-fuzzy"), report("t-fuzzy"));
        assertTrue(report("t-fuzzy").contains("\"apply_step\": \"patch_fuzz\""), report("t-fuzzy"));
        assertEquals(EvalStatus.PARTIAL, status("t-partial"), report("t-partial"));
        assertEquals(EvalStatus.PATCH_FAILED, status("t-missing"));
        assertTrue(report("t-missing").contains("nope.py"), report("t-missing"));
        assertEquals(EvalStatus.RESOLVED, status("t-cheats"), report("t-cheats")); // test file edits overridden
        assertTrue(report("t-cheats").contains("test_calc.py::test_mul"));
        assertEquals(EvalStatus.TIMEOUT, status("t-hangs"), report("t-hangs"));
        assertEquals(EvalStatus.PATCH_FAILED, status("t-binary"), report("t-binary"));
        assertEquals(EvalStatus.EMPTY_PATCH, status("t-empty"));
        assertEquals(EvalStatus.INVALID, status("t-unknown"));
        RunSummary s = first.summary();
        assertEquals(List.of("t-cheats", "t-fuzzy", "t-gold"), s.resolvedIds());
        assertEquals(List.of("t-unknown"), s.errorIds());
        assertEquals(1, s.invalidPredictions().size());
        assertTrue(!s.allGraded());
    }

    @Test
    @Order(2)
    void savedFilesAreThereAndEvalShIsReRunnable() throws Exception {
        Path gold = out.resolve("t-gold");
        for (String f : List.of("patch.diff", "test.patch", "eval.sh", "prepare_output.txt", "test_output.txt",
                "run.json", "report.json")) {
            assertTrue(Files.isRegularFile(gold.resolve(f)), f);
        }
        assertTrue(Files.readString(gold.resolve("test_output.txt")).contains("PASSED test_calc.py::test_add"));
        // By hand: the same script in a fresh container gives the same test results.
        try (var box = new DockerCliSandboxes().start(dev.fixpoint.sandbox.SandboxSpec.builder("fixpoint/python:latest")
                .workdir("/testbed").build())) {
            box.copyIn(repo, "/testbed");
            for (String f : List.of("patch.diff", "test.patch", "eval.sh")) {
                box.writeFile("/fixpoint/" + f, Files.readAllBytes(gold.resolve(f)));
            }
            var r = box.exec("sh /fixpoint/eval.sh && cat /fixpoint/test_output.txt", Duration.ofSeconds(60));
            assertEquals(0, r.exitCode(), r.combined());
            assertTrue(r.stdout().contains("3 passed"), r.stdout());
        }
    }

    @Test
    @Order(3)
    void regradeRebuildsIdenticalReportsWithoutContainers() throws Exception {
        EvalRunner regrader = new EvalRunner(null, new EvalRunner.Config(out, 2, false, true), null);
        regrader.run(tasks(List.of("t-gold", "t-fuzzy", "t-partial", "t-missing", "t-cheats", "t-hangs",
                "t-binary", "t-empty")), PredictionLoader.load(tmp.resolve("preds.jsonl")));
        assertEquals(firstReports, reports());
    }

    @Test
    @Order(4)
    void resumeSkipsInstancesThatHaveAReport() throws Exception {
        Path report = out.resolve("t-gold/report.json");
        var before = Files.getLastModifiedTime(report);
        Files.delete(out.resolve("t-partial/report.json")); // as if the run had been killed before it finished
        EvalRunner.Outcome again = runner(false, false).run(tasks(List.of("t-gold", "t-partial")),
                PredictionSet.class.cast(new PredictionSet(Map.of(
                        "t-gold", new Prediction("t-gold", "m", GOLD),
                        "t-partial", new Prediction("t-partial", "m", PARTIAL)), List.of())));
        assertTrue(again.instances().get("t-gold").reused());
        assertEquals(false, again.instances().get("t-partial").reused());
        assertEquals(EvalStatus.PARTIAL, again.instances().get("t-partial").status());
        assertEquals(before, Files.getLastModifiedTime(report));
        assertEquals(firstReports.get("t-gold/report.json"), Files.readString(report, StandardCharsets.UTF_8));
    }
}
