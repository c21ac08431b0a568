package dev.fixpoint.harness.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads per-test outcomes from a pytest log run with {@code -rA}: the short test summary lines
 * {@code STATUS node_id[ - message]} and, as SWE-bench also accepts, verbose lines {@code node_id STATUS [ 50%]}.
 *
 * <p>Node ids may hold spaces, brackets, {@code ::} and {@code " - "} inside their parameter brackets
 * ({@code test_p[a - b]}, {@code test_p[x[1]]}, {@code test_p[[]}). Where the end of an id is ambiguous the names
 * the caller expects (the FAIL_TO_PASS / PASS_TO_PASS lists) decide; otherwise bracket depth does.
 * Folded skip lines ({@code SKIPPED [2] path:12: reason}) name no test and are ignored. A test reported twice
 * keeps its worse outcome. Pure: no I/O.
 */
public final class PytestLogParser {

    /** {@link TestResults#source()} of results read by this parser. */
    public static final String SOURCE = "pytest_log";

    private static final Pattern STATUS_FIRST =
            Pattern.compile("^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS) (.+)$");
    private static final Pattern TEST_FIRST =
            Pattern.compile("^(\\S+::\\S*) (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)(?:\\s.*)?$");
    private static final Pattern FOLDED_SKIP = Pattern.compile("^\\[\\d+\\] .*");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private PytestLogParser() {}

    /** Parses a log with no expected names to help. */
    public static TestResults parse(String log) {
        return parse(log, Set.of());
    }

    /**
     * Parses a log.
     *
     * @param log      the test command's combined output
     * @param expected node ids the caller will look up; used only to settle where an ambiguous id ends
     */
    public static TestResults parse(String log, Set<String> expected) {
        Map<String, TestOutcome> outcomes = new TreeMap<>();
        for (String raw : log.split("\r?\n", -1)) {
            String line = ANSI.matcher(raw).replaceAll("").stripTrailing();
            Matcher m = STATUS_FIRST.matcher(line);
            if (m.matches()) {
                String rest = m.group(2);
                if (m.group(1).equals("SKIPPED") && FOLDED_SKIP.matcher(rest).matches()) continue;
                String id = nodeId(rest, expected);
                if (!id.isEmpty()) outcomes.merge(id, outcome(m.group(1)), TestOutcome::worse);
                continue;
            }
            Matcher t = TEST_FIRST.matcher(line);
            if (t.matches()) outcomes.merge(t.group(1), outcome(t.group(2)), TestOutcome::worse);
        }
        List<String> problems = new ArrayList<>();
        if (outcomes.isEmpty()) {
            problems.add("no pytest result lines (PASSED/FAILED/... node_id) found in the log; was it run with -rA?");
        }
        return new TestResults(outcomes, SOURCE, problems);
    }

    static TestOutcome outcome(String status) {
        return switch (status) {
            case "PASSED", "XFAIL", "XPASS" -> TestOutcome.PASSED;
            case "FAILED" -> TestOutcome.FAILED;
            case "ERROR" -> TestOutcome.ERROR;
            case "SKIPPED" -> TestOutcome.SKIPPED;
            default -> throw new IllegalArgumentException("not a pytest status: " + status);
        };
    }

    /** The node id at the start of {@code rest} (what follows the status word). */
    static String nodeId(String rest, Set<String> expected) {
        String best = "";
        for (String name : expected) {
            if (name.length() > best.length() && rest.startsWith(name)
                    && (rest.length() == name.length() || rest.charAt(name.length()) == ' ')) {
                best = name;
            }
        }
        if (!best.isEmpty()) return best;
        int bracket = rest.indexOf('[');
        int space = rest.indexOf(' ');
        if (bracket < 0 || (space >= 0 && space < bracket)) {
            return space < 0 ? rest : rest.substring(0, space);
        }
        // Parameters: the id ends at the ']' that closes the first '[' and is followed by the end or a space.
        int depth = 0;
        for (int i = bracket; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '[') depth++;
            else if (c == ']' && --depth == 0 && endsHere(rest, i)) return rest.substring(0, i + 1);
        }
        // Unbalanced brackets inside the parameters ("test_p[[]"): the first ']' followed by " - " or the end.
        for (int i = bracket; i < rest.length(); i++) {
            if (rest.charAt(i) == ']' && (i + 1 == rest.length() || rest.startsWith(" - ", i + 1))) {
                return rest.substring(0, i + 1);
            }
        }
        return space < 0 ? rest : rest.substring(0, space);
    }

    private static boolean endsHere(String rest, int close) {
        return close + 1 == rest.length() || rest.charAt(close + 1) == ' ';
    }
}
