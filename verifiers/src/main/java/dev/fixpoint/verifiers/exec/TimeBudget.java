package dev.fixpoint.verifiers.exec;

import java.time.Duration;
import java.util.Objects;

/**
 * The wall time one task's verification may spend in sandboxes. Runs are charged after they end; once the budget is
 * spent no new run starts (a run already going is bounded by what was left when it started, see
 * {@link #remaining()}). Confined to the task's thread, like the session that owns it.
 */
public final class TimeBudget {

    private final Duration limit;
    private Duration used = Duration.ZERO;

    /** @param limit positive; {@code null} for no limit */
    public TimeBudget(Duration limit) {
        if (limit != null && (limit.isZero() || limit.isNegative())) {
            throw new IllegalArgumentException("verification budget must be positive, not: " + limit);
        }
        this.limit = limit;
    }

    /** No limit: one-shot matrices outside a session. */
    public static TimeBudget unlimited() {
        return new TimeBudget(null);
    }

    /** Adds the wall time of a run that ended. */
    public void charge(Duration time) {
        used = used.plus(Objects.requireNonNull(time, "time"));
    }

    /** Whether no new run may start. */
    public boolean spent() {
        return limit != null && used.compareTo(limit) >= 0;
    }

    /** What is left, at least zero; null without a limit. */
    public Duration remaining() {
        if (limit == null) {
            return null;
        }
        Duration left = limit.minus(used);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The limit; null when there is none. */
    public Duration limit() {
        return limit;
    }

    /** Time charged so far. */
    public Duration used() {
        return used;
    }
}
