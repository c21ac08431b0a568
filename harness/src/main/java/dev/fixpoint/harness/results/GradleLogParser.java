package dev.fixpoint.harness.results;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Gradle's console output with per-test events, as SWE-bench runs apache/lucene and reactivex/rxjava
 * ({@code ./gradlew test --tests X} after a pre_install that rewrites the build's {@code testLogging} block to log
 * the events {@code passed}, {@code skipped}, {@code failed} and the standard streams): one line
 * {@code Class > method PASSED} or {@code FAILED} per test, at the start of the line. A test is named as SWE-bench's
 * {@code parse_log_gradle_custom} keys it: the line without its status ({@code org.Foo > testBar},
 * {@code calc.AddTest > add[1 + 1 > 2]}; {@code Class > classMethod} for a failing class setup).
 *
 * <p>Interleaved output (a JVM warning from a test worker, another process) can split a result: the name alone on
 * one line, other lines, then the status alone on its own line. As SWE-bench does, such a name is kept until a
 * status line alone settles it, or another result or name replaces it; a name never settled has no result.
 *
 * <p>Where this reads differently from SWE-bench's parser, on real logs:
 * <ul>
 *   <li>only lines that start in the first column and hold {@code " > "} are results: Gradle indents what a test
 *       prints, so a test printing {@code Foo > bar FAILED}, or any line ending in {@code PASSED}, is not a result
 *       here, while SWE-bench records it (it also records Gradle's own {@code :test FAILED} as a test
 *       {@code :test}). Such keys never name a real test, so no real test's key differs;</li>
 *   <li>a name alone may hold spaces ({@code add[1 + 1 > 2]}); SWE-bench's pattern for it allows none and loses
 *       that test's result;</li>
 *   <li>{@code SKIPPED} is read but not recorded, as in SWE-bench (a skipped PASS_TO_PASS test counts as absent,
 *       that is failed); a {@code SKIPPED} line alone settles a pending name without a result.</li>
 * </ul>
 */
final class GradleLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no Gradle test events (`Class > test PASSED` / `FAILED` lines) found in the log;"
            + " was the test task's testLogging set to log the passed and failed events (SWE-bench's pre_install)?";

    private static final Pattern RESULT = Pattern.compile("(?<name>[^>\\s].*? > .*?)\\s+(?<status>PASSED|FAILED|SKIPPED)");
    /** A name whose status is still to come: not an output header ({@code Foo > bar STANDARD_OUT}). */
    private static final Pattern NAME_ALONE = Pattern.compile("[^>\\s].*? > .*\\S");
    private static final Set<String> OTHER_EVENTS = Set.of("STANDARD_OUT", "STANDARD_ERROR", "STARTED");
    private static final Pattern STATUS_ALONE = Pattern.compile("\\s*(?<status>PASSED|FAILED|SKIPPED)");

    private GradleLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        String pending = null;
        for (String line : LogText.lines(log)) {
            Matcher result = RESULT.matcher(line);
            if (result.matches()) {
                record(outcomes, result.group("name"), result.group("status"));
                pending = null;
            } else if (NAME_ALONE.matcher(line).matches()
                    && !OTHER_EVENTS.contains(line.substring(line.lastIndexOf(' ') + 1))) {
                pending = line;
            } else if (pending != null) {
                Matcher status = STATUS_ALONE.matcher(line);
                if (status.matches()) {
                    record(outcomes, pending, status.group("status"));
                    pending = null;
                }
            }
        }
    }

    private static void record(Outcomes outcomes, String name, String status) {
        switch (status) {
            case "PASSED" -> outcomes.add(name, TestOutcome.PASSED);
            case "FAILED" -> outcomes.add(name, TestOutcome.FAILED);
            default -> { } // SKIPPED: absent, as in SWE-bench
        }
    }
}
