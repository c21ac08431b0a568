package dev.fixpoint.agent;

import java.util.List;

/** The conversation so far and the tools the model may call. */
public record ModelRequest(List<Message> messages, List<ToolSpec> tools) {
    public ModelRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (messages.isEmpty()) throw new IllegalArgumentException("model request has no messages");
    }
}
