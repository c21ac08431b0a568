package dev.fixpoint.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.models.testing.OpenAiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The langchain4j OpenAI adapter against an OpenAI-compatible stub on loopback. */
class ModelProviderTest {

    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), 2.0);
    static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-test-0123456789abcdef0123");
    static final ObjectMapper JSON = new ObjectMapper();

    OpenAiStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new OpenAiStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Model open(RetryPolicy retry) {
        return Models.open(ModelConfig.parse("openai:gpt-4.1").withBaseUrl(stub.baseUrl()).withRetry(retry), ENV);
    }

    private static ModelRequest request(List<Message> messages) {
        var spec = new ToolSpec("view", "show a file", List.of(ToolParam.required("path", ToolParam.Type.STRING, "file"),
                ToolParam.optional("start_line", ToolParam.Type.INTEGER, "first line"),
                ToolParam.oneOf("mode", List.of("a", "b"), "mode")));
        return new ModelRequest(messages, List.of(spec));
    }

    @Test
    void toolCallsMultiTurnAndUsage() throws Exception {
        stub.reply(200, OpenAiStub.toolCall("call_abc", "view", "{\"path\":\"a.py\"}", 120, 30, 100))
            .reply(200, OpenAiStub.text("done"));
        Model model = open(FAST);
        var messages = new ArrayList<Message>(List.of(new Message.SystemPrompt("sys"), new Message.User("fix it")));

        ModelResponse first = model.chat(request(messages));
        assertEquals(List.of(new ToolCall("call_abc", "view", "{\"path\":\"a.py\"}")), first.message().toolCalls());
        assertEquals(120, first.usage().inputTokens());
        assertEquals(30, first.usage().outputTokens());
        assertEquals(100, first.usage().cachedInputTokens());
        assertEquals("tool_execution", first.finishReason());

        messages.add(first.message());
        messages.add(new Message.ToolResult("call_abc", "view", "1 print()"));
        ModelResponse second = model.chat(request(messages));
        assertEquals("done", second.message().text());
        assertTrue(second.message().toolCalls().isEmpty());

        JsonNode sent = JSON.readTree(stub.requests().get(1));
        assertEquals("gpt-4.1", sent.get("model").asText());
        JsonNode msgs = sent.get("messages");
        assertEquals(4, msgs.size());
        assertEquals("call_abc", msgs.get(2).get("tool_calls").get(0).get("id").asText());
        assertEquals("tool", msgs.get(3).get("role").asText());
        assertEquals("call_abc", msgs.get(3).get("tool_call_id").asText());
        JsonNode params = sent.get("tools").get(0).get("function").get("parameters");
        assertEquals("string", params.get("properties").get("path").get("type").asText());
        assertEquals("integer", params.get("properties").get("start_line").get("type").asText());
        assertEquals("[\"a\",\"b\"]", params.get("properties").get("mode").get("enum").toString());
        assertEquals("[\"path\",\"mode\"]", params.get("required").toString());
        assertEquals("Bearer sk-test-0123456789abcdef0123", stub.authHeaders().get(0));
    }

    @Test
    void rejectedKeyNamesTheVariableAndIsNotRetried() {
        stub.reply(401, OpenAiStub.error("Incorrect API key provided"));
        assertEquals(401, chatFails(ModelException.Kind.AUTH, "set OPENAI_API_KEY", 1).httpStatus());
    }

    @Test
    void missingKeyNamesTheVariable() {
        var e = assertThrows(ModelException.class, () -> Models.open(ModelConfig.parse("openai:gpt-4.1"), Map.of()));
        assertEquals("openai:gpt-4.1: no API key: set OPENAI_API_KEY", e.getMessage());
        var g = assertThrows(ModelException.class, () -> Models.open(ModelConfig.parse("gemini:gemini-2.5-pro"), Map.of()));
        assertTrue(g.getMessage().endsWith("set GEMINI_API_KEY or GOOGLE_API_KEY"), g.getMessage());
        var a = assertThrows(ModelException.class, () -> Models.open(ModelConfig.parse("anthropic:claude-sonnet-4"), Map.of("ANTHROPIC_API_KEY", " ")));
        assertTrue(a.getMessage().endsWith("set ANTHROPIC_API_KEY"), a.getMessage());
    }

    @Test
    void unknownModelIsNotFoundAndNamesModelAndBaseUrl() {
        stub.reply(404, OpenAiStub.error("The model `gpt-9` does not exist or you do not have access to it."));
        Model model = Models.open(ModelConfig.parse("openai:gpt-9").withBaseUrl(stub.baseUrl()).withRetry(FAST), ENV);
        var e = assertThrows(ModelException.class, () -> model.chat(request(List.of(new Message.User("hi")))));
        assertEquals(ModelException.Kind.NOT_FOUND, e.kind());
        assertTrue(e.serviceFailure());
        assertTrue(e.getMessage().contains("model 'gpt-9' not found at " + stub.baseUrl()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), "the provider's words are kept: " + e.getMessage());
        assertEquals(1, stub.requests().size(), "not retried");
    }

    @Test
    void aKeyEchoedByTheProviderIsMaskedInTheMessage() {
        String key = ENV.get("OPENAI_API_KEY");
        stub.reply(401, OpenAiStub.error("Incorrect API key provided: " + key + ". Find your key at platform"));
        var e = assertThrows(ModelException.class, () -> open(FAST).chat(request(List.of(new Message.User("hi")))));
        assertFalse(e.getMessage().contains(key), e.getMessage());
        assertFalse(e.getMessage().contains("0123456789abcdef"), e.getMessage());
        assertTrue(e.getMessage().contains("Incorrect API key provided: [REDACTED]"), e.getMessage());
    }

    @Test
    void aKeyInAnUnusualVariableIsMaskedToo() {
        Map<String, String> env = Map.of("MY_LLM", "plainsecretvalue42");
        stub.reply(403, OpenAiStub.error("key plainsecretvalue42 may not use this model"));
        Model model = Models.open(ModelConfig.parse("openai:gpt-4.1").withBaseUrl(stub.baseUrl()).withApiKeyEnv("MY_LLM").withRetry(FAST), env);
        var e = assertThrows(ModelException.class, () -> model.chat(request(List.of(new Message.User("hi")))));
        assertEquals(ModelException.Kind.AUTH, e.kind());
        assertTrue(e.getMessage().contains("set MY_LLM"), e.getMessage());
        assertFalse(e.getMessage().contains("plainsecretvalue42"), e.getMessage());
    }

    @Test
    void preflightAsksOneShortQuestionWithoutTools() throws Exception {
        stub.reply(200, OpenAiStub.text("OK"));
        ModelResponse r = Preflight.check(ModelConfig.parse("openai:gpt-4.1").withBaseUrl(stub.baseUrl()), ENV);
        assertEquals("OK", r.message().text());
        assertEquals(15, r.usage().totalTokens());
        assertEquals(1, stub.requests().size());
        JsonNode sent = JSON.readTree(stub.requests().get(0));
        assertEquals(1, sent.get("messages").size(), sent::toString);
        assertEquals(Preflight.MAX_TOKENS, sent.get("max_tokens").asInt(), sent::toString);
        assertFalse(sent.has("tools") && sent.get("tools").size() > 0, sent::toString);
    }

    @Test
    void preflightAsksAgainWithoutTheTokenCapWhenTheCapIsRefused() throws Exception {
        stub.reply(400, OpenAiStub.error("Unsupported parameter: 'max_tokens' is not supported with this model."))
            .reply(200, OpenAiStub.text("OK"));
        ModelResponse r = Preflight.check(ModelConfig.parse("openai:o3").withBaseUrl(stub.baseUrl()), ENV);
        assertEquals("OK", r.message().text());
        assertFalse(JSON.readTree(stub.requests().get(1)).has("max_tokens"), stub.requests().get(1));
    }

    @Test
    void preflightFailsFastOnAClosedPortAndKeepsTheServerErrorOtherwise() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        var e = assertThrows(ModelException.class, () -> Preflight.check(
                ModelConfig.parse("openai-compatible:local").withBaseUrl("http://127.0.0.1:" + port + "/v1"), Map.of()));
        assertEquals(ModelException.Kind.NETWORK, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot reach http://127.0.0.1:" + port + "/v1"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("connection refused"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 15, "a dead server is reported in seconds");

        stub.otherwise(500, OpenAiStub.error("the GPU caught fire"));
        var s = assertThrows(ModelException.class, () -> Preflight.check(ModelConfig.parse("openai:gpt-4.1").withBaseUrl(stub.baseUrl()), ENV));
        assertEquals(ModelException.Kind.SERVER, s.kind());
        assertTrue(s.getMessage().contains("the GPU caught fire") && s.getMessage().contains("gave up after 3 attempts"), s.getMessage());
    }

    @Test
    void retriesRateLimitAndServerErrorsThenSucceeds() {
        stub.reply(429, OpenAiStub.error("Rate limit reached")).reply(500, OpenAiStub.error("boom"))
            .reply(200, OpenAiStub.text("ok"));
        ModelResponse r = open(FAST).chat(request(List.of(new Message.User("hi"))));
        assertEquals("ok", r.message().text());
        assertEquals(3, stub.requests().size(), "one HTTP request per attempt: langchain4j's own retries are off");
    }

    @Test
    void givesUpAfterMaxAttempts() {
        stub.reply(503, OpenAiStub.error("busy")).reply(503, OpenAiStub.error("busy")).reply(503, OpenAiStub.error("busy"));
        chatFails(ModelException.Kind.SERVER, "gave up after 3 attempts", 3);
    }

    @Test
    void badRequestIsNotRetried() {
        stub.reply(400, OpenAiStub.error("context too long"));
        chatFails(ModelException.Kind.BAD_REQUEST, "context too long", 1);
    }

    /** Asks the stub's model once and asserts the call fails with {@code kind}, saying {@code said}, after {@code requests} HTTP requests. */
    private ModelException chatFails(ModelException.Kind kind, String said, int requests) {
        var e = assertThrows(ModelException.class, () -> open(FAST).chat(request(List.of(new Message.User("hi")))));
        assertEquals(kind, e.kind());
        assertTrue(e.getMessage().contains(said), e.getMessage());
        assertEquals(requests, stub.requests().size());
        return e;
    }

    @Test
    void timeoutIsRetried() {
        stub.delayed(1500, OpenAiStub.text("late")).reply(200, OpenAiStub.text("ok"));
        Model model = Models.open(ModelConfig.parse("openai:gpt-4.1").withBaseUrl(stub.baseUrl()).withRetry(FAST)
                .withRequestTimeout(Duration.ofMillis(300)), ENV);
        assertEquals("ok", model.chat(request(List.of(new Message.User("hi")))).message().text());
        assertEquals(2, stub.requests().size());
    }

    @Test
    void connectionRefusedIsANetworkErrorAndRetried() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Model model = Models.open(ModelConfig.parse("openai-compatible:local").withBaseUrl("http://127.0.0.1:" + port + "/v1")
                .withRetry(FAST), Map.of());
        var e = assertThrows(ModelException.class, () -> model.chat(request(List.of(new Message.User("hi")))));
        assertEquals(ModelException.Kind.NETWORK, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
    }

    @Test
    void openAiCompatibleNeedsABaseUrlButNoKey() {
        var e = assertThrows(IllegalArgumentException.class, () -> Models.open(ModelConfig.parse("openai-compatible:qwen"), Map.of()));
        assertTrue(e.getMessage().contains("needs a base URL"), e.getMessage());
        stub.reply(200, OpenAiStub.text("hello"));
        Model m = Models.open(ModelConfig.parse("openai-compatible:qwen").withBaseUrl(stub.baseUrl()), Map.of());
        assertEquals("hello", m.chat(request(List.of(new Message.User("hi")))).message().text());
        assertEquals("openai-compatible:qwen", m.id());
    }

    @Test
    void logprobsAreAskedForAndMappedToOurRecords() throws Exception {
        var yesTop = new LinkedHashMap<String, Double>();
        yesTop.put("YES", -0.1);
        yesTop.put("NO", -2.4);
        yesTop.put(" yes", -5.0);
        var dotTop = new LinkedHashMap<String, Double>();
        dotTop.put(".", -0.01);
        stub.reply(200, OpenAiStub.textWithLogprobs(List.of("YES", "."), List.of(-0.1, -0.01), List.of(yesTop, dotTop)));
        Model model = Models.open(ModelConfig.parse("openai-compatible:qwen").withBaseUrl(stub.baseUrl()), Map.of());

        ModelResponse r = model.chat(request(List.of(new Message.User("resolved?"))).withTopLogprobs(3));

        JsonNode sent = JSON.readTree(stub.requests().get(0));
        assertTrue(sent.get("logprobs").asBoolean(), sent::toString);
        assertEquals(3, sent.get("top_logprobs").asInt(), sent::toString);
        assertEquals("qwen", sent.get("model").asText(), "the request's parameters keep the model's defaults");
        assertEquals(1, sent.get("tools").size(), "tools still go with the request");
        assertEquals("YES.", r.message().text());
        assertEquals(List.of(
                new TokenLogprob("YES", -0.1, List.of(new TokenLogprob.Alternative("YES", -0.1),
                        new TokenLogprob.Alternative("NO", -2.4), new TokenLogprob.Alternative(" yes", -5.0))),
                new TokenLogprob(".", -0.01, List.of(new TokenLogprob.Alternative(".", -0.01)))), r.logprobs());
    }

    @Test
    void withoutAskingNoLogprobsAreSentOrReturned() throws Exception {
        stub.reply(200, OpenAiStub.text("ok"));
        ModelResponse r = open(FAST).chat(request(List.of(new Message.User("hi"))));
        JsonNode sent = JSON.readTree(stub.requests().get(0));
        assertFalse(sent.has("logprobs"), sent::toString);
        assertFalse(sent.has("top_logprobs"), sent::toString);
        assertEquals(List.of(), r.logprobs());
    }

    @Test
    void aProviderWithoutLogprobsAnswersWithoutThem() throws Exception {
        stub.reply(200, OpenAiStub.text("ok"));
        ModelResponse r = open(FAST).chat(request(List.of(new Message.User("hi"))).withTopLogprobs(5));
        assertEquals("ok", r.message().text());
        assertEquals(List.of(), r.logprobs(), "no choices[0].logprobs in the answer: empty, not an error");
    }

    @Test
    void topLogprobsOutsideOpenAisRangeIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> request(List.of(new Message.User("hi"))).withTopLogprobs(21));
        assertTrue(e.getMessage().contains("21"), e.getMessage());
    }
}
