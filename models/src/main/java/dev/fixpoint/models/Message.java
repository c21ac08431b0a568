package dev.fixpoint.models;

import java.util.List;
import java.util.Objects;

/** One message of a conversation with a model; provider-neutral. */
public sealed interface Message {

    /** Instructions that frame the whole conversation. */
    record SystemPrompt(String text) implements Message {
        public SystemPrompt {
            Objects.requireNonNull(text, "system text");
        }
    }

    /** Text from the user side (the task, or a nudge from the loop). */
    record User(String text) implements Message {
        public User {
            Objects.requireNonNull(text, "user text");
        }
    }

    /** What the model said: free text (may be empty) and the tool calls it asked for. */
    record Assistant(String text, List<ToolCall> toolCalls) implements Message {
        public Assistant {
            text = text == null ? "" : text;
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        }

        public static Assistant text(String text) {
            return new Assistant(text, List.of());
        }
    }

    /** The observation of one tool call, sent back to the model. */
    record ToolResult(String callId, String toolName, String text) implements Message {
        public ToolResult {
            Objects.requireNonNull(callId, "tool result call id");
            Objects.requireNonNull(toolName, "tool result tool name");
            text = text == null ? "" : text;
        }
    }
}
