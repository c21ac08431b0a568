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
}
