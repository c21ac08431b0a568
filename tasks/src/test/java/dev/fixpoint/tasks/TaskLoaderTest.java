package dev.fixpoint.tasks;

import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.env.SpecFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLoaderTest {

    private static final String C1 = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    static String row(String id) {
        return "{\"instance_id\": \"" + id + "\", \"repo\": \"acme/widgets\", \"base_commit\": \"" + C1 + "\","
                + " \"problem_statement\": \"It breaks\", \"FAIL_TO_PASS\": [\"tests/test_a.py::test_x\"],"
                + " \"PASS_TO_PASS\": []}";
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void loadsJsonlWithEveryField() throws IOException {
        String full = "{\"instance_id\": \"acme__widgets-12\", \"repo\": \"acme/widgets\", \"base_commit\": \"" + C1
                + "\", \"problem_statement\": \"Totals are wrong\", \"hints_text\": \"see cart\","
                + " \"created_at\": \"2024-05-01T10:00:00Z\", \"version\": 3.0, \"patch\": \"diff --git a/x b/x\","
                + " \"test_patch\": \"diff --git a/t b/t\", \"FAIL_TO_PASS\": [\"t::a\", \"t::b\"],"
                + " \"PASS_TO_PASS\": [\"t::c\"], \"environment_setup_commit\": \"" + C1 + "\","
                + " \"some_future_field\": {\"nested\": [1, 2]},"
                + " \"environment\": {\"image\": \"fixpoint/python:latest\", \"workdir\": \"/testbed\","
                + " \"setup_commands\": [\"pip install -e .\"], \"test_command\": \"python3 -m pytest -rA tests\","
                + " \"result_format\": \"pytest_log\", \"reports_dir\": null, \"test_timeout_seconds\": 300}}";
        Path f = file("tasks.jsonl", full + "\n\n" + row("acme__widgets-13") + "\n");

        TaskLoadResult result = TaskSource.file(f).load();

        assertEquals(2, result.tasks().size());
        assertTrue(result.isComplete());
        Task t = result.tasks().get(0);
        assertEquals("acme__widgets-12", t.instanceId());
        assertEquals("acme/widgets", t.repo());
        assertEquals(C1, t.baseCommit());
        assertEquals("Totals are wrong", t.problemStatement());
        assertEquals("see cart", t.hintsText());
        assertEquals("2024-05-01T10:00:00Z", t.createdAt());
        assertEquals("3.0", t.version());
        assertEquals("diff --git a/x b/x", t.patch());
        assertEquals("diff --git a/t b/t", t.testPatch());
        assertEquals(List.of("t::a", "t::b"), t.failToPass());
        assertEquals(List.of("t::c"), t.passToPass());
        assertEquals(C1, t.environmentSetupCommit());
        EnvironmentSpec env = t.environment();
        assertEquals("fixpoint/python:latest", env.image());
        assertEquals(List.of("pip install -e ."), env.setupCommands());
        assertEquals(ResultFormat.PYTEST_LOG, env.resultFormat());
        assertNull(env.reportsDir());
        assertEquals(Duration.ofSeconds(300), env.testTimeout());
        assertNull(result.tasks().get(1).environment());
        assertEquals("", result.tasks().get(1).hintsText());
    }

    @Test
    void loadsJsonArrayWithJunitEnvironment() throws IOException {
        String env = "\"environment\": {\"image\": \"fixpoint/java:latest\", \"test_command\": \"mvn -q test\","
                + " \"result_format\": \"junit_xml\", \"reports_dir\": \"target/surefire-reports\"}";
        Path f = file("tasks.json", "[\n" + row("a-1") + ",\n" + row("a-2").replace("}", ", " + env + "}")
                .replaceFirst("}\\s*$", "}") + "\n]\n");

        TaskLoadResult result = TaskLoader.strict().load(f);

        assertEquals(List.of("a-1", "a-2"), result.tasks().stream().map(Task::instanceId).toList());
        EnvironmentSpec spec = result.tasks().get(1).environment();
        assertEquals(ResultFormat.JUNIT_XML, spec.resultFormat());
        assertEquals("target/surefire-reports", spec.reportsDir());
        assertEquals(EnvironmentSpec.DEFAULT_WORKDIR, spec.workdir());
    }

    @Test
    void readsHuggingFaceRowsWithJsonEncodedLists() throws IOException {
        String hf = "{\"instance_id\": \"hf-1\", \"repo\": \"acme/widgets\", \"base_commit\": \"" + C1 + "\","
                + " \"FAIL_TO_PASS\": \"[\\\"tests/test_a.py::test_x\\\", \\\"tests/test_a.py::test_y\\\"]\","
                + " \"PASS_TO_PASS\": \"[]\"}";
        Path f = file("hf.jsonl", hf + "\n");

        Task t = TaskLoader.strict().load(f).tasks().get(0);

        assertEquals(List.of("tests/test_a.py::test_x", "tests/test_a.py::test_y"), t.failToPass());
        assertEquals(List.of(), t.passToPass());
    }

    @Test
    void readsADatasetsServerPage() throws IOException {
        Path f = file("page.json", "{\n  \"features\": [],\n  \"rows\": [\n    {\"row_idx\": 0, \"row\": " + row("p-1")
                + "},\n    {\"row_idx\": 1, \"row\": " + row("p-2") + "}\n  ]\n}\n");

        TaskLoadResult result = TaskLoader.strict().load(f);

        assertEquals(List.of("p-1", "p-2"), result.tasks().stream().map(Task::instanceId).toList());
    }

    @Test
    void badRowNamesFileLineAndField() throws IOException {
        String bad = row("b-7").replace("[\"tests/test_a.py::test_x\"]", "\"tests/test_a.py::test_x\"");
        Path f = file("tasks.jsonl", row("b-1") + "\n" + bad + "\n");

        InvalidTaskException e = assertThrows(InvalidTaskException.class, () -> TaskLoader.strict().load(f));

        assertEquals(1, e.problems().size());
        TaskProblem p = e.problems().get(0);
        assertEquals("tasks.jsonl", p.source());
        assertEquals(2, p.line());
        assertEquals("FAIL_TO_PASS", p.field());
        assertTrue(e.getMessage().contains("tasks.jsonl:2: FAIL_TO_PASS: not a JSON list of strings: "
                + "\"tests/test_a.py::test_x\""), e.getMessage());
        assertTrue(e.getMessage().contains("skip"), "tells how to go on: " + e.getMessage());
    }

    @Test
    void readsEnvironmentVariablesOfARowAsAnObjectOrJsonEncoded() throws IOException {
        String env = "\"image\": \"fixpoint/python:latest\", \"test_command\": \"pytest\", \"result_format\": \"pytest_log\"";
        Path f = file("env.jsonl", String.join("\n",
                "{\"instance_id\": \"v-1\", \"repo\": \"a/b\", \"base_commit\": \"" + C1 + "\", \"environment\": {" + env
                        + ", \"env\": {\"ZETA\": \"1\", \"GREETING\": \"hello world\"}}}",
                "{\"instance_id\": \"v-2\", \"repo\": \"a/b\", \"base_commit\": \"" + C1 + "\", \"environment\": {" + env
                        + ", \"env\": \"{\\\"GREETING\\\": \\\"hi\\\"}\"}}",
                "{\"instance_id\": \"v-3\", \"repo\": \"a/b\", \"base_commit\": \"" + C1 + "\", \"environment\": {" + env + "}}",
                "{\"instance_id\": \"v-4\", \"repo\": \"a/b\", \"base_commit\": \"" + C1 + "\", \"environment\": {" + env
                        + ", \"env\": {\"NOT-A-NAME\": \"x\", \"N\": {\"x\": 1}}}}",
                "{\"instance_id\": \"v-5\", \"repo\": \"a/b\", \"base_commit\": \"" + C1 + "\", \"environment\": {" + env
                        + ", \"env\": [1]}}"));

        TaskLoadResult result = TaskLoader.lenient().load(f);

        List<Task> tasks = result.tasks();
        assertEquals(List.of("v-1", "v-2", "v-3"), tasks.stream().map(Task::instanceId).toList());
        assertEquals(Map.of("GREETING", "hello world", "ZETA", "1"), tasks.get(0).environment().env());
        assertEquals(List.of("GREETING", "ZETA"), List.copyOf(tasks.get(0).environment().env().keySet()), "sorted by name");
        assertEquals(Map.of("GREETING", "hi"), tasks.get(1).environment().env());
        assertEquals(Map.of(), tasks.get(2).environment().env());
        assertEquals(List.of(
                "env.jsonl:4: environment.env: not a variable name: \"NOT-A-NAME\"",
                "env.jsonl:4: environment.env: N must be a string, not: {\"x\":1}",
                "env.jsonl:5: environment.env: not an object of variable names to values: [1]"),
                result.problems().stream().map(TaskProblem::toString).toList());
    }

    @Test
    void environmentSpecChecksItsVariables() {
        var spec = new EnvironmentSpec("i", null, null, "t", ResultFormat.PYTEST_LOG, null, null);
        assertEquals(Map.of(), spec.env());
        assertEquals(Map.of("A", "1"), spec.withEnv(Map.of("A", "1")).env());
        var bad = assertThrows(IllegalArgumentException.class, () -> spec.withEnv(Map.of("1A", "x")));
        assertEquals("environment env: not a variable name: 1A", bad.getMessage());
    }

    @Test
    void reportsEveryProblemOfEveryRow() throws IOException {
        String lines = String.join("\n",
                row("ok-1"),
                "{\"repo\": \"acme/widgets\", \"base_commit\": \"" + C1 + "\"}",
                "{\"instance_id\": \"x y\", \"repo\": \"\", \"base_commit\": \"main\"}",
                "not json at all",
                "[1, 2]",
                "{\"instance_id\": \"e-1\", \"repo\": \"a/b\", \"base_commit\": \"" + C1 + "\", \"PASS_TO_PASS\": [1],"
                        + " \"environment\": {\"image\": \"\", \"test_command\": \"pytest\", \"result_format\": \"xml\","
                        + " \"test_timeout_seconds\": -5}}",
                "{\"instance_id\": \"e-2\", \"repo\": \"a/b\", \"base_commit\": \"" + C1 + "\", \"environment\":"
                        + " {\"image\": \"i\", \"test_command\": \"t\", \"result_format\": \"junit_xml\"}}",
                row("ok-1"));
        Path f = file("many.jsonl", lines);

        TaskLoadResult result = TaskLoader.lenient().load(f);

        assertEquals(List.of("ok-1"), result.tasks().stream().map(Task::instanceId).toList());
        List<String> shown = result.problems().stream().map(TaskProblem::toString).toList();
        assertEquals(List.of(
                "many.jsonl:2: instance_id: missing or blank",
                "many.jsonl:3: instance_id: not a valid instance_id (1 to 200 letters, digits and . _ + -, not starting with '.'): \"x y\"",
                "many.jsonl:3: repo: missing or blank",
                "many.jsonl:3: base_commit: not a commit id (4 to 40 hex digits): \"main\"",
                "many.jsonl:5: row: not a JSON object: [1,2]",
                "many.jsonl:6: PASS_TO_PASS: not a JSON list of strings: [1]",
                "many.jsonl:6: environment.image: missing or blank",
                "many.jsonl:6: environment.result_format: not one of " + SpecFile.formatNames() + ": \"xml\"",
                "many.jsonl:6: environment.test_timeout_seconds: not a positive whole number of seconds: -5",
                "many.jsonl:7: environment: environment result_format junit_xml needs reports_dir",
                "many.jsonl:8: instance_id: duplicate instance_id ok-1 (first at line 1)"),
                shown.stream().filter(s -> !s.startsWith("many.jsonl:4:")).toList());
        assertTrue(shown.get(4).startsWith("many.jsonl:4: row: not a JSON object: "), shown.get(4));
    }

    @Test
    void duplicateInstanceIdFailsAStrictLoad() throws IOException {
        Path f = file("dup.json", "[" + row("d-1") + ",\n" + row("d-1") + "]");

        InvalidTaskException e = assertThrows(InvalidTaskException.class, () -> TaskLoader.strict().load(f));

        assertEquals("dup.json:2: instance_id: duplicate instance_id d-1 (first at line 1)",
                e.problems().get(0).toString());
    }

    @Test
    void malformedJsonArrayNamesTheLine() throws IOException {
        Path f = file("broken.json", "[\n" + row("m-1") + ",\n{\"instance_id\": \"m-2\",,}\n]");

        TaskLoadResult result = TaskLoader.lenient().load(f);

        assertEquals(List.of("m-1"), result.tasks().stream().map(Task::instanceId).toList());
        assertEquals(3, result.problems().get(0).line());
        assertTrue(result.problems().get(0).message().startsWith("malformed JSON"), result.problems().toString());
    }

    @Test
    void missingFileAndUnknownFormatAreClear() throws IOException {
        TaskException missing = assertThrows(TaskException.class,
                () -> TaskLoader.strict().load(dir.resolve("nope.jsonl")));
        assertTrue(missing.getMessage().startsWith("task file not found: "), missing.getMessage());

        Path csv = file("tasks.csv", "instance_id,repo\n");
        InvalidTaskException e = assertThrows(InvalidTaskException.class, () -> TaskLoader.strict().load(csv));
        assertEquals("tasks.csv:1: row: not JSON or JSONL: expected '[' or '{', found 'i'", e.problems().get(0).toString());
    }

    @Test
    void emptyFileLoadsNothing() throws IOException {
        TaskLoadResult result = TaskLoader.strict().load(file("empty.jsonl", "\n  \n"));
        assertTrue(result.tasks().isEmpty());
        assertTrue(result.isComplete());
    }
}
