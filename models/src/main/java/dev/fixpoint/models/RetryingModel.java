package dev.fixpoint.models;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries retryable {@link ModelException}s (429, 5xx, timeouts, connection failures) with exponential back-off
 * and full jitter; when the provider said how long to wait (Retry-After, in seconds or as an HTTP date) that wait is
 * honoured instead, capped by the policy's maximum delay. The latency of the returned usage covers all attempts and
 * waits.
 */
public final class RetryingModel extends ModelDecorator {

    /** Waits between attempts; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(RetryingModel.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public RetryingModel(Model delegate, RetryPolicy policy, Sleeper sleeper) {
        super(delegate);
        this.policy = policy;
        this.sleeper = sleeper;
    }

    public RetryingModel(Model delegate, RetryPolicy policy) {
        this(delegate, policy, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    @Override
    public ModelResponse chat(ModelRequest request) {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                ModelResponse r = delegate.chat(request);
                return attempt == 1 ? r
                        : r.withUsage(r.usage().withLatency(Duration.ofNanos(System.nanoTime() - start)));
            } catch (ModelException e) {
                if (!e.retryable() || attempt >= policy.maxAttempts()) {
                    if (attempt > 1) {
                        throw new ModelException(e.kind(), e.httpStatus(), e.getMessage() + " (gave up after " + attempt + " attempts)", e);
                    }
                    throw e;
                }
                Duration wait = e.retryAfter().isPresent() ? capped(e.retryAfter().get()) : jitter(policy.bound(attempt));
                log.warn("{}: attempt {}/{} failed ({}), retrying in {} ms", delegate.id(), attempt, policy.maxAttempts(),
                        e.getMessage(), wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ModelException(e.kind(), e.httpStatus(), delegate.id() + ": interrupted while waiting to retry", ie);
                }
            }
        }
    }

    private Duration capped(Duration retryAfter) {
        return retryAfter.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : retryAfter;
    }

    private static Duration jitter(Duration bound) {
        long nanos = bound.toNanos();
        return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(nanos + 1));
    }
}
