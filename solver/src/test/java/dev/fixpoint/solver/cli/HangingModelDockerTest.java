package dev.fixpoint.solver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.models.testing.OpenAiStub;
import dev.fixpoint.solver.testing.Cli;
import dev.fixpoint.solver.testing.Samples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The path that still ended ABSTAINED with exit 0 although the model answered no call: a model that answers the check
 * and then hangs. Its rollouts used to run into the deadline as plain time limits with nothing to choose from. Now the
 * hanging call is cut at {@code max_minutes_per_rollout}, the rollout ends at its deadline, the task is an ERROR
 * naming the deadline (no prediction, exit 6), and a re-run retries it. A loopback server, real sandboxes.
 */
@Tag("docker")
@Tag("hostile-models")
class HangingModelDockerTest {

    static final String TASK = "fixpoint-samples__verspec-1";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-test-hanging0123456789abcdef", "FIXPOINT_CONFIG", "");

    @TempDir
    Path dir;

    @Test
    void aModelThatHangsIsCutAtTheRolloutDeadlineAndTheTaskIsAnErrorThatARerunRetries() throws Exception {
        Path config = Files.writeString(dir.resolve("fixpoint.yaml"), "test_writers: 0\njudge: false\nmax_minutes_per_rollout: 1\n");
        Path out = dir.resolve("out");
        try (OpenAiStub stub = new OpenAiStub()) {
            stub.reply(200, OpenAiStub.text("OK")).otherwiseHang();
            String[] args = {"batch", "--tasks", Samples.TASKS.toString(), "--mirrors", Samples.MIRRORS.toString(), "--filter", "verspec",
                    "--model", "openai-compatible:stub-model", "--base-url", stub.baseUrl(), "--rollouts", "1", "--workers", "1",
                    "--cache-dir", dir.resolve("cache").toString(), "--out", out.toString(), "--run-id", "t-hang",
                    "--config", config.toString()};
            long t0 = System.nanoTime();
            var first = Cli.run(dir.resolve("log-1"), ENV, Duration.ofMinutes(6), args);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(ExitCodes.MODEL_FAILED, first.exit(), first.stderr() + first.stdout());
            assertTrue(seconds < 240, "cut at the 1-minute deadline, not the 5-minute request timeout times retries: " + seconds);
            JsonNode sel = JSON.readTree(out.resolve("tasks/" + TASK + "/selection.json").toFile());
            assertEquals("ERROR", sel.get("status").asText(), sel.toString());
            String why = sel.get("reasons").get(0).asText();
            assertTrue(why.startsWith("no candidate: all 1 rollouts failed (1 model error)") && why.contains("deadline"), why);
            JsonNode candidate = JSON.readTree(out.resolve("tasks/" + TASK + "/rollouts/1/candidate.json").toFile());
            assertEquals("TIME_LIMIT", candidate.path("outcome").asText(), candidate.toString());
            assertFalse(Files.exists(out.resolve("predictions.jsonl")) && !Files.readString(out.resolve("predictions.jsonl")).isBlank(),
                    "no prediction for a task in error");

            stub.otherwise(200, OpenAiStub.toolCall("call_1", "submit", "{\"summary\":\"nothing to change\"}", 50, 5, 0));
            var second = Cli.run(dir.resolve("log-2"), ENV, Duration.ofMinutes(6), args);
            assertEquals(ExitCodes.OK, second.exit(), second.stderr() + second.stdout());
            JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
            assertEquals(1, run.get("rollouts").get("ran").asInt(), "the cut rollout was run again, not reused: " + run);
            assertTrue(Files.readString(out.resolve("predictions.jsonl")).contains(TASK));
        }
    }
}
