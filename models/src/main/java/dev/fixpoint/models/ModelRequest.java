package dev.fixpoint.models;

import java.util.List;

/**
 * The conversation so far and the tools the model may call.
 *
 * @param topLogprobs null to ask for no token log-probabilities; else ask for each generated token's
 *                    log-probability and that many most likely alternatives (0 to {@value #MAX_TOP_LOGPROBS}).
 *                    Providers that do not give them (everything but OpenAI and OpenAI-compatible servers) ignore
 *                    the request and answer with {@link ModelResponse#logprobs()} empty.
 */
public record ModelRequest(List<Message> messages, List<ToolSpec> tools, Integer topLogprobs) {

    /** OpenAI's limit on {@code top_logprobs}. */
    public static final int MAX_TOP_LOGPROBS = 20;

    public ModelRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (messages.isEmpty()) throw new IllegalArgumentException("model request has no messages");
        if (topLogprobs != null && (topLogprobs < 0 || topLogprobs > MAX_TOP_LOGPROBS)) {
            throw new IllegalArgumentException("topLogprobs must be within [0, %d]: %d".formatted(MAX_TOP_LOGPROBS, topLogprobs));
        }
    }

    /** A request without log-probabilities. */
    public ModelRequest(List<Message> messages, List<ToolSpec> tools) {
        this(messages, tools, null);
    }

    /** The same request, asking for token log-probabilities with {@code top} alternatives per token. */
    public ModelRequest withTopLogprobs(int top) {
        return new ModelRequest(messages, tools, top);
    }

    public boolean wantsLogprobs() {
        return topLogprobs != null;
    }
}
