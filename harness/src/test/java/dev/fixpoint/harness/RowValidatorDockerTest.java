package dev.fixpoint.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.fixpoint.harness.InstanceEvaluatorDockerTest.CALC;
import static dev.fixpoint.harness.InstanceEvaluatorDockerTest.GOLD;
import static dev.fixpoint.harness.InstanceEvaluatorDockerTest.TESTS;
import static dev.fixpoint.harness.InstanceEvaluatorDockerTest.testPatchAdding;
import static dev.fixpoint.harness.InstanceEvaluatorDockerTest.TEST_PATCH;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.harness.validate.RawRows;
import dev.fixpoint.harness.validate.RowValidation;
import dev.fixpoint.harness.validate.RowValidator;
import dev.fixpoint.harness.validate.ValidationProblem;
import dev.fixpoint.harness.validate.ValidationRunner;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link RowValidator} and {@link ValidationRunner} against the real Docker daemon on the tiny Python repository of
 * {@link InstanceEvaluatorDockerTest} (its base, test patch and gold patch) plus a coin-flip test: a row
 * that validates, one whose gold patch does not apply, one whose test patch does not apply, one where no test fails
 * before the fix, and one with a test that fails at random (a coin flip per run: with 6 runs per phase, a flaky test
 * goes unnoticed with probability 2^-11).
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowValidatorDockerTest {

    static final String COIN = "import os\n\n\ndef test_coin():\n    assert os.urandom(1)[0] < 128\n";
    /** Adds a test that already passes at base. */
    static final String PASSING_TEST_PATCH = testPatchAdding("def test_mul_zero():\n    assert mul(0, 3) == 0");
    /** Context from another version of calc.py: no step of the apply chain can place it. */
    static final String STALE_GOLD = """
            diff --git a/calc.py b/calc.py
            --- a/calc.py
            +++ b/calc.py
            @@ -1,3 +1,3 @@
             def plus(x, y):
            -    return x - y
            +    return x + y
             
            """;
    static final String STALE_TEST_PATCH = """
            diff --git a/test_calc.py b/test_calc.py
            --- a/test_calc.py
            +++ b/test_calc.py
            @@ -1,2 +1,2 @@
            -from calc import plus
            +from calc import plus, minus
             
            """;

    Path tmp;
    Path repo;
    String base;
    ValidationRunner.Outcome outcome;
    RowValidation flaky;

    @BeforeAll
    void validate() throws Exception {
        assumeTrue(DockerCliSandboxes.dockerAvailable(), "no Docker daemon");
        tmp = Files.createTempDirectory("validate-docker-test");
        repo = tmp.resolve("repo");
        try (GitFixture git = GitFixture.init(repo)) {
            base = git.write("calc.py", CALC).write("test_calc.py", TESTS).write("test_coin.py", COIN).commit("base");
        }
        SourceTrees trees = task -> new SourceTrees.SourceTree() {
            @Override public Path directory() { return repo; }
            @Override public void close() {}
        };
        try (DockerSandboxProvider sandboxes = DockerSandboxProvider.builder().runId("validate-test").build()) {
            RowValidator twice = new RowValidator(sandboxes, trees, "validate-test", null, 2);
            List<Task> tasks = List.of(task("v-ok", GOLD, TEST_PATCH, "test_calc.py"),
                    task("v-stale-gold", STALE_GOLD, TEST_PATCH, "test_calc.py"),
                    task("v-stale-test", GOLD, STALE_TEST_PATCH, "test_calc.py"),
                    task("v-no-f2p", GOLD, PASSING_TEST_PATCH, "test_calc.py"));
            String input = tasks.stream().map(t -> "{\"instance_id\":\"" + t.instanceId() + "\",\"extra\":\"kept\"}")
                    .collect(Collectors.joining("\n"));
            Files.writeString(tmp.resolve("rows.jsonl"), input);
            outcome = new ValidationRunner(twice, new ValidationRunner.Config(tmp.resolve("out"), 2), null)
                    .run(tasks, RawRows.read(tmp.resolve("rows.jsonl")), List.of());
            RowValidator six = new RowValidator(sandboxes, trees, "validate-test", null, 6);
            flaky = six.validate(task("v-flaky", GOLD, TEST_PATCH, "test_calc.py test_coin.py"),
                    tmp.resolve("flaky"));
        }
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (tmp == null) return;
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    Task task(String id, String gold, String testPatch, String files) {
        EnvironmentSpec env = new EnvironmentSpec("fixpoint/python:latest", "/testbed", List.of(),
                "python3 -m pytest -rA -p no:cacheprovider " + files, ResultFormat.PYTEST_LOG, null,
                Duration.ofSeconds(60));
        return Task.builder().instanceId(id).repo("local/calc").baseCommit(base).patch(gold).testPatch(testPatch)
                .environment(env).build();
    }

    RowValidation row(String id) {
        return outcome.rows().stream().filter(r -> r.instanceId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void validRowGetsItsListsFromTheTwoPhases() {
        RowValidation ok = row("v-ok");
        assertEquals(Optional.empty(), ok.problem(), ok.message());
        assertEquals(List.of("test_calc.py::test_add", "test_calc.py::test_add_negative"), ok.failToPass());
        assertEquals(List.of("test_calc.py::test_mul"), ok.passToPass());
        assertEquals(List.of(), ok.flaky());
        assertEquals(2, ok.repeat());
        assertEquals("git_apply", ok.goldApplyStep());
        assertEquals(3, ok.testsBefore());
        assertTrue(Files.isRegularFile(tmp.resolve("out/v-ok/before/attempt-2/test_output.txt")));
        assertTrue(Files.isRegularFile(tmp.resolve("out/v-ok/after/run.json")));
    }

    @Test
    void goldPatchThatDoesNotApplyIsReported() {
        RowValidation r = row("v-stale-gold");
        assertEquals(Optional.of(ValidationProblem.GOLD_PATCH_DOES_NOT_APPLY), r.problem());
        assertTrue(r.message().startsWith("gold patch did not apply"), r.message());
        assertEquals(List.of(), r.failToPass());
    }

    @Test
    void testPatchThatDoesNotApplyStopsBeforeTheGoldRun() {
        RowValidation r = row("v-stale-test");
        assertEquals(Optional.of(ValidationProblem.TEST_PATCH_DOES_NOT_APPLY), r.problem());
        assertTrue(r.message().startsWith("test patch did not apply"), r.message());
        assertFalse(Files.exists(tmp.resolve("out/v-stale-test/after")));
    }

    @Test
    void rowWithNoFailingTestIsNotValidButListsWhatPassed() {
        RowValidation r = row("v-no-f2p");
        assertEquals(Optional.of(ValidationProblem.NO_FAIL_TO_PASS), r.problem());
        assertEquals(List.of(), r.failToPass());
        assertEquals(List.of("test_calc.py::test_mul", "test_calc.py::test_mul_zero"), r.passToPass());
        assertTrue(r.message().contains("no test fails"), r.message());
    }

    @Test
    void flakyTestIsListedApartAndLeftOutOfBothLists() {
        assertEquals(Optional.empty(), flaky.problem(), flaky.message());
        assertEquals(List.of("test_coin.py::test_coin"), flaky.flaky());
        assertEquals(List.of("test_calc.py::test_add", "test_calc.py::test_add_negative"), flaky.failToPass());
        assertEquals(List.of("test_calc.py::test_mul"), flaky.passToPass());
        assertEquals(6, flaky.repeat());
    }

    @Test
    void onlyValidRowsAreWrittenWithTheirInputFields() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(outcome.validatedFile());
        assertEquals(1, lines.size(), String.join("\n", lines));
        JsonNode row = json.readTree(lines.get(0));
        assertEquals("v-ok", row.get("instance_id").asText());
        assertEquals("kept", row.get("extra").asText());
        assertEquals("[\"test_calc.py::test_add\", \"test_calc.py::test_add_negative\"]",
                row.get("FAIL_TO_PASS").asText());
        assertEquals("[\"test_calc.py::test_mul\"]", row.get("PASS_TO_PASS").asText());
        JsonNode report = json.readTree(outcome.reportFile().toFile());
        assertEquals(4, report.get("rows").asInt());
        assertEquals(1, report.get("valid").asInt());
        assertEquals(Map.of("v-stale-gold", "gold_patch_does_not_apply", "v-stale-test", "test_patch_does_not_apply",
                "v-no-f2p", "no_fail_to_pass"), Map.of(
                "v-stale-gold", report.at("/instances/v-stale-gold/problem").asText(),
                "v-stale-test", report.at("/instances/v-stale-test/problem").asText(),
                "v-no-f2p", report.at("/instances/v-no-f2p/problem").asText()));
        assertFalse(outcome.allValid());
    }
}
