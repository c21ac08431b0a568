package dev.fixpoint.agent;

import java.util.Objects;

/**
 * One answer of a model.
 *
 * @param message      text and tool calls
 * @param usage        tokens and latency of this call
 * @param finishReason provider's reason for stopping, lower case ("stop", "tool_calls", "length"), or "" if unknown
 */
public record ModelResponse(Message.Assistant message, Usage usage, String finishReason) {
    public ModelResponse {
        Objects.requireNonNull(message, "response message");
        usage = usage == null ? Usage.ZERO : usage;
        finishReason = finishReason == null ? "" : finishReason;
    }
}
