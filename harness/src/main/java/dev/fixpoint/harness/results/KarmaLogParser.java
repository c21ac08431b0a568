package dev.fixpoint.harness.results;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Karma's output with karma-mocha-reporter, as SWE-bench runs preactjs/preact
 * ({@code karma start karma.conf.js --single-run --grep=<test file>}): after Karma's {@code Starting browser} line,
 * suites as indented titles and tests under them as {@code ✔ title} (passed) or {@code ✖ title} (failed), up to
 * {@code SUMMARY:}, where the failures repeat. Colours are dropped first (SWE-bench reads nothing from a coloured
 * log; this reads it as the plain one).
 *
 * <p>Names are SWE-bench's keys (parse_log_karma), because FAIL_TO_PASS and PASS_TO_PASS of real rows were made
 * with them: the suites and the title joined by {@code " > "}. SWE-bench's suite tracking is wrong beyond one
 * path down the tree, and the keys keep its errors: a suite is entered only when it is indented deeper than the
 * last suite, a suite beside the last one (same indent) is not entered, and a suite further out ends only the
 * innermost one and is not entered either. So in
 * <pre>
 *   calc
 *     div()
 *       ✔ divides
 *     render()
 *       ✔ should work
 *   strings
 *     ✔ joins
 * </pre>
 * the keys are {@code calc > div() > divides}, {@code calc > div() > should work} and {@code calc > joins}; tests of
 * the same title in sibling suites ({@code render() > should work}, {@code hydrate() > should work}) get one key,
 * with the worse outcome (SWE-bench: the last one). Where this differs from SWE-bench: a skipped test
 * ({@code ✖ title (skipped)}) is SKIPPED under its SWE-bench key, title and {@code (skipped)} included (SWE-bench:
 * failed); the second of two tests of one title in one suite, which the reporter prints with a trailing space and
 * SWE-bench keys apart, shares the first one's name (names are trimmed); and an outdent with no suite left is
 * ignored (SWE-bench fails with an IndexError).
 */
final class KarmaLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no karma-mocha-reporter test lines (✔ title / ✖ title under indented suites, "
            + "between Karma's \"Starting browser\" and \"SUMMARY:\") found in the log; was karma run with "
            + "reporters: ['mocha'] and its INFO log level?";

    /** SWE-bench's line pattern, {@code ^(\s*)?([✔✖])?\s(.*)$}, with Python's Unicode {@code \s} and {@code .}. */
    private static final Pattern LINE = Pattern.compile("(\\s*)?([✔✖])?\\s(.*)",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);
    private static final String SKIPPED = " (skipped)";

    private KarmaLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        boolean started = false;
        int indent = -1;
        List<String> suites = new ArrayList<>();
        for (String line : LogText.lines(log)) {
            if (line.startsWith("SUMMARY:")) break;
            if (line.contains("Starting browser")) {
                started = true;
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!started || !m.matches()) continue;
            String lead = m.group(1);
            String mark = m.group(2);
            String title = m.group(3);
            if (mark == null) {
                if (lead == null || lead.isEmpty()) continue;
                if (lead.length() > indent) {
                    suites.add(title);
                } else if (lead.length() < indent && !suites.isEmpty()) {
                    suites.remove(suites.size() - 1);
                }
                indent = lead.length();
                continue;
            }
            String name = suites.isEmpty() ? title : String.join(" > ", suites) + " > " + title;
            outcomes.add(name, mark.equals("✔") ? TestOutcome.PASSED
                    : title.endsWith(SKIPPED) ? TestOutcome.SKIPPED : TestOutcome.FAILED);
        }
    }
}
