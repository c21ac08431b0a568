package dev.fixpoint.agent.model;

import dev.fixpoint.agent.Model;
import dev.fixpoint.agent.ModelConfig;
import dev.fixpoint.agent.ModelRequest;
import dev.fixpoint.agent.ModelResponse;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** One attempt per call on a langchain4j {@link ChatModel}; failures become {@link dev.fixpoint.agent.ModelException}. */
public final class LangChainModel implements Model {

    private static final Logger log = LoggerFactory.getLogger(LangChainModel.class);

    private final ModelConfig config;
    private final ChatModel chatModel;
    private final AtomicLong calls = new AtomicLong();

    LangChainModel(ModelConfig config, ChatModel chatModel) {
        this.config = config;
        this.chatModel = chatModel;
    }

    /** A model for the config; the key comes from {@code env} (a {@link dev.fixpoint.agent.ModelException} names the variable if missing). */
    public static LangChainModel open(ModelConfig config, java.util.Map<String, String> env) {
        return new LangChainModel(config, ChatModels.build(config, ApiKeys.resolve(config, env)));
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public ModelResponse chat(ModelRequest request) {
        ChatRequest chatRequest = LangChainMapping.toChatRequest(config.provider(), request);
        long call = calls.incrementAndGet();
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = chatModel.chat(chatRequest);
        } catch (RuntimeException e) {
            var failure = ErrorClassifier.classify(config, e);
            log.debug("{}: call {} failed after {} ms: {}", config.id(), call, (System.nanoTime() - start) / 1_000_000, failure.getMessage());
            throw failure;
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        String finish = response.finishReason() == null ? "" : response.finishReason().name().toLowerCase(Locale.ROOT);
        return new ModelResponse(LangChainMapping.toAssistant(response.aiMessage(), "call_" + call),
                LangChainMapping.toUsage(response.tokenUsage(), latency), finish,
                LangChainMapping.toLogprobs(response.metadata()));
    }
}
