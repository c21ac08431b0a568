package dev.fixpoint.agent.trajectory;

import dev.fixpoint.agent.tool.ToolRun;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.Usage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One turn of the loop: a model call and the tool calls it asked for. Build one with {@link #builder()}.
 *
 * @param index           1-based step number
 * @param startedAt       when the step began
 * @param requestMessages messages sent to the model
 * @param requestChars    characters of text in those messages (as sent, elided observations as their markers)
 * @param response        the model's answer (with this call's usage)
 * @param cost            USD of this call, or empty if unknown
 * @param toolRuns        tool calls in order (after a submit, later calls are not run)
 * @param totalUsage      usage of the rollout so far, this call included
 * @param totalCost       USD so far, or empty if unknown
 * @param modelTime       time in the model call (retries included)
 * @param toolTime        time in tool calls
 * @param stepTime        whole step, bookkeeping included
 * @param elided          observations elided from the history before this step's request to fit the context budget
 *                        (each once, at the step it was first left out); empty without a budget
 */
public record Step(int index, Instant startedAt, int requestMessages, long requestChars, ModelResponse response,
                   Optional<BigDecimal> cost, List<ToolRun> toolRuns, Usage totalUsage, Optional<BigDecimal> totalCost,
                   Duration modelTime, Duration toolTime, Duration stepTime, List<Elision> elided) {
    public Step {
        Objects.requireNonNull(response, "response");
        toolRuns = List.copyOf(toolRuns);
        elided = elided == null ? List.of() : List.copyOf(elided);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean submitted() {
        return toolRuns.stream().anyMatch(r -> r.observation().submitted());
    }

    /** Builder for the many fields; unset ones are empty or zero. */
    public static final class Builder {
        private int index, requestMessages;
        private long requestChars;
        private Instant startedAt = Instant.EPOCH;
        private ModelResponse response;
        private Optional<BigDecimal> cost = Optional.empty(), totalCost = Optional.empty();
        private List<ToolRun> toolRuns = List.of();
        private Usage totalUsage = Usage.ZERO;
        private Duration modelTime = Duration.ZERO, toolTime = Duration.ZERO, stepTime = Duration.ZERO;
        private List<Elision> elided = List.of();

        private Builder() {}

        public Builder index(int v) { index = v; return this; }
        public Builder startedAt(Instant v) { startedAt = v; return this; }
        public Builder requestMessages(int v) { requestMessages = v; return this; }
        public Builder requestChars(long v) { requestChars = v; return this; }
        public Builder response(ModelResponse v) { response = v; return this; }
        public Builder cost(Optional<BigDecimal> v) { cost = v; return this; }
        public Builder toolRuns(List<ToolRun> v) { toolRuns = v; return this; }
        public Builder totalUsage(Usage v) { totalUsage = v; return this; }
        public Builder totalCost(Optional<BigDecimal> v) { totalCost = v; return this; }
        public Builder modelTime(Duration v) { modelTime = v; return this; }
        public Builder toolTime(Duration v) { toolTime = v; return this; }
        public Builder stepTime(Duration v) { stepTime = v; return this; }
        public Builder elided(List<Elision> v) { elided = v; return this; }

        public Step build() {
            return new Step(index, startedAt, requestMessages, requestChars, response, cost, toolRuns, totalUsage, totalCost,
                    modelTime, toolTime, stepTime, elided);
        }
    }
}
