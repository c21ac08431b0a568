package dev.fixpoint.solver;

import dev.fixpoint.models.Budget;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the pipeline did for one task. Build one with {@link #builder()}.
 *
 * @param instanceId      the task
 * @param status          how it ended
 * @param patch           the selected patch ("" when none)
 * @param chosen          the chosen candidate, e.g. {@code rollout-2}, or null
 * @param planned         rollouts planned
 * @param ran             rollouts run in this process
 * @param reused          rollouts finished by an earlier (killed) run and reused
 * @param savedByAdaptive rollouts not launched because a cluster agreed with passing evidence
 * @param skippedByBudget rollouts not launched because a budget was exhausted
 * @param reasons         why this outcome, in words (selection reasons, budget, adaptive stop, error)
 * @param spend           model usage of this task (rollouts and verification)
 * @param wallTime        time spent on the task in this process
 * @param modelFailure    an ERROR because the model failed (see {@link Pipeline}): fix the model, then re-run
 */
public record TaskOutcome(String instanceId, Status status, String patch, String chosen, int planned, int ran, int reused,
                          int savedByAdaptive, int skippedByBudget, List<String> reasons, Budget.Spend spend, Duration wallTime,
                          boolean modelFailure) {

    public enum Status {
        /** A patch was selected. */
        SELECTED,
        /** No candidate was confident enough: no patch. */
        ABSTAINED,
        /** A budget ran out before the task's work was done; resuming with more budget continues it. */
        BUDGET_EXHAUSTED,
        /**
         * Infrastructure failed (checkout, image, sandbox), or the model did (every rollout failed with no candidate,
         * or verification got no answer from the model and could not choose); no prediction is recorded and
         * resuming retries it.
         */
        ERROR
    }

    public TaskOutcome {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(status, "status");
        patch = patch == null ? "" : patch;
        reasons = List.copyOf(reasons);
        if (modelFailure && status != Status.ERROR) throw new IllegalArgumentException("a model failure is an ERROR, not " + status);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the task is done for good (a prediction is recorded for it). */
    public boolean isFinal() {
        return status == Status.SELECTED || status == Status.ABSTAINED;
    }

    /** Builder for the many fields; instance id and status are required, the counts default to 0, reasons to none. */
    public static final class Builder {
        private String instanceId, patch, chosen;
        private Status status;
        private int planned, ran, reused, savedByAdaptive, skippedByBudget;
        private List<String> reasons = List.of();
        private Budget.Spend spend;
        private Duration wallTime = Duration.ZERO;
        private boolean modelFailure;

        private Builder() {}

        public Builder instanceId(String v) { instanceId = v; return this; }
        public Builder status(Status v) { status = v; return this; }
        public Builder patch(String v) { patch = v; return this; }
        public Builder chosen(String v) { chosen = v; return this; }
        public Builder planned(int v) { planned = v; return this; }
        public Builder ran(int v) { ran = v; return this; }
        public Builder reused(int v) { reused = v; return this; }
        public Builder savedByAdaptive(int v) { savedByAdaptive = v; return this; }
        public Builder skippedByBudget(int v) { skippedByBudget = v; return this; }
        public Builder reasons(List<String> v) { reasons = v; return this; }
        public Builder spend(Budget.Spend v) { spend = v; return this; }
        public Builder wallTime(Duration v) { wallTime = v; return this; }
        public Builder modelFailure(boolean v) { modelFailure = v; return this; }

        public TaskOutcome build() {
            return new TaskOutcome(instanceId, status, patch, chosen, planned, ran, reused, savedByAdaptive, skippedByBudget,
                    reasons, spend, wallTime, modelFailure);
        }
    }
}
