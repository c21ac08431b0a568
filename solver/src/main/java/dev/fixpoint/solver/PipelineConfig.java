package dev.fixpoint.solver;

import dev.fixpoint.agent.AgentLimits;
import dev.fixpoint.agent.tool.EditChecks;
import dev.fixpoint.agent.tool.ToolOptions;
import dev.fixpoint.sandbox.Limits;

import dev.fixpoint.verifiers.HybridConfig;
import dev.fixpoint.verifiers.exec.RegressionTests;

import java.time.Duration;
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
 * @param verificationBudget wall time one task's verification may spend in sandboxes (then selection uses what it
 *                          has); each test-command run is bounded by what is left
 * @param regressionTestFiles repository test files chosen as regression tests per task at most
 * @param tools             the agent's edit checks and review before submit
 */
public record PipelineConfig(int rollouts, Diversity diversity, AgentLimits agentLimits, Limits sandboxLimits,
                             SelectionConfig selection, int stopAfterAgreeing, int testWriters,
                             Duration verificationBudget, int regressionTestFiles, ToolOptions tools) {

    /** The tools' options unless told: both edit checks, review before submit. */
    public static final ToolOptions DEFAULT_TOOLS = new ToolOptions(EditChecks.ALL, true);

    public PipelineConfig {
        if (rollouts < 1) throw new IllegalArgumentException("rollouts per task must be >= 1: " + rollouts);
        if (stopAfterAgreeing < 0) throw new IllegalArgumentException("stop-after-agreeing must be >= 0 (0 = off): " + stopAfterAgreeing);
        if (testWriters < 0) throw new IllegalArgumentException("test writers per task must be >= 0: " + testWriters);
        Objects.requireNonNull(diversity, "diversity");
        Objects.requireNonNull(agentLimits, "agentLimits");
        Objects.requireNonNull(sandboxLimits, "sandboxLimits");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(tools, "tools");
        if (verificationBudget == null || verificationBudget.isZero() || verificationBudget.isNegative()) {
            throw new IllegalArgumentException("verification budget per task must be positive: " + verificationBudget);
        }
        if (regressionTestFiles < 1) {
            throw new IllegalArgumentException("regression test files per task must be >= 1: " + regressionTestFiles);
        }
    }

    /** With the {@link #DEFAULT_TOOLS}. */
    public PipelineConfig(int rollouts, Diversity diversity, AgentLimits agentLimits, Limits sandboxLimits,
                          SelectionConfig selection, int stopAfterAgreeing, int testWriters,
                          Duration verificationBudget, int regressionTestFiles) {
        this(rollouts, diversity, agentLimits, sandboxLimits, selection, stopAfterAgreeing, testWriters, verificationBudget,
                regressionTestFiles, DEFAULT_TOOLS);
    }

    /** With the default verification budget and regression test files ({@link HybridConfig#defaults()}). */
    public PipelineConfig(int rollouts, Diversity diversity, AgentLimits agentLimits, Limits sandboxLimits,
                          SelectionConfig selection, int stopAfterAgreeing, int testWriters) {
        this(rollouts, diversity, agentLimits, sandboxLimits, selection, stopAfterAgreeing, testWriters,
                HybridConfig.DEFAULT_BUDGET, RegressionTests.DEFAULT_MAX_FILES);
    }

    public static PipelineConfig defaults(int rollouts) {
        return new PipelineConfig(rollouts, Diversity.DEFAULT, AgentLimits.DEFAULT.withMaxWallTime(java.time.Duration.ofMinutes(30)),
                Limits.DEFAULT, SelectionConfig.DEFAULT, 0, 2);
    }
}
