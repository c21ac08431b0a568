package dev.fixpoint.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.models.testing.AnthropicStub;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Anthropic prompt caching through langchain4j, against a loopback server that records the requests: the system
 * prompt, the tools and the conversation carry cache_control markers (at most Anthropic's four), and cache reads
 * and writes come back in the usage, priced with the table's cached-input price.
 */
class AnthropicCachingTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> ENV = Map.of("ANTHROPIC_API_KEY", "sk-ant-test-0123456789abcdef");
    static final List<ToolSpec> TOOLS = List.of(
            new ToolSpec("bash", "run a command", List.of(ToolParam.required("command", ToolParam.Type.STRING, "the command"))),
            new ToolSpec("view", "show a file", List.of(ToolParam.required("path", ToolParam.Type.STRING, "file"))));

    /** Paths (as block descriptions) of every cache_control marker in a request. */
    static List<String> markers(JsonNode request) {
        var out = new ArrayList<String>();
        JsonNode system = request.path("system");
        for (int i = 0; i < system.size(); i++) if (system.get(i).has("cache_control")) out.add("system[" + i + "]");
        JsonNode tools = request.path("tools");
        for (int i = 0; i < tools.size(); i++) if (tools.get(i).has("cache_control")) out.add("tools[" + i + "]");
        JsonNode messages = request.path("messages");
        for (int m = 0; m < messages.size(); m++) {
            JsonNode content = messages.get(m).path("content");
            for (int b = 0; b < content.size(); b++) {
                if (content.get(b).has("cache_control")) out.add("messages[" + m + "].content[" + b + "]");
            }
        }
        return out;
    }

    @Test
    void theRequestCarriesCacheMarkersAndCachedTokensAreReadBackAndPriced() throws Exception {
        try (AnthropicStub stub = new AnthropicStub()) {
            stub.reply(200, AnthropicStub.toolUse("toolu_1", "bash", "{\"command\":\"ls\"}", 2100, 40, 2000, 0))
                .reply(200, AnthropicStub.toolUse("toolu_2", "view", "{\"path\":\"a.py\"}", 60, 30, 150, 2000))
                .reply(200, AnthropicStub.toolUse("toolu_3", "bash", "{\"command\":\"pytest\"}", 50, 20, 120, 2150));
            Model model = Models.open(ModelConfig.parse("anthropic:claude-sonnet-4-20250514").withBaseUrl(stub.baseUrl())
                    .withRetry(RetryPolicy.NONE), ENV);
            var messages = new ArrayList<Message>(List.of(new Message.SystemPrompt("You fix bugs."), new Message.User("Issue: x")));
            var usages = new ArrayList<Usage>();
            for (int step = 0; step < 3; step++) {
                ModelResponse r = model.chat(new ModelRequest(messages, TOOLS));
                usages.add(r.usage());
                messages.add(r.message());
                ToolCall c = r.message().toolCalls().get(0);
                messages.add(new Message.ToolResult(c.id(), c.name(), "observation " + step));
            }

            List<JsonNode> sent = new ArrayList<>();
            for (String body : stub.requests()) sent.add(JSON.readTree(body));
            assertEquals(3, sent.size());
            for (JsonNode request : sent) {
                List<String> marks = markers(request);
                assertTrue(marks.size() <= 4, "Anthropic allows at most 4 cache breakpoints: " + marks);
                assertTrue(marks.contains("system[0]"), "the system prompt is cached: " + marks);
                assertTrue(marks.contains("tools[1]") && !marks.contains("tools[0]"), "one breakpoint after the last tool: " + marks);
                int last = request.get("messages").size() - 1;
                JsonNode lastContent = request.get("messages").get(last).get("content");
                assertTrue(marks.contains("messages[" + last + "].content[" + (lastContent.size() - 1) + "]"),
                        "the whole conversation so far is written to the cache: " + marks);
            }
            assertEquals(List.of("system[0]", "tools[1]", "messages[0].content[0]"), markers(sent.get(0)));
            // step 2: messages are user, assistant(tool_use), user(tool_result): the previous end (the task) and the new end
            assertEquals(List.of("system[0]", "tools[1]", "messages[0].content[0]", "messages[2].content[0]"), markers(sent.get(1)));
            assertEquals("tool_result", sent.get(1).get("messages").get(2).get("content").get(0).get("type").asText());
            assertEquals(List.of("system[0]", "tools[1]", "messages[2].content[0]", "messages[4].content[0]"), markers(sent.get(2)));
            assertEquals("ephemeral", sent.get(2).get("messages").get(4).get("content").get(0).get("cache_control").get("type").asText());

            Usage second = usages.get(1);
            assertEquals(60 + 150 + 2000, second.inputTokens(), "input counts cache writes and reads too");
            assertEquals(2000, second.cachedInputTokens());
            assertEquals(30, second.outputTokens());
            // claude-sonnet-4*: input $3, cached input $0.30, output $15 per million tokens
            BigDecimal expected = new BigDecimal("3").multiply(BigDecimal.valueOf(60 + 150))
                    .add(new BigDecimal("0.30").multiply(BigDecimal.valueOf(2000)))
                    .add(new BigDecimal("15").multiply(BigDecimal.valueOf(30)))
                    .divide(BigDecimal.valueOf(1_000_000));
            BigDecimal cost = PriceTable.defaults().cost(model.id(), second).orElseThrow();
            assertEquals(0, expected.compareTo(cost), expected + " vs " + cost);
            BigDecimal uncached = PriceTable.defaults().cost(model.id(), Usage.of(second.inputTokens(), 30, 0, null)).orElseThrow();
            assertTrue(cost.compareTo(uncached.divide(BigDecimal.valueOf(3), java.math.RoundingMode.HALF_UP)) < 0,
                    "reading the history from the cache costs less than a third: " + cost + " vs " + uncached);
            assertEquals(List.of("sk-ant-test-0123456789abcdef"), stub.authHeaders().subList(0, 1));
        }
    }
}
