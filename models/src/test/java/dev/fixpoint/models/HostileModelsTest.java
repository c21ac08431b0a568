package dev.fixpoint.models;

import dev.fixpoint.models.testing.OpenAiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A faulty model server on loopback: Retry-After is honoured (seconds and HTTP-date, capped by the longest wait). */
@Tag("hostile-models")
class HostileModelsTest {

    static final String BUSY = OpenAiStub.error("Rate limit reached, try again later");
    /** Retries whose own back-off is a millisecond: a wait of seconds can only be the server's Retry-After. */
    static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(30), 2.0);

    /** A stub for one test, closed after it. */
    final OpenAiStub stub = newStub();

    private static OpenAiStub newStub() {
        try {
            return new OpenAiStub();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void closeStub() {
        stub.close();
    }

    /** An OpenAI model at the stub with {@code retry}; its key from a map, not the process environment. */
    private Model model(RetryPolicy retry) {
        return Models.open(ModelConfig.parse("openai:gpt-4.1").withBaseUrl(stub.baseUrl()).withRetry(retry),
                Map.of("OPENAI_API_KEY", "sk-test-hostile-0123456789abcdef"));
    }

    private static ModelRequest hi() {
        return new ModelRequest(List.of(new Message.User("hi")), List.of());
    }

    private double gapSeconds() {
        List<Long> t = stub.requestNanos();
        assertEquals(2, t.size(), "one failed attempt, one retry");
        return (t.get(1) - t.get(0)) / 1e9;
    }

    @Test
    void aRetryAfterInSecondsIsWaited() {
        stub.reply(429, BUSY, Map.of("Retry-After", "3")).reply(200, OpenAiStub.text("fine"));
        ModelResponse r = model(QUICK).chat(hi());
        assertEquals("fine", ((Message.Assistant) r.message()).text());
        double gap = gapSeconds();
        assertTrue(gap >= 2.5 && gap < 10, "waited the 3 s the server asked for, not the policy's 1 ms: " + gap + " s");
    }

    @Test
    void aRetryAfterAsAnHttpDateIsWaited() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(4));
        stub.reply(503, OpenAiStub.error("overloaded"), Map.of("Retry-After", at)).reply(200, OpenAiStub.text("fine"));
        model(QUICK).chat(hi());
        double gap = gapSeconds();
        assertTrue(gap >= 2.0 && gap < 10, "waited until the date (4 s ahead, whole seconds): " + gap + " s");
    }

    @Test
    void aRetryAfterIsCappedByTheLongestWait() {
        stub.reply(429, BUSY, Map.of("Retry-After", "3600")).reply(200, OpenAiStub.text("fine"));
        model(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(500), 2.0)).chat(hi());
        double gap = gapSeconds();
        assertTrue(gap < 5, "an hour asked, the policy's 0.5 s maximum waited: " + gap + " s");
    }

    @Test
    void theRetryAfterIsKeptOnTheFailure() {
        stub.otherwise(429, BUSY);
        stub.reply(429, BUSY, Map.of("Retry-After", "7"));
        var e = assertThrows(ModelException.class, () -> model(RetryPolicy.NONE).chat(hi()));
        assertEquals(ModelException.Kind.RATE_LIMIT, e.kind());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        var without = assertThrows(ModelException.class, () -> model(RetryPolicy.NONE).chat(hi()));
        assertTrue(without.retryAfter().isEmpty(), "no header, no wait asked");
    }
}
