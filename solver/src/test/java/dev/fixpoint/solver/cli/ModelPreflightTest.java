package dev.fixpoint.solver.cli;

import dev.fixpoint.models.testing.OpenAiStub;
import dev.fixpoint.solver.testing.Cli;
import dev.fixpoint.solver.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Before any work, batch, solve and select ask a live model one tiny question and stop with exit 6 and a message
 * naming provider, model, base URL and the provider's error when it does not answer. Loopback servers; no Docker.
 */
class ModelPreflightTest {

    static final String KEY = "sk-test-preflight0123456789abcdef";
    static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", KEY, "FIXPOINT_CONFIG", "");

    static int closedPort() throws Exception {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String[] batch(Path out, String model, String baseUrl) {
        return new String[] {"batch", "--tasks", Samples.TASKS.toString(), "--mirrors", Samples.MIRRORS.toString(),
                "--model", model, "--base-url", baseUrl, "--out", out.toString(), "--cache-dir", out.resolveSibling("cache").toString()};
    }

    /** A batch with openai:gpt-4.1 at {@code baseUrl} on a task file that does not exist: it stops after the check. */
    static Cli.Run batchOfMissingTasks(Path dir, String baseUrl) throws Exception {
        return Cli.run(dir.resolve("log"), ENV, Duration.ofSeconds(90), "batch", "--tasks", dir.resolve("none.jsonl").toString(),
                "--model", "openai:gpt-4.1", "--base-url", baseUrl, "--out", dir.resolve("out").toString());
    }

    @Test
    void nothingListeningStopsTheBatchBeforeAnyWork(@TempDir Path dir) throws Exception {
        String url = "http://127.0.0.1:" + closedPort() + "/v1";
        Path out = dir.resolve("out");
        var r = Cli.run(dir.resolve("log"), ENV, Duration.ofSeconds(90), batch(out, "openai-compatible:qwen-coder", url));
        assertEquals(ExitCodes.MODEL_FAILED, r.exit(), r.stderr() + r.stdout());
        assertTrue(r.stderr().contains("the model did not answer a one-line check, so nothing was run (provider openai-compatible, "
                + "model qwen-coder, base URL " + url + ")"), r.stderr());
        assertTrue(r.stderr().contains("cannot reach " + url), r.stderr());
        assertTrue(r.stderr().toLowerCase().contains("connection refused"), r.stderr());
        assertFalse(Files.exists(out), "no run directory, no rollout, no prediction");
        assertFalse(Files.exists(dir.resolve("cache")), "not even the mirror cache was touched");
        assertFalse(r.stderr().contains("\tat "), "one line, no stack trace: " + r.stderr());
    }

    @Test
    void aRejectedKeyNamesTheVariableAndNeverPrintsTheKey(@TempDir Path dir) throws Exception {
        try (OpenAiStub stub = new OpenAiStub()) {
            stub.otherwise(401, OpenAiStub.error("Incorrect API key provided: " + KEY + "."));
            Path out = dir.resolve("out");
            var r = Cli.run(dir.resolve("log"), ENV, Duration.ofSeconds(90), batch(out, "openai:gpt-4.1", stub.baseUrl()));
            assertEquals(ExitCodes.MODEL_FAILED, r.exit(), r.stderr() + r.stdout());
            assertTrue(r.stderr().contains("the API key was rejected (HTTP 401); set OPENAI_API_KEY to a valid key"), r.stderr());
            assertTrue(r.stderr().contains("provider openai, model gpt-4.1, base URL " + stub.baseUrl()), r.stderr());
            assertFalse((r.stderr() + r.stdout()).contains(KEY) || (r.stderr() + r.stdout()).contains("preflight0123"),
                    "the key is never printed: " + r.stderr());
            assertEquals(1, stub.requests().size(), "a rejected key is not retried");
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void anUnknownModelIsReportedAsNotFound(@TempDir Path dir) throws Exception {
        try (OpenAiStub stub = new OpenAiStub()) {
            stub.otherwise(404, OpenAiStub.error("The model `gpt-99` does not exist"));
            var r = Cli.run(dir.resolve("log"), ENV, Duration.ofSeconds(90), batch(dir.resolve("out"), "openai:gpt-99", stub.baseUrl()));
            assertEquals(ExitCodes.MODEL_FAILED, r.exit(), r.stderr() + r.stdout());
            assertTrue(r.stderr().contains("model 'gpt-99' not found at " + stub.baseUrl()), r.stderr());
            assertTrue(r.stderr().contains("does not exist"), "the provider's words: " + r.stderr());
        }
    }

    @Test
    void theCheckIsOneShortRequestWithoutTools(@TempDir Path dir) throws Exception {
        try (OpenAiStub stub = new OpenAiStub()) {
            // answers the check, then refuses everything: the batch stops at the missing key of a task file that
            // does not exist, after the check (which is what this test looks at)
            stub.reply(200, OpenAiStub.text("OK"));
            var r = batchOfMissingTasks(dir, stub.baseUrl());
            assertEquals(ExitCodes.USAGE, r.exit(), r.stderr() + r.stdout());
            assertTrue(r.stderr().contains("model openai:gpt-4.1 answered a one-line check in"), r.stderr());
            assertEquals(1, stub.requests().size());
            var sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stub.requests().get(0));
            assertEquals(1, sent.get("messages").size(), sent.toString());
            assertTrue(sent.get("max_tokens").asInt() <= 16, sent.toString());
            assertFalse(sent.has("tools") && sent.get("tools").size() > 0, sent.toString());
        }
    }

    @Test
    void aRateLimitedModelPassesTheCheck(@TempDir Path dir) throws Exception {
        try (OpenAiStub stub = new OpenAiStub()) {
            stub.otherwise(429, OpenAiStub.error("Rate limit reached for requests"));
            var r = batchOfMissingTasks(dir, stub.baseUrl());
            assertEquals(ExitCodes.USAGE, r.exit(), "went on to read the (missing) task file: " + r.stderr() + r.stdout());
            assertTrue(r.stderr().contains("model openai:gpt-4.1 is rate limited right now (HTTP 429), going on"), r.stderr());
        }
    }

    @Test
    void solveAndSelectCheckTheModelFirstToo(@TempDir Path dir) throws Exception {
        String url = "http://127.0.0.1:" + closedPort() + "/v1";
        var s = Cli.run(dir.resolve("s"), ENV, Duration.ofSeconds(90), "solve", "--repo", dir.resolve("no-repo").toString(),
                "--issue", "the parser drops the last line", "--model", "openai-compatible:m", "--base-url", url,
                "--out", dir.resolve("solve").toString());
        assertEquals(ExitCodes.MODEL_FAILED, s.exit(), s.stderr() + s.stdout());
        assertTrue(s.stderr().contains("fixpoint solve: the model did not answer") && s.stderr().contains("cannot reach " + url), s.stderr());
        assertFalse(Files.exists(dir.resolve("solve")));
        var c = Cli.run(dir.resolve("c"), ENV, Duration.ofSeconds(90), "select", "--tasks", Samples.TASKS.toString(),
                "--candidates", dir.resolve("p.jsonl").toString(), "--model", "openai-compatible:m", "--base-url", url,
                "--out", dir.resolve("select").toString());
        assertEquals(ExitCodes.MODEL_FAILED, c.exit(), c.stderr() + c.stdout());
        assertTrue(c.stderr().contains("fixpoint select: the model did not answer"), c.stderr());
        assertFalse(Files.exists(dir.resolve("select")));
    }

    @Test
    void helpGivesTheCodeAndHowToRetry(@TempDir Path dir) throws Exception {
        for (String cmd : List.of("batch", "solve", "select")) {
            var h = Cli.run(dir.resolve(cmd), Map.of(), Duration.ofSeconds(60), cmd, "--help");
            assertEquals(0, h.exit(), h.stderr());
            String text = h.stdout().replaceAll("\\s+", " ");
            assertTrue(text.contains("6 the model failed") || text.contains("6: the model failed") || text.matches(".*\\b6\\s+the model failed.*"), cmd + ": " + h.stdout());
            assertTrue(text.contains("re-run the same command with the same --out"), cmd + ": " + h.stdout());
            assertTrue(text.contains("errored"), cmd + ": " + h.stdout());
        }
    }
}
