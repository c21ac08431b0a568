package dev.fixpoint.agent;

import dev.fixpoint.models.Message;
import dev.fixpoint.models.ToolSpec;
import java.time.Instant;
import java.util.List;

/** The start of a rollout: what the model is first told, with which tools and limits. */
public record RolloutStart(String instanceId, String modelId, String workdir, List<Message> messages, List<ToolSpec> tools,
                           AgentLimits limits, Instant startedAt) {
    public RolloutStart {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
