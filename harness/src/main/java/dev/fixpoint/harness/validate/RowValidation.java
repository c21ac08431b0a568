package dev.fixpoint.harness.validate;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating one task row: the derived FAIL_TO_PASS / PASS_TO_PASS lists and what else was seen, or
 * why the row is not valid. The lists are filled as far as the runs got (an invalid row with
 * {@link ValidationProblem#NO_FAIL_TO_PASS} still lists its PASS_TO_PASS tests).
 *
 * @param instanceId   the row's instance id
 * @param problem      why the row is not valid; empty when it is
 * @param message      details: the failing step with its exit code, notes on the runs; empty when there are none
 * @param failToPass   tests that fail on base + test patch and pass with the gold patch; sorted
 * @param passToPass   tests that pass on both; sorted
 * @param flaky        tests whose outcome differed between repeats of one phase (in neither list); sorted
 * @param passToFail   tests the gold patch breaks (pass before, not after); sorted
 * @param failToFail   tests that fail both before and after; sorted
 * @param testsBefore  distinct tests seen on base + test patch
 * @param testsAfter   distinct tests seen with the gold patch
 * @param repeat       runs per phase
 * @param goldApplyStep which step of the apply chain applied the gold patch ({@code git_apply}, ...; {@code none}
 *                     when it was not applied)
 * @param duration     wall time of the row (both phases)
 * @param testDuration wall time of the test commands alone
 */
public record RowValidation(String instanceId, Optional<ValidationProblem> problem, String message,
                            List<String> failToPass, List<String> passToPass, List<String> flaky,
                            List<String> passToFail, List<String> failToFail, int testsBefore, int testsAfter,
                            int repeat, String goldApplyStep, Duration duration, Duration testDuration) {

    public RowValidation {
        problem = problem == null ? Optional.empty() : problem;
        message = message == null ? "" : message;
        failToPass = List.copyOf(failToPass);
        passToPass = List.copyOf(passToPass);
        flaky = List.copyOf(flaky);
        passToFail = List.copyOf(passToFail);
        failToFail = List.copyOf(failToFail);
        duration = duration.truncatedTo(ChronoUnit.MILLIS);
        testDuration = testDuration.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The row validated: its lists can be written out. */
    public boolean valid() {
        return problem.isEmpty();
    }
}
