package dev.fixpoint.verifiers;

import dev.fixpoint.models.Usage;
import java.time.Duration;
import java.util.Objects;

/**
 * What a verification stage spent on model calls.
 *
 * @param calls        model calls made, failed ones and re-asks included
 * @param inputTokens  prompt tokens over the successful calls
 * @param outputTokens completion tokens over the successful calls
 * @param latency      wall time of the calls
 */
public record ModelSpend(int calls, long inputTokens, long outputTokens, Duration latency) {

    /** Nothing spent. */
    public static final ModelSpend NONE = new ModelSpend(0, 0, 0, Duration.ZERO);

    public ModelSpend {
        if (calls < 0 || inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("negative model spend: calls=%d in=%d out=%d"
                    .formatted(calls, inputTokens, outputTokens));
        }
        latency = Objects.requireNonNullElse(latency, Duration.ZERO);
    }

    /** {@code calls} attempts whose successful ones used {@code usage}. */
    public static ModelSpend of(int calls, Usage usage) {
        return new ModelSpend(calls, usage.inputTokens(), usage.outputTokens(), usage.latency());
    }

    public ModelSpend plus(ModelSpend o) {
        return new ModelSpend(calls + o.calls, inputTokens + o.inputTokens, outputTokens + o.outputTokens,
                latency.plus(o.latency));
    }
}
