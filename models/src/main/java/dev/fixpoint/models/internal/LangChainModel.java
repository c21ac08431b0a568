package dev.fixpoint.models.internal;

import dev.fixpoint.models.Model;
import dev.fixpoint.models.ModelConfig;
import dev.fixpoint.models.ModelRequest;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.Redactor;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** One attempt per call on a langchain4j {@link ChatModel}; failures become {@link dev.fixpoint.models.ModelException}. */
public final class LangChainModel implements Model {

    private static final Logger log = LoggerFactory.getLogger(LangChainModel.class);

    private final ModelConfig config;
    private final ChatModel chatModel;
    private final Redactor redactor;
    private final AtomicLong calls = new AtomicLong();

    LangChainModel(ModelConfig config, ChatModel chatModel, Redactor redactor) {
        this.config = config;
        this.chatModel = chatModel;
        this.redactor = redactor;
    }

    /**
     * A model for the config; the key comes from {@code env} (a {@link dev.fixpoint.models.ModelException} names the
     * variable if missing). Error messages never hold the key or another secret of {@code env}.
     */
    public static LangChainModel open(ModelConfig config, Map<String, String> env) {
        String key = ApiKeys.resolve(config, env);
        Map<String, String> secrets = new HashMap<>(env);
        if (!key.equals(ApiKeys.NO_KEY)) secrets.put("FIXPOINT_MODEL_API_KEY", key); // model_api_key_env may not look secret
        return new LangChainModel(config, ChatModels.build(config, key), Redactor.fromEnvironment(secrets));
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
            var failure = ErrorClassifier.classify(config, e, redactor);
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
