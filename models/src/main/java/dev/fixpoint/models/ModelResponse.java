package dev.fixpoint.models;

import java.util.List;
import java.util.Objects;

/**
 * One answer of a model.
 *
 * @param message      text and tool calls
 * @param usage        tokens and latency of this call
 * @param finishReason provider's reason for stopping, lower case ("stop", "tool_calls", "length"), or "" if unknown
 * @param logprobs     the generated tokens of the text with their log-probabilities, in order, when the request asked
 *                     for them ({@link ModelRequest#topLogprobs()}) and the provider gave them; else empty. Not
 *                     recorded in trajectories.
 */
public record ModelResponse(Message.Assistant message, Usage usage, String finishReason, List<TokenLogprob> logprobs) {
    public ModelResponse {
        Objects.requireNonNull(message, "response message");
        usage = usage == null ? Usage.ZERO : usage;
        finishReason = finishReason == null ? "" : finishReason;
        logprobs = logprobs == null ? List.of() : List.copyOf(logprobs);
    }

    /** A response without log-probabilities. */
    public ModelResponse(Message.Assistant message, Usage usage, String finishReason) {
        this(message, usage, finishReason, List.of());
    }

    public ModelResponse withUsage(Usage v) {
        return new ModelResponse(message, v, finishReason, logprobs);
    }

    public ModelResponse withLogprobs(List<TokenLogprob> v) {
        return new ModelResponse(message, usage, finishReason, v);
    }
}
