package dev.fixpoint.models.internal;

import dev.fixpoint.models.RetryingModel;
import dev.fixpoint.models.ModelConfig;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the langchain4j {@link ChatModel} of a provider. Every builder gets {@code maxRetries(0)}: retries are
 * done once, by {@link RetryingModel}, so that each HTTP attempt, its latency and its failure are seen and counted
 * by us (langchain4j's internal retries would hide attempts and double the back-off). Anthropic models use prompt
 * caching: the system prompt, the tools and the conversation so far are cached between the steps of a rollout.
 */
final class ChatModels {

    private ChatModels() {}

    static ChatModel build(ModelConfig c, String apiKey) {
        return switch (c.provider()) {
            case OPENAI, OPENAI_COMPATIBLE -> OpenAiChatModel.builder().httpClientBuilder(HeaderKeepingHttpClient.builder())
                    .baseUrl(c.effectiveBaseUrl()).apiKey(apiKey).modelName(c.name())
                    .temperature(c.temperature()).maxTokens(c.maxOutputTokens())
                    .timeout(c.requestTimeout()).maxRetries(0).build();
            case ANTHROPIC -> AnthropicChatModel.builder().httpClientBuilder(HeaderKeepingHttpClient.builder())
                    .baseUrl(c.effectiveBaseUrl()).apiKey(apiKey).modelName(c.name())
                    .temperature(c.temperature()).maxTokens(c.maxOutputTokens() == null ? 8192 : c.maxOutputTokens())
                    .timeout(c.requestTimeout()).maxRetries(0)
                    .cacheSystemMessages(true).cacheTools(true).build(); // with the history's breakpoints: LangChainMapping.cacheBreakpoints
            case GEMINI -> GoogleAiGeminiChatModel.builder()
                    .baseUrl(c.effectiveBaseUrl()).apiKey(apiKey).modelName(c.name())
                    .temperature(c.temperature()).maxOutputTokens(c.maxOutputTokens())
                    .timeout(c.requestTimeout()).maxRetries(0).build();
            case OLLAMA -> OllamaChatModel.builder().httpClientBuilder(HeaderKeepingHttpClient.builder())
                    .maxRetries(0)
                    .baseUrl(c.effectiveBaseUrl()).modelName(c.name())
                    .temperature(c.temperature()).numPredict(c.maxOutputTokens())
                    .timeout(c.requestTimeout()).build();
            case REPLAY -> throw new IllegalArgumentException("replay is not a langchain4j provider: " + c.id());
        };
    }
}
