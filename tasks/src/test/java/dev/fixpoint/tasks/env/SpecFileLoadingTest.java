package dev.fixpoint.tasks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fixpoint.tasks.InvalidTaskException;
import dev.fixpoint.tasks.TaskException;
import dev.fixpoint.tasks.TaskLoadResult;
import dev.fixpoint.tasks.TaskLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task loader's use of spec files: the sibling environments.yaml, an explicit one, or none. */
class SpecFileLoadingTest {

    static final String C1 = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    static String row(String id, String repo, String env) {
        return "{\"instance_id\": \"" + id + "\", \"repo\": \"" + repo + "\", \"base_commit\": \"" + C1 + "\","
                + " \"version\": \"1.0\"" + (env == null ? "" : ", \"environment\": " + env) + "}";
    }

    static final String SPECS = "acme/widgets:\n  default:\n    base_image: fixpoint/python:latest\n"
            + "    test_command: python3 -m pytest -rA {test_files}\n    result_format: pytest_log\n";

    @Test
    void siblingSpecFileFillsRowsWithoutEnvironment() throws IOException {
        Files.writeString(dir.resolve("environments.yaml"), SPECS);
        Path tasks = Files.writeString(dir.resolve("tasks.jsonl"), row("w-1", "acme/widgets", null) + "\n"
                + row("w-2", "acme/widgets", "{\"image\": \"own:1\", \"test_command\": \"t\","
                        + " \"result_format\": \"pytest_log\"}") + "\n"
                + row("o-1", "acme/other", null) + "\n");
        TaskLoadResult r = TaskLoader.strict().load(tasks);
        assertEquals("fixpoint/python:latest", r.tasks().get(0).environment().image());
        assertEquals("python3 -m pytest -rA ", r.tasks().get(0).environment().testCommand());
        assertEquals("own:1", r.tasks().get(1).environment().image());
        assertNull(r.tasks().get(2).environment(), "no entry: left for the built-in defaults");

        assertNull(TaskLoader.strict().withoutSpecs().load(tasks).tasks().get(0).environment());
    }

    @Test
    void explicitSpecFileInsteadOfTheSibling() throws IOException {
        Files.writeString(dir.resolve("environments.yaml"), "not: [valid");
        Path other = Files.writeString(dir.resolve("other.yaml"), SPECS.replace("fixpoint/python", "mine/python"));
        Path tasks = Files.writeString(dir.resolve("tasks.jsonl"), row("w-1", "acme/widgets", null) + "\n");
        assertEquals("mine/python:latest",
                TaskLoader.strict().withSpecs(other).load(tasks).tasks().get(0).environment().image());
        TaskException e = assertThrows(TaskException.class, () -> TaskLoader.strict().load(tasks));
        assertEquals(true, e.getMessage().startsWith("environment spec file " + dir.resolve("environments.yaml")
                .toAbsolutePath() + " is not valid YAML"), e.getMessage());
    }

    @Test
    void entryThatDoesNotFitIsAProblemOfTheRow() throws IOException {
        Files.writeString(dir.resolve("environments.yaml"), "acme/widgets:\n  default:\n    base_image: img\n");
        Path tasks = Files.writeString(dir.resolve("tasks.jsonl"), row("w-1", "acme/widgets", null) + "\n");
        InvalidTaskException e = assertThrows(InvalidTaskException.class, () -> TaskLoader.strict().load(tasks));
        assertEquals("tasks.jsonl:1: environment: w-1: environment of repo acme/widgets version \"1.0\" from "
                + dir.resolve("environments.yaml").toAbsolutePath() + ": acme/widgets default: test_command is"
                + " missing", e.problems().get(0).toString());
    }
}
