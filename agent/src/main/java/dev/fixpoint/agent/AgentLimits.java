package dev.fixpoint.agent;

import dev.fixpoint.models.Usage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bounds of one rollout, checked before every model call (so the last call may overshoot the token and cost bounds
 * by its own size). A cost bound cannot be enforced for a model whose price is unknown; it is then ignored (and
 * the rollout's cost is reported as unknown).
 *
 * @param maxSteps    model calls
 * @param maxTokens   input plus output tokens over all calls
 * @param maxCostUsd  USD over all calls, or null for no bound
 * @param maxWallTime wall time of the rollout; tool commands are also cut to the time left
 * @param maxPatchBytes size of the patch read out at the end; a larger one is not read and the candidate is
 *                    {@link PatchStatus#TOO_LARGE} (with the size in its message)
 * @param context     how each request is kept within the model's context window
 */
public record AgentLimits(int maxSteps, long maxTokens, BigDecimal maxCostUsd, Duration maxWallTime, long maxPatchBytes,
                          ContextPolicy context) {

    /** 1 MiB: far above any real fix (SWE-bench's gold patches are a few KiB), well below what stray files make. */
    public static final long DEFAULT_MAX_PATCH_BYTES = 1L << 20;
    public static final AgentLimits DEFAULT = new AgentLimits(100, 5_000_000, null, Duration.ofMinutes(60));

    public AgentLimits {
        if (maxSteps < 1) throw new IllegalArgumentException("maxSteps must be >= 1: " + maxSteps);
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be >= 1: " + maxTokens);
        if (maxCostUsd != null && maxCostUsd.signum() <= 0) throw new IllegalArgumentException("maxCostUsd must be positive: " + maxCostUsd);
        if (maxWallTime == null || maxWallTime.isNegative() || maxWallTime.isZero()) {
            throw new IllegalArgumentException("maxWallTime must be positive: " + maxWallTime);
        }
        if (maxPatchBytes < 1) throw new IllegalArgumentException("maxPatchBytes must be >= 1: " + maxPatchBytes);
        context = context == null ? ContextPolicy.DEFAULT : context;
    }

    /** Limits with the default context policy. */
    public AgentLimits(int maxSteps, long maxTokens, BigDecimal maxCostUsd, Duration maxWallTime, long maxPatchBytes) {
        this(maxSteps, maxTokens, maxCostUsd, maxWallTime, maxPatchBytes, ContextPolicy.DEFAULT);
    }

    /** Limits with the default patch size limit and context policy. */
    public AgentLimits(int maxSteps, long maxTokens, BigDecimal maxCostUsd, Duration maxWallTime) {
        this(maxSteps, maxTokens, maxCostUsd, maxWallTime, DEFAULT_MAX_PATCH_BYTES);
    }

    /** The limit that stops the rollout now, if any, given what was spent so far. */
    public Optional<Outcome> exceeded(int steps, Usage usage, Optional<BigDecimal> cost, Duration elapsed) {
        if (elapsed.compareTo(maxWallTime) >= 0) return Optional.of(Outcome.TIME_LIMIT);
        if (steps >= maxSteps) return Optional.of(Outcome.STEP_LIMIT);
        if (usage.totalTokens() >= maxTokens) return Optional.of(Outcome.TOKEN_LIMIT);
        if (maxCostUsd != null && cost.isPresent() && cost.get().compareTo(maxCostUsd) >= 0) return Optional.of(Outcome.COST_LIMIT);
        return Optional.empty();
    }

    public Instant deadline(Instant start) {
        return start.plus(maxWallTime);
    }

    public AgentLimits withMaxSteps(int v) { return new AgentLimits(v, maxTokens, maxCostUsd, maxWallTime, maxPatchBytes, context); }
    public AgentLimits withMaxTokens(long v) { return new AgentLimits(maxSteps, v, maxCostUsd, maxWallTime, maxPatchBytes, context); }
    public AgentLimits withMaxCostUsd(BigDecimal v) { return new AgentLimits(maxSteps, maxTokens, v, maxWallTime, maxPatchBytes, context); }
    public AgentLimits withMaxWallTime(Duration v) { return new AgentLimits(maxSteps, maxTokens, maxCostUsd, v, maxPatchBytes, context); }
    public AgentLimits withMaxPatchBytes(long v) { return new AgentLimits(maxSteps, maxTokens, maxCostUsd, maxWallTime, v, context); }
    public AgentLimits withContext(ContextPolicy v) { return new AgentLimits(maxSteps, maxTokens, maxCostUsd, maxWallTime, maxPatchBytes, v); }
}
