package dev.fixpoint.verifiers.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * One strategy's results summed over the pools: accuracy on pools with a correct candidate (1 when the chosen
 * candidate resolves, 0 when it does not or the strategy abstained; an expected value for random choice),
 * abstentions on both kinds of pool, and compute.
 */
final class Tally {

    private int withPools;
    private int withoutPools;
    private double accuracySum;
    private int abstainedWith;
    private int abstainedWithout;
    private Duration sandboxTime = Duration.ZERO;
    private int sandboxes;
    private int modelCalls;

    void add(boolean withCorrect, boolean abstained, double value, Duration time, int sandboxCount, int calls) {
        if (withCorrect) {
            withPools++;
            accuracySum += value;
            abstainedWith += abstained ? 1 : 0;
        } else {
            withoutPools++;
            abstainedWithout += abstained ? 1 : 0;
        }
        sandboxTime = sandboxTime.plus(time);
        sandboxes += sandboxCount;
        modelCalls += calls;
    }

    int pools() {
        return withPools + withoutPools;
    }

    int withPools() {
        return withPools;
    }

    int withoutPools() {
        return withoutPools;
    }

    /** Share of the pools with a correct candidate where the chosen candidate resolves. */
    double accuracy() {
        return withPools == 0 ? 0.0 : accuracySum / withPools;
    }

    /** Share of the pools without a correct candidate where the strategy abstained. */
    double abstainRecall() {
        return withoutPools == 0 ? 0.0 : (double) abstainedWithout / withoutPools;
    }

    /** Share of all abstentions that were on pools without a correct candidate; "n/a" when it never abstained. */
    String abstainPrecision() {
        int all = abstainedWith + abstainedWithout;
        return all == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * abstainedWithout / all);
    }

    Duration sandboxTime() {
        return sandboxTime;
    }

    int sandboxes() {
        return sandboxes;
    }

    int modelCalls() {
        return modelCalls;
    }
}
