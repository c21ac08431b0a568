package dev.fixpoint.solver;

import dev.fixpoint.solver.run.RolloutRecord;

/** Progress hooks of the pipeline, called on its threads; implementations are thread-safe. */
public interface PipelineListener {
    default void onRolloutFinished(String instanceId, RolloutRecord rollout, boolean reused) {}

    default void onRolloutsSkipped(String instanceId, int count, String why) {}

    default void onTaskFinished(TaskOutcome outcome) {}

    PipelineListener NONE = new PipelineListener() {};
}
