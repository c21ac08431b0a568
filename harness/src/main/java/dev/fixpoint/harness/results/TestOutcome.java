package dev.fixpoint.harness.results;

/**
 * Outcome of one test case, after mapping each framework's vocabulary onto four values.
 *
 * <p>pytest: {@code PASSED}, {@code XFAIL} (an expected failure happened) and {@code XPASS} (non-strict xfail that
 * passed) map to {@link #PASSED}; strict xfail that passed is reported by pytest itself as {@code FAILED}.
 * JUnit XML: a {@code <failure>} child is {@link #FAILED}, {@code <error>} is {@link #ERROR}, {@code <skipped>}
 * is {@link #SKIPPED}, none of them is {@link #PASSED}.
 */
public enum TestOutcome {
    PASSED,
    FAILED,
    ERROR,
    SKIPPED;

    /** Rank used when one test is reported twice: the worse outcome wins, so a failure is never hidden. */
    int severity() {
        return switch (this) {
            case PASSED -> 0;
            case SKIPPED -> 1;
            case FAILED -> 2;
            case ERROR -> 3;
        };
    }

    /** The worse of two outcomes of the same test. */
    static TestOutcome worse(TestOutcome a, TestOutcome b) {
        return a.severity() >= b.severity() ? a : b;
    }
}
