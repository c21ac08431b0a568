package dev.fixpoint.solver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.solver.testing.Cli;
import dev.fixpoint.solver.testing.Samples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code --model human} end to end: a batch on a sample task whose one rollout is answered by a "person" typing into
 * stdin (a file here), in the documented syntax, with one mistake on the way; the same answers to solve on a local
 * clone; and a batch whose person closes the input after one answer. Real sandboxes (Docker), the sample's real repository and tests.
 */
@Tag("docker")
class HumanModelDockerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TASK = "fixpoint-samples__verspec-1";
    static final Map<String, String> ENV = Map.of("FIXPOINT_CONFIG", "");

    static String[] batch(Path dir, String runId) {
        return new String[] {"batch", "--tasks", Samples.TASKS.toString(), "--mirrors", Samples.MIRRORS.toString(),
                "--filter", "verspec-1", "--model", "human", "--rollouts", "1", "--workers", "1", "--budget-usd", "1",
                "--cache-dir", dir.resolve("cache").toString(), "--out", dir.resolve("out").toString(), "--run-id", runId};
    }

    /** The sample's gold fix, typed as a person would: a wrong tool name first, then view, edits with heredocs, a test run, submit. */
    static final String ANSWERS = """
            vew verspec/ranges.py
            view verspec/ranges.py
            edit create reproduce_issue.py file_text<<EOF
            from verspec import parse_range
            assert parse_range("1.2 - 1.4").contains("1.4.5"), "1.2 - 1.4 should include 1.4.5"
            assert parse_range("<=1.4").contains("1.4.9")
            assert not parse_range(">1.4").contains("1.4.5")
            print("OK")
            EOF
            bash python3 reproduce_issue.py
            edit str_replace verspec/ranges.py old_str<<OLD new_str<<NEW
                if upper.precision > 0:
                    comparators.append(Comparator("<=", upper.floor()))
            OLD
                if upper.is_complete:
                    comparators.append(Comparator("<=", upper.floor()))
                elif upper.precision > 0:
                    comparators.append(Comparator("<", upper.ceiling()))
            NEW
            edit str_replace verspec/ranges.py old_str<<OLD new_str<<NEW
                return [Comparator(op, partial.floor())]
            OLD
                if not partial.is_complete:
                    if op == "<=":
                        return [Comparator("<", partial.ceiling())]
                    if op == ">":
                        return [Comparator(">=", partial.ceiling())]
                return [Comparator(op, partial.floor())]
            NEW
            {"tool": "bash", "args": {"command": "python3 reproduce_issue.py"},
             "text": "The reproduction passes now."}
            submit summary="partial bounds cover every release they name"
            submit summary="confirmed after the review"
            """;

    @Test
    void aPersonSolvesTheSampleThroughStdin(@TempDir Path dir) throws Exception {
        Path stdin = dir.resolve("answers.txt");
        Files.writeString(stdin, ANSWERS);
        var r = Cli.runWithInput(dir.resolve("log"), ENV, Duration.ofMinutes(6), stdin, batch(dir, "t-human"));
        String shown = r.stderr();
        assertEquals(0, r.exit(), shown + r.stdout());
        assertTrue(shown.contains("model human:terminal: you answer as the model"), shown);
        assertTrue(shown.contains("==== human:terminal | " + TASK + " rollout 1: request 1 ("), shown);
        assertEquals(1, shown.split("---- tools \\(", -1).length - 1, "the tools are shown once: " + shown);
        assertTrue(shown.contains("edit COMMAND PATH [old_str=TEXT]"), shown);
        assertTrue(shown.contains("error: 'vew' is not a tool of this request"), "the typo is explained: " + shown);
        assertTrue(shown.contains("def parse_range"), "the person saw the view tool's output: " + shown);
        assertTrue(shown.contains("tokens) ===="), shown);

        JsonNode prediction = JSON.readTree(Files.readAllLines(dir.resolve("out/predictions.jsonl")).get(0));
        assertEquals(TASK, prediction.get("instance_id").asText());
        assertEquals("human:terminal", prediction.get("model_name_or_path").asText());
        String patch = prediction.get("model_patch").asText();
        assertTrue(patch.contains("+    if upper.is_complete:") && patch.contains("partial.ceiling()"), () -> "patch: " + patch
                + "\nselection: " + read(dir.resolve("out/tasks/" + TASK + "/selection.json")) + "\nshown: " + shown);
        assertFalse(patch.contains("reproduce_issue.py"), patch);
        List<String> trajectory = Files.readAllLines(dir.resolve("out/tasks/" + TASK + "/rollouts/1/trajectory.jsonl"));
        assertTrue(trajectory.get(0).contains("human:terminal"), trajectory.get(0));
        JsonNode candidate = JSON.readTree(dir.resolve("out/tasks/" + TASK + "/rollouts/1/candidate.json").toFile());
        assertEquals("SUBMITTED", candidate.get("outcome").asText(), candidate.toString());
    }

    @Test
    void solveTakesThePersonsAnswersToo(@TempDir Path dir) throws Exception {
        Path repo = dir.resolve("verspec");
        PipelineDockerTest.git(dir, "clone", "-q", Samples.DIR.resolve("repos/verspec.bundle").toString(), repo.toString());
        PipelineDockerTest.git(repo, "checkout", "-q", PipelineDockerTest.sampleBase(TASK));
        Path stdin = dir.resolve("answers.txt");
        Files.writeString(stdin, ANSWERS);
        Path out = dir.resolve("out");
        var r = Cli.runWithInput(dir.resolve("log"), ENV, Duration.ofMinutes(6), stdin, "solve", "--repo", repo.toString(),
                "--issue", Samples.DIR.resolve("issues/verspec.md").toString(), "--model", "human:alice", "--rollouts", "1",
                "--workers", "1", "--cache-dir", dir.resolve("cache").toString(), "--out", out.toString(), "--run-id", "t-human-solve");
        assertEquals(0, r.exit(), r.stderr() + r.stdout());
        assertTrue(r.stderr().contains("==== human:alice | verspec-"), r.stderr());
        assertTrue(Files.readString(out.resolve("patch.diff")).contains("+    if upper.is_complete:"));
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "(cannot read " + p + ": " + e + ")";
        }
    }

    @Test
    void theEndOfInputEndsTheRolloutWithAClearMessage(@TempDir Path dir) throws Exception {
        Path stdin = dir.resolve("empty.txt");
        Files.writeString(stdin, "view verspec/ranges.py\n");
        var r = Cli.runWithInput(dir.resolve("log"), ENV, Duration.ofMinutes(6), stdin, batch(dir, "t-human-eof"));
        assertTrue(r.stderr().contains("input ended: no answer to request 2"), r.stderr());
        JsonNode candidate = JSON.readTree(dir.resolve("out/tasks/" + TASK + "/rollouts/1/candidate.json").toFile());
        assertEquals("MODEL_ERROR", candidate.get("outcome").asText(), candidate.toString());
        assertTrue(candidate.get("error").asText().contains("the person's input ended (EOF) before an answer to request 2"), candidate.toString());
        assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
        JsonNode selection = JSON.readTree(dir.resolve("out/tasks/" + TASK + "/selection.json").toFile());
        assertTrue(selection.toString().contains("input ended (EOF)"), "the task's report says why: " + selection);
    }
}
