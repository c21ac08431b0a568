package dev.fixpoint.models.internal;

import dev.fixpoint.models.Message;
import dev.fixpoint.models.ModelRequest;
import dev.fixpoint.models.Provider;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LangChainMappingTest {

    private static final ModelRequest ASKS = new ModelRequest(List.of(new Message.User("hi")), List.of()).withTopLogprobs(5);

    @Test
    void onlyOpenAiProvidersAreAskedForLogprobs() {
        for (Provider p : List.of(Provider.ANTHROPIC, Provider.GEMINI, Provider.OLLAMA)) {
            assertFalse(LangChainMapping.toChatRequest(p, ASKS).parameters() instanceof OpenAiChatRequestParameters, p::toString);
        }
        var params = (OpenAiChatRequestParameters) LangChainMapping.toChatRequest(Provider.OPENAI, ASKS).parameters();
        assertEquals(Boolean.TRUE, params.logprobs());
        assertEquals(5, params.topLogprobs());
    }

    @Test
    void noMetadataMeansNoLogprobs() {
        assertEquals(List.of(), LangChainMapping.toLogprobs(null));
    }

    @Test
    void onlyAnthropicRequestsMarkTheHistoryForCaching() {
        var messages = List.<Message>of(new Message.SystemPrompt("s"), new Message.User("task"),
                new Message.Assistant("", List.of(new dev.fixpoint.models.ToolCall("c1", "bash", "{}"))),
                new Message.ToolResult("c1", "bash", "out"), new Message.User("nudge"));
        assertEquals(java.util.Set.of(1, 4), LangChainMapping.cacheBreakpoints(messages), "the previous end and the new end");
        var request = new ModelRequest(messages, List.of());
        for (Provider p : List.of(Provider.OPENAI, Provider.GEMINI, Provider.OLLAMA)) {
            assertTrue(LangChainMapping.toChatRequest(p, request).messages().stream().noneMatch(LangChainMappingTest::marked), p::toString);
        }
        var anthropic = LangChainMapping.toChatRequest(Provider.ANTHROPIC, request).messages();
        assertEquals(List.of(false, true, false, false, true), anthropic.stream().map(LangChainMappingTest::marked).toList());
    }

    private static boolean marked(dev.langchain4j.data.message.ChatMessage m) {
        java.util.Map<String, Object> a = m instanceof dev.langchain4j.data.message.UserMessage u ? u.attributes()
                : m instanceof dev.langchain4j.data.message.ToolExecutionResultMessage t ? t.attributes() : java.util.Map.of();
        return a != null && "ephemeral".equals(a.get("cache_control"));
    }
}
