package dev.fixpoint.models;

import java.util.Objects;

/**
 * A model's request to run one tool.
 *
 * @param id        provider-assigned id that the tool result must quote back
 * @param name      tool name as the model wrote it (may name no tool: that is the model's mistake)
 * @param arguments arguments as the raw JSON text the model produced (may be invalid JSON)
 */
public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
        Objects.requireNonNull(id, "tool call id");
        name = name == null ? "" : name;
        arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
    }
}
