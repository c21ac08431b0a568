package dev.fixpoint.harness.results;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TAP (Test Anything Protocol) output, as {@code mocha --reporter tap}, QUnit and node-tap print it:
 * {@code ok 3 name} passed, {@code not ok 4 name} failed, a {@code # SKIP} directive skipped, a {@code # TODO} one
 * skipped too (a todo test is expected to fail). A test is named by the description after its number, the way
 * SWE-bench's {@code parse_log_tap} keys it (axios, three.js), without the directive and without the optional
 * {@code "- "} separator TAP allows before it. Indented lines (TAP 13 subtests) are read as their own tests. The
 * test number is required, so {@code go test}'s {@code ok  pkg 0.1s} lines are not taken for tests.
 */
final class TapLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no TAP result lines (ok N name / not ok N name) found in the log; "
            + "was a TAP reporter used?";

    private static final Pattern LINE =
            Pattern.compile("^(not ok|ok) \\d+\\b\\s*(?:- )?(.*?)(?:\\s*(?<!\\\\)#\\s*(SKIP|TODO)\\S*(?:\\s.*)?)?$",
                    Pattern.CASE_INSENSITIVE);

    private TapLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        for (String line : LogText.lines(log)) {
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) continue;
            TestOutcome outcome = m.group(3) != null ? TestOutcome.SKIPPED
                    : m.group(1).equalsIgnoreCase("ok") ? TestOutcome.PASSED : TestOutcome.FAILED;
            outcomes.add(m.group(2), outcome);
        }
    }
}
