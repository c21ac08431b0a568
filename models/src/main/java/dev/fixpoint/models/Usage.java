package dev.fixpoint.models;

import java.time.Duration;

/**
 * Tokens and time spent on model calls.
 *
 * @param inputTokens       prompt tokens, including the cached ones
 * @param outputTokens      completion tokens (including reasoning tokens where the provider counts them)
 * @param cachedInputTokens prompt tokens served from the provider's prompt cache (a part of {@code inputTokens})
 * @param latency           wall time of the calls, retries and back-off included
 * @param calls             number of successful calls summed here
 */
public record Usage(long inputTokens, long outputTokens, long cachedInputTokens, Duration latency, int calls) {

    public static final Usage ZERO = new Usage(0, 0, 0, Duration.ZERO, 0);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0 || calls < 0) {
            throw new IllegalArgumentException("negative usage: in=%d out=%d cached=%d calls=%d"
                    .formatted(inputTokens, outputTokens, cachedInputTokens, calls));
        }
        latency = latency == null ? Duration.ZERO : latency;
    }

    /** Usage of one call. */
    public static Usage of(long input, long output, long cached, Duration latency) {
        return new Usage(input, output, cached, latency, 1);
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    public Usage plus(Usage o) {
        return new Usage(inputTokens + o.inputTokens, outputTokens + o.outputTokens,
                cachedInputTokens + o.cachedInputTokens, latency.plus(o.latency), calls + o.calls);
    }

    public Usage withLatency(Duration d) {
        return new Usage(inputTokens, outputTokens, cachedInputTokens, d, calls);
    }
}
