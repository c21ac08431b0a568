package dev.fixpoint.agent.tool;

import dev.fixpoint.models.ToolCall;
import java.time.Duration;

/** One tool call of a step and what it produced. */
public record ToolRun(ToolCall call, Observation observation, Duration duration) {}
