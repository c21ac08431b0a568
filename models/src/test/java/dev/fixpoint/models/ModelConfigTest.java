package dev.fixpoint.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class ModelConfigTest {

    @Test
    void parsesProviderAndName() {
        ModelConfig c = ModelConfig.parse("ollama:qwen2.5-coder:7b");
        assertEquals(Provider.OLLAMA, c.provider());
        assertEquals("qwen2.5-coder:7b", c.name());
        assertEquals("http://localhost:11434", c.effectiveBaseUrl());
        assertEquals(Provider.OPENAI_COMPATIBLE, ModelConfig.parse("openai-compatible:m").provider());
        assertEquals(Provider.ANTHROPIC, ModelConfig.parse("Anthropic:claude-sonnet-4").provider());
        assertEquals("gemini:gemini-2.5-pro", ModelConfig.parse("gemini:gemini-2.5-pro").id());
    }

    @Test
    void rejectsBadSpecsWithTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse("gpt-4.1")).getMessage().contains("gpt-4.1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse("acme:x")).getMessage().contains("unknown model provider: acme"));
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse("openai:"));
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse("openai:x").withTemperature(3.0));
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse("openai:x").withRequestTimeout(Duration.ZERO));
    }

    @Test
    void retryBoundsGrowAndCap() {
        var p = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0);
        assertEquals(Duration.ofSeconds(1), p.bound(1));
        assertEquals(Duration.ofSeconds(4), p.bound(3));
        assertEquals(Duration.ofSeconds(5), p.bound(4));
    }

    @Test
    void pricesKnownUnknownWildcardAndCached() {
        PriceTable t = PriceTable.defaults();
        Usage u = Usage.of(1_000_000, 100_000, 400_000, Duration.ZERO);
        // gpt-4.1: 600k uncached * 2 + 400k cached * 0.5 + 100k out * 8 = 1.2 + 0.2 + 0.8
        assertEquals(0, new BigDecimal("2.2").compareTo(t.cost("openai:gpt-4.1", u).orElseThrow()));
        assertTrue(t.cost("openai:some-future-model", u).isEmpty(), "unknown price is unknown, not zero");
        assertEquals(0, BigDecimal.ZERO.compareTo(t.cost("ollama:llama3", u).orElseThrow()));
        assertTrue(t.price("anthropic:claude-sonnet-4-20250514").isPresent(), "prefix entry");
    }

    @Test
    void priceTableIsExtendedByAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("prices.json");
        Files.writeString(f, "{\"models\": {\"openai-compatible:mine\": {\"input\": 1, \"output\": 2}}}");
        PriceTable t = PriceTable.defaults().withFile(f);
        assertEquals(0, new BigDecimal("3").compareTo(t.cost("openai-compatible:mine", Usage.of(1_000_000, 1_000_000, 0, Duration.ZERO)).orElseThrow()));
        assertTrue(t.price("openai:gpt-4.1").isPresent());
        Files.writeString(f, "{\"models\": {\"x\": {\"input\": \"cheap\"}}}");
        var e = assertThrows(ModelsException.class, () -> PriceTable.empty().withFile(f));
        assertTrue(e.getMessage().contains("price of x needs numbers"), e.getMessage());
    }
}
