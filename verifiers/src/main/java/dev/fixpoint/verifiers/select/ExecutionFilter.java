package dev.fixpoint.verifiers.select;

/**
 * Which candidates execution evidence rules out, for the strategies that read it. A candidate that passes no
 * reproduction test is always ruled out (it shows no sign of fixing the issue), as is one without execution
 * evidence.
 *
 * @param maxRegressionBroken  most regression tests a candidate may break; -1 for no limit
 * @param minReproductionRate  least share of reproduction tests a candidate must pass, in [0, 1]
 */
public record ExecutionFilter(int maxRegressionBroken, double minReproductionRate) {

    public ExecutionFilter {
        if (maxRegressionBroken < -1) {
            throw new IllegalArgumentException("max regression tests broken must be -1 (no limit) or more, not: "
                    + maxRegressionBroken);
        }
        if (!(minReproductionRate >= 0.0 && minReproductionRate <= 1.0)) {
            throw new IllegalArgumentException("min reproduction rate must be in [0, 1], not: " + minReproductionRate);
        }
    }

    /**
     * Breaks no regression test and passes at least three quarters of the reproduction tests. A kept reproduction
     * test fails on the base code, so it stands for a symptom of the issue: a fix that leaves a third of them
     * failing (a plausible fix of the reported example only) is no candidate to ship, while one wrong test in four
     * is tolerated. With three tests this means all three. Measured by {@code scripts/bench-select}: with the
     * former lenient default (any one test) the hybrid shipped the partial fix on half of the pools without a
     * correct candidate.
     */
    public static ExecutionFilter defaults() {
        return new ExecutionFilter(0, 0.75);
    }

    /** Breaks no regression test and passes at least one reproduction test: ranks, rarely rules out. */
    public static ExecutionFilter lenient() {
        return new ExecutionFilter(0, 0.0);
    }

    /** Why {@code e} is ruled out, or empty if it passes. */
    public String exclusion(Evidence e) {
        ExecutionEvidence x = e.execution();
        if (x == null) {
            return "no execution evidence";
        }
        if (!x.applied()) {
            return "patch does not apply";
        }
        if (maxRegressionBroken >= 0 && x.regressionBroken() > maxRegressionBroken) {
            return "breaks regression tests";
        }
        if (x.reproductionTotal() == 0) {
            return "no reproduction tests ran";
        }
        if (x.reproductionPassed() == 0) {
            return "passes no reproduction test";
        }
        if (x.reproductionRate() < minReproductionRate) {
            return "passes too few reproduction tests";
        }
        return "";
    }
}
