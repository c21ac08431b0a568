package dev.fixpoint.harness;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw facts of one run of a task's test command, saved in {@code run.json} so that grading can be redone from
 * the saved files alone.
 *
 * @param number       1-based attempt number
 * @param exitCode     the test command's exit status (-1 when it timed out or never ran)
 * @param timedOut     the test command ran past its limit and was killed
 * @param testDuration wall time of the test command alone, measured around its exec
 * @param outputFile   test output, relative to the instance directory
 * @param resultFiles  saved structured result files (JUnit XML), relative to the instance directory, sorted
 * @param error        infrastructure failure of this attempt, or empty
 * @param phases       wall time in milliseconds of each step (sandbox_start, copy_in, prepare, test, collect,
 *                     close), in order; informational (benchmarks), not used in grading
 */
public record Attempt(int number, int exitCode, boolean timedOut, Duration testDuration, String outputFile,
                      List<String> resultFiles, String error, Map<String, Long> phases) {

    public Attempt {
        resultFiles = resultFiles == null ? List.of() : resultFiles.stream().sorted().toList();
        error = error == null ? "" : error;
        phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases == null ? Map.of() : phases));
        // Millisecond precision, as saved in run.json: a regrade then sums exactly the same values.
        testDuration = testDuration == null ? Duration.ZERO : testDuration.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The test command ran to the end or its timeout (no infrastructure failure). */
    public boolean ran() {
        return error.isEmpty();
    }

    /** Directory (relative to the instance directory) holding this attempt's files: "" for the first. */
    public static String dirOf(int number) {
        return number == 1 ? "" : "attempt-" + number + "/";
    }
}
