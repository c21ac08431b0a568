package dev.fixpoint.harness.validate;

import java.util.Locale;

/** Why a task row could not be validated; written as lower-case {@link #json()} in {@code validation.json}. */
public enum ValidationProblem {
    /** The row has no {@code test_patch}: there are no tests to run. */
    NO_TEST_PATCH,
    /** The row has no {@code patch} (the gold fix). */
    NO_GOLD_PATCH,
    /**
     * The environment's test command names the graded tests ({@code {test_names}}, {@code {fail_to_pass}},
     * {@code {pass_to_pass}}): the lists validation is to derive, so the command cannot run before they exist.
     */
    COMMAND_NAMES_GRADED_TESTS,
    /** The test patch does not apply cleanly ({@code git apply}) to the base commit. */
    TEST_PATCH_DOES_NOT_APPLY,
    /** No step of the apply chain applies the gold patch to base + test patch. */
    GOLD_PATCH_DOES_NOT_APPLY,
    /** A test run could not finish: sandbox or checkout failure, a failing prepare step, a timeout. */
    TEST_RUN_ERROR,
    /** A test run ended but no per-test result could be read from its log or reports. */
    NO_RESULTS,
    /** The tests ran, but no test fails before the gold patch and passes after it. */
    NO_FAIL_TO_PASS;

    /** Lower-case name used in JSON. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
