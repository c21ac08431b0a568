package dev.fixpoint.solver;

import dev.fixpoint.agent.AgentLimits;
import dev.fixpoint.sandbox.Limits;

import java.util.Objects;

/**
 * What the pipeline does for each task.
 *
 * @param rollouts          rollouts planned per task
 * @param diversity         temperature schedule and prompt variants
 * @param agentLimits       bounds of each rollout
 * @param sandboxLimits     resource bounds of each sandbox
 * @param selection         how to select or abstain
 * @param stopAfterAgreeing adaptive compute: stop launching a task's rollouts once a cluster of this many
 *                          candidates agrees and passes execution (at least one reproduction script passed, no
 *                          regression test broken); 0 turns it off
 * @param testWriters       test-writing sessions per task (agent sessions that only write a reproduction script),
 *                          as many as the model source offers up to this; 0 for none
 */
public record PipelineConfig(int rollouts, Diversity diversity, AgentLimits agentLimits, Limits sandboxLimits,
                             SelectionConfig selection, int stopAfterAgreeing, int testWriters) {

    public PipelineConfig {
        if (rollouts < 1) throw new IllegalArgumentException("rollouts per task must be >= 1: " + rollouts);
        if (stopAfterAgreeing < 0) throw new IllegalArgumentException("stop-after-agreeing must be >= 0 (0 = off): " + stopAfterAgreeing);
        if (testWriters < 0) throw new IllegalArgumentException("test writers per task must be >= 0: " + testWriters);
        Objects.requireNonNull(diversity, "diversity");
        Objects.requireNonNull(agentLimits, "agentLimits");
        Objects.requireNonNull(sandboxLimits, "sandboxLimits");
        Objects.requireNonNull(selection, "selection");
    }

    public static PipelineConfig defaults(int rollouts) {
        return new PipelineConfig(rollouts, Diversity.DEFAULT, AgentLimits.DEFAULT.withMaxWallTime(java.time.Duration.ofMinutes(30)),
                Limits.DEFAULT, SelectionConfig.DEFAULT, 0, 2);
    }
}
