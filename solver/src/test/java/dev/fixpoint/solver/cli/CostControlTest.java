package dev.fixpoint.solver.cli;

import dev.fixpoint.models.testing.OpenAiStub;
import dev.fixpoint.solver.config.ConfigLoader;
import dev.fixpoint.solver.config.FixpointConfig;
import dev.fixpoint.solver.testing.Cli;
import dev.fixpoint.solver.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A dollar limit for a model without a price is refused before any work unless --allow-unpriced, which warns once;
 * --prices adds the price; the request timeout comes from the config file. Loopback servers; no Docker.
 */
class CostControlTest {

    static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-test-costcontrol0123456789", "FIXPOINT_CONFIG", "");

    static FixpointConfig config(Map<String, Object> keys) {
        return ConfigLoader.load(null, new HashMap<>(keys));
    }

    static Optional<String> check(Map<String, Object> keys) {
        FixpointConfig c = config(keys);
        var prices = SolverSetup.prices(c);
        return SolverSetup.checkPriced(c, SolverSetup.models(c, ENV), prices);
    }

    @Test
    void aDollarLimitOnAnUnpricedModelIsRefusedNamingTheModelTheTableAndTheWayOut() {
        for (Map<String, Object> limit : java.util.List.<Map<String, Object>>of(Map.of("budget_usd", 1), Map.of("task_budget_usd", 0.5),
                Map.of("max_usd_per_rollout", 0.2))) {
            var keys = new HashMap<String, Object>(limit);
            keys.put("model", "openai-compatible:my-local-model");
            keys.put("model_base_url", "http://127.0.0.1:1/v1");
            var e = assertThrows(IllegalArgumentException.class, () -> check(keys), limit::toString);
            String m = e.getMessage();
            assertTrue(m.contains("needs the price of model openai-compatible:my-local-model"), m);
            assertTrue(m.contains("openai:gpt-4.1") && m.contains("bundled prices.json"), "names the table: " + m);
            assertTrue(m.contains("--prices FILE") && m.contains("prices_file") && m.contains("--allow-unpriced"), m);
            assertTrue(m.contains("\"openai-compatible:my-local-model\": {\"input\""), "shows the entry to write: " + m);
        }
        assertEquals(Optional.empty(), check(Map.of("model", "openai-compatible:m", "model_base_url", "http://x/v1")),
                "no dollar limit, nothing to refuse");
        assertEquals(Optional.empty(), check(Map.of("model", "openai:gpt-4.1", "budget_usd", 1)), "a priced model passes");
        assertEquals(Optional.empty(), check(Map.of("model", "human", "budget_usd", 1)), "a person costs nothing");
    }

    @Test
    void aPriceFileOrTheOverrideLetsItRun(@TempDir Path dir) throws Exception {
        Path prices = dir.resolve("prices.json");
        Files.writeString(prices, "{\"models\": {\"openai-compatible:my-*\": {\"input\": 0.5, \"output\": 1.5}}}");
        var keys = new HashMap<String, Object>(Map.of("model", "openai-compatible:my-local-model", "model_base_url", "http://x/v1",
                "budget_usd", 1, "prices_file", prices.toString()));
        assertEquals(Optional.empty(), check(keys));

        keys.remove("prices_file");
        keys.put("allow_unpriced", true);
        String warning = check(keys).orElseThrow();
        assertTrue(warning.contains("model openai-compatible:my-local-model has no price, so --budget-usd 1 cannot hold"), warning);
        assertTrue(warning.contains("not limited at all"), warning);
        keys.put("budget_tokens", 50000);
        warning = check(keys).orElseThrow();
        assertTrue(warning.contains("counted in tokens only, against --budget-tokens 50000"), warning);
    }

    @Test
    void theCliRefusesBeforeAnyWorkAndWarnsOnceWithTheOverride(@TempDir Path dir) throws Exception {
        try (OpenAiStub stub = new OpenAiStub()) {
            stub.otherwise(200, OpenAiStub.text("OK"));
            String[] base = {"batch", "--tasks", Samples.TASKS.toString(), "--mirrors", Samples.MIRRORS.toString(),
                    "--model", "openai-compatible:my-local-model", "--base-url", stub.baseUrl(), "--budget-usd", "1",
                    "--filter", "no-task-matches-this", "--out", dir.resolve("out").toString(), "--cache-dir", dir.resolve("cache").toString()};
            var refused = Cli.run(dir.resolve("log1"), ENV, Duration.ofSeconds(90), base);
            assertEquals(ExitCodes.USAGE, refused.exit(), refused.stderr());
            assertTrue(refused.stderr().contains("--budget-usd 1 needs the price of model openai-compatible:my-local-model"), refused.stderr());
            assertEquals(0, stub.requests().size(), "refused before the model was asked anything");
            assertFalse(Files.exists(dir.resolve("out")));

            String[] allowed = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.stream.Stream.of("--allow-unpriced"))
                    .toArray(String[]::new);
            var warned = Cli.run(dir.resolve("log2"), ENV, Duration.ofSeconds(90), allowed);
            assertEquals(1, warned.stderr().split("has no price, so --budget-usd 1 cannot hold", -1).length - 1, warned.stderr());
            assertEquals(1, stub.requests().size(), "the run went on to the model check: " + warned.stderr());
        }
    }

    @Test
    void theRequestTimeoutComesFromTheConfigFile(@TempDir Path dir) throws Exception {
        try (OpenAiStub stub = new OpenAiStub()) {
            for (int i = 0; i < 5; i++) stub.delayed(4000, OpenAiStub.text("OK"));
            Path file = dir.resolve("fixpoint.yaml");
            Files.writeString(file, "model: openai-compatible:slow\nmodel_base_url: " + stub.baseUrl() + "\nrequest_timeout_seconds: 1\n");
            FixpointConfig c = ConfigLoader.load(file, Map.of());
            assertEquals(1, c.requestTimeoutSeconds());
            RunSetup setup = RunSetup.of(c, ENV);
            long t0 = System.nanoTime();
            var e = assertThrows(ModelUnavailableException.class, () -> setup.checkModel("batch"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(e.getMessage().toLowerCase().contains("timed out") || e.getMessage().toLowerCase().contains("timeout"), e.getMessage());
            assertTrue(ms < 3 * 4000, "each attempt gave up after about 1 s, not after the stub's 4 s: " + ms + " ms");
            assertEquals(300, config(Map.of()).requestTimeoutSeconds(), "the default stays 5 minutes");
            Files.writeString(file, "request_timeout_seconds: 0\n");
            var bad = assertThrows(dev.fixpoint.solver.SolverException.class, () -> ConfigLoader.load(file, Map.of()));
            assertTrue(bad.getMessage().contains("request_timeout_seconds must be >= 1"), bad.getMessage());
        }
    }
}
