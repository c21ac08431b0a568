package dev.fixpoint.models;


import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dollars and tokens spent by a run, against its limits: every model call (rollouts, test generation, judging)
 * is recorded through a {@link Ledger} of its task, which counts towards both the task's and the run's limits.
 * Work is not launched once a limit is reached; a call already made is still counted (so a limit may be
 * overshot by the calls in flight). A model without a price cannot be held to a dollar limit: its tokens still
 * count, and the report says its cost is unknown. Thread-safe.
 */
public final class Budget {

    /**
     * @param usd    dollars, or null for no limit
     * @param tokens input plus output tokens, or 0 for no limit
     */
    public record Limits(BigDecimal usd, long tokens) {
        public static final Limits NONE = new Limits(null, 0);

        public Limits {
            if (usd != null && usd.signum() <= 0) throw new IllegalArgumentException("budget in USD must be positive: " + usd);
            if (tokens < 0) throw new IllegalArgumentException("token budget must be >= 0 (0 = none): " + tokens);
        }

        boolean exceededBy(BigDecimal spentUsd, long spentTokens) {
            return usd != null && spentUsd.compareTo(usd) >= 0 || tokens > 0 && spentTokens >= tokens;
        }

        String describe() {
            return (usd == null ? "no dollar limit" : "$" + usd.toPlainString()) + ", " + (tokens == 0 ? "no token limit" : tokens + " tokens");
        }
    }

    /** What was spent, for reports. */
    public record Spend(BigDecimal usd, long tokens, int calls, Set<String> unpricedModels) {
        public Spend {
            unpricedModels = Set.copyOf(unpricedModels);
        }
    }

    private final Limits run;
    private final Limits perTask;
    private final PriceTable prices;
    private final Counter total = new Counter();

    public Budget(Limits run, Limits perTask, PriceTable prices) {
        this.run = run;
        this.perTask = perTask;
        this.prices = prices;
    }

    public static Budget unlimited(PriceTable prices) {
        return new Budget(Limits.NONE, Limits.NONE, prices);
    }

    public Ledger task(String instanceId) {
        return new Ledger(instanceId);
    }

    /** Why the run may launch no more work, if it may not. */
    public Optional<String> runExhausted() {
        synchronized (total) {
            return run.exceededBy(total.usd, total.tokens)
                    ? Optional.of("run budget exhausted (" + run.describe() + "; spent $" + total.usd.toPlainString() + ", " + total.tokens + " tokens)")
                    : Optional.empty();
        }
    }

    public Spend spent() {
        return total.snapshot();
    }

    public Limits runLimits() {
        return run;
    }

    public Limits taskLimits() {
        return perTask;
    }

    /** One task's spending; counts towards the run too. */
    public final class Ledger {
        private final String instanceId;
        private final Counter counter = new Counter();

        private Ledger(String instanceId) {
            this.instanceId = instanceId;
        }

        public void record(String modelId, Usage usage) {
            Optional<BigDecimal> cost = prices.cost(modelId, usage);
            counter.add(modelId, usage, cost);
            total.add(modelId, usage, cost);
        }

        /** Why no more work may start for this task (its own limit, or the run's), if so. */
        public Optional<String> exhausted() {
            Optional<String> r = runExhausted();
            if (r.isPresent()) return r;
            synchronized (counter) {
                return perTask.exceededBy(counter.usd, counter.tokens)
                        ? Optional.of(instanceId + ": task budget exhausted (" + perTask.describe() + "; spent $"
                                + counter.usd.toPlainString() + ", " + counter.tokens + " tokens)")
                        : Optional.empty();
            }
        }

        public Spend spent() {
            return counter.snapshot();
        }
    }

    private static final class Counter {
        BigDecimal usd = BigDecimal.ZERO;
        long tokens;
        int calls;
        final Set<String> unpriced = new TreeSet<>();

        synchronized void add(String modelId, Usage usage, Optional<BigDecimal> cost) {
            tokens += usage.totalTokens();
            calls += Math.max(1, usage.calls());
            if (cost.isPresent()) usd = usd.add(cost.get());
            else unpriced.add(modelId);
        }

        synchronized Spend snapshot() {
            return new Spend(usd, tokens, calls, unpriced);
        }
    }
}
