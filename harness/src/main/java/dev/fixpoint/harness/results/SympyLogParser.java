package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sympy's own runner, {@code bin/test --verbose} (what SWE-bench runs for sympy): per file a header
 * {@code sympy/x/tests/test_y.py[8]}, then one line per test function, {@code test_name STATUS}, the last one padded
 * with the file's {@code [OK]} or {@code [FAIL]}; then a section per failure or exception, its title
 * {@code ___ sympy/x/tests/test_y.py:test_name ___}. Names are the bare function names, as SWE-bench's sympy lists
 * write them.
 *
 * <p>Statuses: {@code ok} passed; {@code F} failed; {@code E} and {@code T} (timed out) error; {@code f} (expected
 * to fail and did) passed; {@code X} (expected to fail but passed) failed, as sympy counts it; a skip
 * ({@code s}, {@code w} slow, {@code K}, or {@code reason s}) skipped. Output a test prints splits its line: the
 * status then comes on a later line of its own, and belongs to the test still open. A failure section marks its
 * test failed when no worse outcome is known. A file that fails to import ({@code path.py[?]   Failed to import})
 * is an error under the file's path, as pytest reports a collection error. Pure: no I/O.
 */
public final class SympyLogParser implements LogParser {

    private static final String SOURCE = LogParsers.name(ResultFormat.SYMPY);
    private static final Pattern FILE_STATUS = Pattern.compile("\\s+\\[(?:OK|FAIL)]$");
    private static final Pattern TEST_LINE = Pattern.compile("^(test_\\w+) (?:(.*) )?(ok|F|E|T|f|X|s|w|K)$");
    private static final Pattern OPEN_TEST = Pattern.compile("^(test_\\w+)(?: (.*))?$");
    private static final Pattern LATE_STATUS = Pattern.compile("^(?:(.*) )?(ok|F|E|T|f|X|s|w|K)$");
    private static final Pattern SECTION = Pattern.compile("^_+ (\\S+\\.py):(\\w+) _+$");
    private static final Pattern IMPORT_FAILED = Pattern.compile("^(\\S+\\.py)\\[\\?]\\s+Failed to import");

    @Override
    public TestResults parse(String log, Set<String> expected) {
        Map<String, TestOutcome> outcomes = new TreeMap<>();
        Map<String, TestOutcome> sections = new TreeMap<>();
        String open = null;
        for (String raw : LogText.lines(log)) {
            String line = FILE_STATUS.matcher(raw).replaceFirst("").strip();
            Matcher imp = IMPORT_FAILED.matcher(line);
            if (imp.find()) {
                outcomes.merge(imp.group(1), TestOutcome.ERROR, TestOutcome::worse);
                open = null;
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                sections.put(section.group(2), TestOutcome.FAILED);
                open = null;
                continue;
            }
            Matcher test = TEST_LINE.matcher(line);
            if (test.matches()) {
                outcomes.merge(test.group(1), outcome(test.group(2), test.group(3)), TestOutcome::worse);
                open = null;
                continue;
            }
            Matcher late = LATE_STATUS.matcher(line);
            if (open != null && late.matches()) {
                outcomes.merge(open, outcome(late.group(1), late.group(2)), TestOutcome::worse);
                open = null;
                continue;
            }
            Matcher starting = OPEN_TEST.matcher(line);
            if (starting.matches()) open = starting.group(1);
        }
        sections.forEach((name, outcome) -> outcomes.merge(name, outcome, TestOutcome::worse));
        List<String> problems = new ArrayList<>();
        if (outcomes.isEmpty()) {
            problems.add("no sympy test lines (test_name ok / F / E) found in the log; was it run as bin/test"
                    + " --verbose?");
        }
        return new TestResults(outcomes, SOURCE, problems);
    }

    /**
     * The outcome of a status letter; {@code reason} is the text before it. {@code T} alone is a test that timed
     * out (an error); {@code Timeout T} is a test skipped for being slow.
     */
    static TestOutcome outcome(String reason, String status) {
        if (status.equals("T") && reason != null && reason.strip().equals("Timeout")) return TestOutcome.SKIPPED;
        return switch (status) {
            case "ok", "f" -> TestOutcome.PASSED;
            case "F", "X" -> TestOutcome.FAILED;
            case "E", "T" -> TestOutcome.ERROR;
            case "s", "w", "K" -> TestOutcome.SKIPPED;
            default -> throw new IllegalArgumentException("not a sympy bin/test status: " + status);
        };
    }
}
