package dev.fixpoint.agent.trajectory;

import dev.fixpoint.agent.tool.ToolRun;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.Usage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One turn of the loop: a model call and the tool calls it asked for.
 *
 * @param index           1-based step number
 * @param startedAt       when the step began
 * @param requestMessages messages sent to the model
 * @param requestChars    characters of text in those messages
 * @param response        the model's answer (with this call's usage)
 * @param cost            USD of this call, or empty if unknown
 * @param toolRuns        tool calls in order (after a submit, later calls are not run)
 * @param totalUsage      usage of the rollout so far, this call included
 * @param totalCost       USD so far, or empty if unknown
 * @param modelTime       time in the model call (retries included)
 * @param toolTime        time in tool calls
 * @param stepTime        whole step, bookkeeping included
 */
public record Step(int index, Instant startedAt, int requestMessages, long requestChars, ModelResponse response,
                   Optional<BigDecimal> cost, List<ToolRun> toolRuns, Usage totalUsage, Optional<BigDecimal> totalCost,
                   Duration modelTime, Duration toolTime, Duration stepTime) {
    public Step {
        toolRuns = List.copyOf(toolRuns);
    }

    public boolean submitted() {
        return toolRuns.stream().anyMatch(r -> r.observation().submitted());
    }
}
