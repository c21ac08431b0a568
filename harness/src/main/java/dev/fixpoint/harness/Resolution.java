package dev.fixpoint.harness;

/**
 * SWE-bench's resolution of one graded instance ({@code ResolvedStatus}), computed from the FAIL_TO_PASS and
 * PASS_TO_PASS success ratios (a list with no tests has ratio 1).
 */
public enum Resolution {
    /** F2P ratio = 1 and P2P ratio = 1: every listed test passes. SWE-bench's RESOLVED_FULL. */
    FULL,
    /** 0 &lt; F2P ratio &lt; 1 and P2P ratio = 1: some, not all, F2P tests pass and no P2P test broke. RESOLVED_PARTIAL. */
    PARTIAL,
    /** Anything else: no F2P test passes, or a P2P test broke. RESOLVED_NO. */
    NO
}
