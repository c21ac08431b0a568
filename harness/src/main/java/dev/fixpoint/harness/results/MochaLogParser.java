package dev.fixpoint.harness.results;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Mocha's spec reporter (its default): suites as indented titles, tests under them as {@code ✔ title (80ms)}
 * passed, {@code 3) title} failed, {@code - title} pending (skipped). A test is named by its suites and title joined
 * by {@code " > "} ({@code calc > nested group > passes deep inside}), as Multi-SWE-bench's spec-reporter parsers
 * key them. A failed hook ({@code 4) "before each" hook for "x"}) fails the test it names. Reading stops at the
 * summary ({@code 5 passing (113ms)}), where the failure details repeat the titles.
 *
 * <p>Output a test prints lands between the lines; Mocha indents all of its own lines, so unindented lines are
 * never taken for a suite title. An indented print can still be: there is no way to tell it from a suite.
 */
final class MochaLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no Mocha spec reporter lines (✔ title / 1) title / - title) found in the "
            + "log; was mocha run with its default (spec) reporter?";

    private static final Pattern PASSED = Pattern.compile("^[✔✓√] (.+?)(?: \\(\\d+ms\\))?$");
    private static final Pattern FAILED = Pattern.compile("^\\d+\\) (.+)$");
    private static final Pattern PENDING = Pattern.compile("^- (.+)$");
    private static final Pattern HOOK = Pattern.compile("^\"[^\"]+\" hook(?: for \"(.+)\")?.*$");
    private static final Pattern SUMMARY = Pattern.compile("^\\d+ passing(?: \\(\\d+m?s\\))?$");

    private MochaLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        List<String> suites = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        for (String line : LogText.lines(log)) {
            int indent = LogText.indent(line);
            String text = line.strip();
            if (indent == 0 || text.isEmpty()) continue;
            if (SUMMARY.matcher(text).matches()) break;
            while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
                indents.remove(indents.size() - 1);
                suites.remove(suites.size() - 1);
            }
            Matcher m;
            if ((m = PASSED.matcher(text)).matches()) {
                outcomes.add(name(suites, m.group(1)), TestOutcome.PASSED);
            } else if ((m = FAILED.matcher(text)).matches()) {
                Matcher hook = HOOK.matcher(m.group(1));
                String title = !hook.matches() ? m.group(1) : hook.group(1) != null ? hook.group(1) : m.group(1);
                outcomes.add(name(suites, title), TestOutcome.FAILED);
            } else if ((m = PENDING.matcher(text)).matches()) {
                outcomes.add(name(suites, m.group(1)), TestOutcome.SKIPPED);
            } else {
                suites.add(text);
                indents.add(indent);
            }
        }
    }

    private static String name(List<String> suites, String title) {
        return suites.isEmpty() ? title : String.join(" > ", suites) + " > " + title;
    }
}
