package dev.fixpoint.verifiers.exec;

/** One test against one candidate (or the base code). */
public enum TestVerdict {
    /** Every result of the test passed (at least one), or the script exited 0. */
    PASS,
    /** A result failed, or the script exited non-zero. */
    FAIL,
    /** A result errored outside the test body (pytest collection or fixture error). */
    ERROR,
    /** No result for the test: it did not compile, was not collected, or the run died. */
    MISSING,
    /** The candidate's patch did not apply, so nothing ran. */
    NOT_RUN
}
