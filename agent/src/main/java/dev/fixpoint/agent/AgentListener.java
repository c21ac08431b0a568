package dev.fixpoint.agent;

import dev.fixpoint.agent.trajectory.Step;

/**
 * Hooks around the loop (trajectory recording, progress, metrics), called on the rollout's thread. An exception
 * thrown here ends the rollout and propagates to the caller of {@link Agent#run}.
 */
public interface AgentListener {
    default void onStart(RolloutStart start) {}

    default void onStep(Step step) {}

    default void onFinish(Candidate candidate) {}
}
