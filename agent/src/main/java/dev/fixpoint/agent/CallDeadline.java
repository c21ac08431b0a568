package dev.fixpoint.agent;

import dev.fixpoint.models.Model;
import dev.fixpoint.models.ModelRequest;
import dev.fixpoint.models.ModelResponse;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cuts a model call short at the rollout's deadline: a timer interrupts the calling thread when the time left runs
 * out, which stops a hanging HTTP request (the JDK client's {@code send} is interruptible) or a wait between retries.
 * The interrupt is the timer's own and is cleared again; an interrupt from elsewhere (the run being cancelled) is
 * left alone.
 */
final class CallDeadline {

    /** Thrown when the deadline cut the call. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** How the error of a rollout cut this way starts ({@link Candidate#modelFailed}). */
    static final String PREFIX = "deadline: the model call was cut short";

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rollout-deadline");
        t.setDaemon(true);
        return t;
    });

    private CallDeadline() {}

    /**
     * Calls the model, cutting the call at {@code left} from now.
     *
     * @throws Exceeded when the call was still running at the deadline
     */
    static ModelResponse call(Model model, ModelRequest request, Duration left, Duration maxWallTime) {
        if (left.isNegative() || left.isZero()) return model.chat(request);
        Thread caller = Thread.currentThread();
        Object lock = new Object();
        boolean[] state = new boolean[2]; // [0]: the call returned, [1]: the timer fired
        long start = System.nanoTime();
        ScheduledFuture<?> timer = TIMER.schedule(() -> {
            synchronized (lock) {
                if (!state[0]) {
                    state[1] = true;
                    caller.interrupt();
                }
            }
        }, left.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return model.chat(request);
        } catch (RuntimeException e) {
            synchronized (lock) {
                state[0] = true;
                if (state[1]) {
                    throw new Exceeded(String.format(PREFIX + " at the rollout's deadline (%s,"
                            + " max_minutes_per_rollout) after %.1f s without an answer: %s", maxWallTime,
                            (System.nanoTime() - start) / 1e9, e.getMessage()), e);
                }
            }
            throw e;
        } finally {
            synchronized (lock) {
                state[0] = true;
                timer.cancel(false);
                if (state[1]) Thread.interrupted(); // the timer's interrupt, not the caller's
            }
        }
    }
}
