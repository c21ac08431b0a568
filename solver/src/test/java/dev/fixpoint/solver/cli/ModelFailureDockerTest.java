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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model that answers the preflight and then fails every call: the task is an ERROR with the provider's message, not
 * an abstention; no prediction; exit 6; a re-run retries it (its rollouts are run again, not reused), and once the
 * model answers, the re-run finishes it. Likewise for {@code select} when its test writers and judge get no answer.
 * Real sandboxes on the Python sample, an OpenAI-compatible stub on loopback.
 */
@Tag("docker")
@Tag("hostile-models")
class ModelFailureDockerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TASK = "fixpoint-samples__verspec-1";
    static final String RUN_ID = "t-modelfail";
    static final String KEY = "sk-test-modelfail0123456789abcdef";
    static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", KEY, "FIXPOINT_CONFIG", "");

    @TempDir
    Path dir;

    Path config;

    /**
     * One test-writing session: it starts with the rollouts and is cancelled while it waits to retry, so its container
     * is removed; a second session could be interrupted while Docker creates its container, which can leave one
     * behind (removed by the next run's prune), and the check after the first run would be a race.
     */
    @org.junit.jupiter.api.BeforeEach
    void config() throws Exception {
        config = dir.resolve("fixpoint.yaml");
        Files.writeString(config, "test_writers: 1\n");
    }

    String[] batch(OpenAiStub stub, Path out) {
        return new String[] {"batch", "--tasks", Samples.TASKS.toString(), "--mirrors", Samples.MIRRORS.toString(), "--filter", "verspec",
                "--model", "openai-compatible:stub-model", "--base-url", stub.baseUrl(), "--rollouts", "2", "--workers", "2",
                "--cache-dir", dir.resolve("cache").toString(), "--out", out.toString(), "--run-id", RUN_ID, "--config", config.toString()};
    }

    static JsonNode json(Path f) throws Exception {
        return JSON.readTree(f.toFile());
    }

    static String predictions(Path out) throws Exception {
        Path f = out.resolve("predictions.jsonl");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    @Test
    void aModelThatStopsAnsweringIsAnErrorThatARerunRetriesAndFinishes() throws Exception {
        Path out = dir.resolve("out");
        Path task = out.resolve("tasks/" + TASK);
        try (OpenAiStub stub = new OpenAiStub()) {
            // 1. the check is answered, then every call fails with 500 (retried, then given up)
            stub.reply(200, OpenAiStub.text("OK")).otherwise(500, OpenAiStub.error("upstream model crashed"));
            var first = Cli.run(dir.resolve("log-1"), ENV, Duration.ofMinutes(8), batch(stub, out));
            assertEquals(ExitCodes.MODEL_FAILED, first.exit(), first.stderr() + first.stdout());
            assertEquals("", predictions(out), "no prediction: a harness must not count the task as an empty attempt");
            JsonNode sel = json(task.resolve("selection.json"));
            assertEquals("ERROR", sel.get("status").asText(), sel.toString());
            String why = sel.get("reasons").get(0).asText();
            assertTrue(why.startsWith("no candidate: all 2 rollouts failed (2 model errors)"), why);
            assertTrue(why.contains("HTTP 500") && why.contains("upstream model crashed") && why.contains("gave up after"), why);
            assertTrue(sel.get("reasons").get(1).asText().contains("re-run the same command"), sel.toString());
            for (JsonNode r : sel.get("rollouts")) assertEquals("MODEL_ERROR", r.get("outcome").asText(), sel.toString());
            JsonNode run = json(out.resolve("run.json"));
            assertEquals(1, run.get("totals").get("error").asInt(), run.toString());
            assertEquals(0, run.get("totals").get("abstained").asInt(), run.toString());
            assertTrue(run.get("spend").get("model_calls").asInt() >= 1, "the check's usage is in the run's spend: " + run);
            assertTrue(first.stdout().contains(TASK + ": no candidate: all 2 rollouts failed"), first.stdout());
            assertTrue(first.stdout().contains("1 task(s) ended in error and have no prediction: re-run the same command with the same --out"),
                    first.stdout());
            assertEquals(List.of(), PipelineDockerTest.containers(RUN_ID), "the cancelled test writers removed their containers");

            // 2. still failing (now a rejected key, not retried): the task is tried again, not skipped as finished
            stub.reply(200, OpenAiStub.text("OK")).otherwise(401, OpenAiStub.error("invalid api key"));
            int before = stub.requests().size();
            var second = Cli.run(dir.resolve("log-2"), ENV, Duration.ofMinutes(8), batch(stub, out));
            assertEquals(ExitCodes.MODEL_FAILED, second.exit(), second.stderr() + second.stdout());
            assertTrue(stub.requests().size() >= before + 3, "the check and both rollouts asked the model again: "
                    + (stub.requests().size() - before) + " requests");
            assertFalse(second.stdout().contains("FINISHED_EARLIER"), second.stdout());
            String why2 = json(task.resolve("selection.json")).get("reasons").get(0).asText();
            assertTrue(why2.contains("the API key was rejected (HTTP 401); set OPENAI_API_KEY") && why2.contains("invalid api key"), why2);
            assertFalse(Files.readString(task.resolve("selection.json")).contains(KEY), "the key is not in the report");
            assertEquals("", predictions(out));

            // 3. the model answers again: the re-run finishes the task (each call submits the unchanged tree)
            stub.otherwise(200, OpenAiStub.toolCall("call_1", "submit", "{\"summary\":\"nothing to change\"}", 50, 5, 0));
            var third = Cli.run(dir.resolve("log-3"), ENV, Duration.ofMinutes(8), batch(stub, out));
            assertEquals(ExitCodes.OK, third.exit(), third.stderr() + third.stdout());
            JsonNode prediction = JSON.readTree(predictions(out).lines().findFirst().orElseThrow());
            assertEquals(TASK, prediction.get("instance_id").asText());
            JsonNode done = json(out.resolve("run.json"));
            assertEquals(1, done.get("totals").get("abstained").asInt(), done.toString());
            assertEquals(2, done.get("rollouts").get("ran").asInt(), "the model-error rollouts were run again: " + done);
            assertEquals(0, done.get("rollouts").get("reused_from_earlier_run").asInt(), done.toString());
            for (JsonNode r : json(task.resolve("selection.json")).get("rollouts")) {
                assertEquals("SUBMITTED", r.get("outcome").asText());
            }

            // 4. finished now: a fourth run keeps it
            var fourth = Cli.run(dir.resolve("log-4"), ENV, Duration.ofMinutes(3), batch(stub, out));
            assertEquals(ExitCodes.OK, fourth.exit(), fourth.stderr() + fourth.stdout());
            assertTrue(fourth.stdout().contains(TASK) && fourth.stdout().contains("FINISHED_EARLIER"), fourth.stdout());
        }
        assertEquals(List.of(), PipelineDockerTest.containers(RUN_ID), "no container left");
    }

    @Test
    void selectWhoseTestWritersAndJudgeGetNoAnswerIsAnErrorNotAnAbstention() throws Exception {
        Path candidates = dir.resolve("candidates.jsonl");
        Files.writeString(candidates, JSON.createObjectNode().put("instance_id", TASK).put("model_name_or_path", "sys-a")
                .put("model_patch", Files.readString(Samples.DIR.resolve("decoys/" + TASK + "/partial.diff"))) + "\n");
        Path tasks = dir.resolve("tasks.jsonl");
        Files.writeString(tasks, Files.readAllLines(Samples.TASKS).stream().filter(l -> l.contains("\"" + TASK + "\"")).findFirst().orElseThrow() + "\n");
        Path out = dir.resolve("select");
        try (OpenAiStub stub = new OpenAiStub()) {
            stub.reply(200, OpenAiStub.text("OK")).otherwise(401, OpenAiStub.error("key revoked"));
            String[] args = {"select", "--tasks", tasks.toString(), "--specs", Samples.DIR.resolve("environments.yaml").toString(),
                    "--mirrors", Samples.MIRRORS.toString(),
                    "--model", "openai-compatible:stub-model", "--base-url", stub.baseUrl(), "--candidates", candidates.toString(),
                    "--test-writers", "1", "--cache-dir", dir.resolve("cache").toString(), "--out", out.toString(), "--run-id", RUN_ID};
            var r = Cli.run(dir.resolve("log-select-1"), ENV, Duration.ofMinutes(8), args);
            assertTrue(Files.exists(out.resolve("tasks/" + TASK + "/selection.json")), r.exit() + " " + r.stderr() + r.stdout());
            JsonNode sel = json(out.resolve("tasks/" + TASK + "/selection.json"));
            assertTrue(sel.get("chosen").isNull(), "one decoy patch and no model: nothing to choose: " + sel);
            assertEquals(ExitCodes.MODEL_FAILED, r.exit(), r.stderr() + r.stdout());
            assertEquals("ERROR", sel.get("status").asText(), sel.toString());
            assertTrue(sel.get("error").asText().startsWith("verification could not choose: the model did not answer: "), sel.toString());
            assertTrue(sel.get("error").asText().contains("key revoked"), sel.toString());
            assertEquals("", predictions(out), "no prediction for a task in error");
            assertTrue(r.stdout().contains(TASK) && r.stdout().contains("error: verification could not choose") && r.stdout().contains("re-run"),
                    r.stdout());

            // the model answers again (tool calls only: the writer submits nothing, the judge's answers do not parse):
            // the re-run verifies the task again and records it
            stub.otherwise(200, OpenAiStub.toolCall("call_1", "submit", "{}", 50, 5, 0));
            var again = Cli.run(dir.resolve("log-select-2"), ENV, Duration.ofMinutes(8), args);
            assertTrue(again.exit() == ExitCodes.OK || again.exit() == ExitCodes.ABSTAINED, again.stderr() + again.stdout());
            assertTrue(predictions(out).contains(TASK), "recorded now: " + again.stdout());
        }
        assertEquals(List.of(), PipelineDockerTest.containers(RUN_ID), "no container left");
    }
}
