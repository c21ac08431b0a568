package dev.fixpoint.harness;

import java.util.Locale;

/**
 * Final status of one evaluated instance; written as lower-case {@link #json()} in reports.
 * {@link #isGraded()} tells which statuses count as a verdict on the patch (exit code 0) and which mean the run
 * could not judge it (exit code 1).
 */
public enum EvalStatus {
    /** Every FAIL_TO_PASS and PASS_TO_PASS test passed (SWE-bench RESOLVED_FULL). */
    RESOLVED,
    /** Some but not all FAIL_TO_PASS tests passed and no PASS_TO_PASS test broke (RESOLVED_PARTIAL). */
    PARTIAL,
    /**
     * Tests ran; no FAIL_TO_PASS test passed, or a PASS_TO_PASS test broke (RESOLVED_NO); or the patch broke the test
     * run (no result with it, results without it: every listed test missing, so failed).
     */
    UNRESOLVED,
    /** With {@code --repeat}: no listed test failed in every run, but some changed outcome between runs. */
    FLAKY,
    /** The prediction's patch was null or blank; nothing ran. */
    EMPTY_PATCH,
    /** No step of the apply chain could apply the model patch (malformed, binary, wrong context, missing files). */
    PATCH_FAILED,
    /** The test command ran past its time limit and was killed; graded unresolved. */
    TIMEOUT,
    /** Infrastructure failure (sandbox, checkout, the task's own test patch): not a verdict on the patch. */
    ERROR,
    /**
     * The tests ran but no per-test result could be read from their log (a wrong {@code result_format} for the
     * repository, a runner that printed nothing per test, a crash before any test), and none from the same tests
     * on base + test patch only either ({@link Baselines}), or that run failed: an error, not a verdict. (When the
     * run without the patch has results, the patch broke the test run: {@link #UNRESOLVED}.)
     */
    NO_RESULTS,
    /** The prediction cannot be evaluated: unknown instance id or a malformed row. */
    INVALID;

    /** Lower-case name used in JSON. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EvalStatus fromJson(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** A verdict on the patch was reached (everything but {@link #ERROR}, {@link #NO_RESULTS} and {@link #INVALID}). */
    public boolean isGraded() {
        return this != ERROR && this != NO_RESULTS && this != INVALID;
    }
}
