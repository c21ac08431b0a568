package dev.fixpoint.models;

import java.time.Duration;

/**
 * Exponential back-off with full jitter for retryable model failures (429, 5xx, timeouts, connection resets).
 * Attempt n (1-based) waits a random time in [0, min(maxDelay, initialDelay * multiplier^(n-1))].
 *
 * @param maxAttempts  calls in total, including the first (1 = no retry)
 * @param initialDelay upper bound of the first wait
 * @param maxDelay     upper bound of any wait
 * @param multiplier   growth of the bound per attempt
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0);
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("retry maxAttempts must be >= 1: " + maxAttempts);
        if (initialDelay == null || initialDelay.isNegative()) throw new IllegalArgumentException("bad initialDelay: " + initialDelay);
        if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) throw new IllegalArgumentException("bad maxDelay: " + maxDelay);
        if (!(multiplier >= 1.0)) throw new IllegalArgumentException("retry multiplier must be >= 1: " + multiplier);
    }

    /** Upper bound of the wait before attempt {@code attempt + 1}, given that {@code attempt} (1-based) failed. */
    public Duration bound(int attempt) {
        double nanos = initialDelay.toNanos() * Math.pow(multiplier, attempt - 1);
        return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
    }
}
