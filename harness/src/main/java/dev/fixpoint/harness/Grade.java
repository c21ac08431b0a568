package dev.fixpoint.harness;

import java.util.List;

/**
 * The verdict on one instance's test results (over one or more attempts).
 *
 * @param failToPass  FAIL_TO_PASS tests: success = passed in every attempt; failure = did not pass in any attempt
 * @param passToPass  PASS_TO_PASS tests: success = passed or skipped in every attempt; failure = in none
 * @param failToFail  always empty: our tasks carry no FAIL_TO_FAIL list (kept for SWE-bench's schema)
 * @param passToFail  always empty, likewise
 * @param flakyFailToPass FAIL_TO_PASS tests whose outcome differed between attempts (in neither list above)
 * @param flakyPassToPass PASS_TO_PASS tests whose outcome differed between attempts
 * @param flakyTests  every test of the suite whose outcome differed between attempts (informational)
 * @param resolution  SWE-bench's resolution computed over the non-flaky tests
 * @param attempts    number of test runs graded
 */
public record Grade(TestSplit failToPass, TestSplit passToPass, TestSplit failToFail, TestSplit passToFail,
                    List<String> flakyFailToPass, List<String> flakyPassToPass, List<String> flakyTests,
                    Resolution resolution, int attempts) {

    public Grade {
        flakyFailToPass = flakyFailToPass.stream().sorted().toList();
        flakyPassToPass = flakyPassToPass.stream().sorted().toList();
        flakyTests = flakyTests.stream().sorted().toList();
    }

    /** SWE-bench's {@code resolved}: every listed test passed in every attempt. */
    public boolean resolved() {
        return resolution == Resolution.FULL && !hasFlakyListedTests();
    }

    /** Some listed test changed outcome between attempts. */
    public boolean hasFlakyListedTests() {
        return !flakyFailToPass.isEmpty() || !flakyPassToPass.isEmpty();
    }
}
