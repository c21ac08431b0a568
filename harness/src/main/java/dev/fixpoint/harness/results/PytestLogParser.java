package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads per-test outcomes from a pytest log run with {@code -rA}: the short test summary lines
 * {@code STATUS node_id[ - message]} and, as SWE-bench also accepts, verbose lines {@code node_id STATUS [ 50%]}.
 *
 * <p>Node ids may hold spaces, brackets, {@code ::} and {@code " - "} inside their parameter brackets
 * ({@code test_p[a - b]}, {@code test_p[x[1]]}, {@code test_p[[]}). Where the end of an id is ambiguous the names
 * the caller expects (the FAIL_TO_PASS / PASS_TO_PASS lists) decide; otherwise bracket depth does.
 * Folded skip lines ({@code SKIPPED [2] path:12: reason}) name no test and are ignored, as are words that are no
 * node id ({@code FAILED (failures=3)} of a unittest summary). A test reported twice
 * keeps its worse outcome. Colours and other escape sequences are removed first ({@link LogText}).
 *
 * <p>Progress artifacts: a status word followed by something that is not a node id ({@code PASSED    [100%]},
 * {@code PASSED [ 50%]}, {@code PASSED [100%]----- live log -----}, printed by pytest runs nested in a test's
 * output) names no test and is skipped, unless the expected names hold its first word: SWE-bench's parser reads
 * those words as test names, so some of its PASS_TO_PASS lists name {@code [100%]} or {@code [} (pytest-5227,
 * -5262, -7521), and they are read the way SWE-bench reads them.
 *
 * <p>The repository variants of SWE-bench ({@link #of(ResultFormat)}): {@link ResultFormat#PYTEST_OPTIONS} cuts a
 * parameter that is an absolute path to its last segment ({@code test_x[/tmp/a/b.py]} -> {@code test_x[/b.py]}),
 * {@link ResultFormat#MATPLOTLIB} reads {@code MouseButton.LEFT}/{@code RIGHT} in ids as {@code 1}/{@code 3}, and
 * {@link ResultFormat#PYTEST_V2} is read as the plain format (which already strips colours and keeps ids with
 * spaces inside their parameters). Pure: no I/O.
 */
public final class PytestLogParser {

    /** {@link TestResults#source()} of results read by this parser. */
    public static final String SOURCE = "pytest_log";

    private static final Pattern STATUS_FIRST =
            Pattern.compile("^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS) (.+)$");
    private static final Pattern TEST_FIRST =
            Pattern.compile("^(\\S+::\\S*) (PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)(?:\\s.*)?$");
    private static final Pattern FOLDED_SKIP = Pattern.compile("^\\[\\d+\\] .*");
    /** A parameter list whose value is an absolute path ({@code [/abs/path]}, not {@code //} nor a glob). */
    private static final Pattern PATH_PARAMETER = Pattern.compile("^(.*?)\\[(/(?!/)[^*]*)]$");

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
        return parse(log, expected, UnaryOperator.identity(), UnaryOperator.identity(), SOURCE);
    }

    /**
     * The parser of a pytest format: {@link ResultFormat#PYTEST_LOG}, {@link ResultFormat#PYTEST_V2},
     * {@link ResultFormat#PYTEST_OPTIONS} or {@link ResultFormat#MATPLOTLIB}.
     *
     * @throws IllegalArgumentException for any other format
     */
    public static LogParser of(ResultFormat format) {
        String source = LogParsers.name(format);
        return switch (format) {
            case PYTEST_LOG, PYTEST_V2 -> (log, expected) ->
                    parse(log, expected, UnaryOperator.identity(), UnaryOperator.identity(), source);
            case PYTEST_OPTIONS -> (log, expected) ->
                    parse(log, expected, UnaryOperator.identity(), PytestLogParser::cutPathParameter, source);
            case MATPLOTLIB -> (log, expected) ->
                    parse(log, expected, PytestLogParser::mouseButtons, UnaryOperator.identity(), source);
            default -> throw new IllegalArgumentException("not a pytest format: " + source);
        };
    }

    private static TestResults parse(String log, Set<String> expected, UnaryOperator<String> lineRewrite,
                                     UnaryOperator<String> idRewrite, String source) {
        Map<String, TestOutcome> outcomes = new TreeMap<>();
        for (String cleaned : LogText.lines(log)) {
            String line = lineRewrite.apply(cleaned);
            Matcher m = STATUS_FIRST.matcher(line);
            if (m.matches()) {
                String rest = m.group(2).strip();
                if (m.group(1).equals("SKIPPED") && FOLDED_SKIP.matcher(rest).matches()) continue;
                String id = rest.startsWith("[") ? progressWord(rest, expected) : nodeId(rest, expected);
                if (isNodeId(id, expected)) outcomes.merge(idRewrite.apply(id), outcome(m.group(1)), TestOutcome::worse);
                continue;
            }
            Matcher t = TEST_FIRST.matcher(line);
            if (t.matches()) outcomes.merge(idRewrite.apply(t.group(1)), outcome(t.group(2)), TestOutcome::worse);
        }
        List<String> problems = new ArrayList<>();
        if (outcomes.isEmpty()) {
            problems.add("no pytest result lines (PASSED/FAILED/... node_id) found in the log; was it run with -rA?");
        }
        return new TestResults(outcomes, source, problems);
    }

    /**
     * Whether {@code id} names a test: a node id ({@code path::name}), a file (a collection error,
     * {@code ERROR tests/test_x.py}), or a name the lists hold. Other words after a status are other runners'
     * summaries ({@code FAILED (failures=3, errors=1)} of unittest).
     */
    static boolean isNodeId(String id, Set<String> expected) {
        return id.contains("::") || id.endsWith(".py") || (!id.isEmpty() && expected.contains(id));
    }

    /**
     * What follows a status word when it starts with {@code [}, which no node id does: a progress artifact. Its
     * first word when the expected names hold it (SWE-bench's lists do), else nothing.
     */
    static String progressWord(String rest, Set<String> expected) {
        int space = rest.indexOf(' ');
        String word = space < 0 ? rest : rest.substring(0, space);
        return expected.contains(word) ? word : "";
    }

    /** SWE-bench's parse_log_pytest_options: {@code test_x[/tmp/a/b.py]} -> {@code test_x[/b.py]}. */
    static String cutPathParameter(String id) {
        Matcher m = PATH_PARAMETER.matcher(id);
        if (!m.matches()) return id;
        String path = m.group(2);
        return m.group(1) + "[/" + path.substring(path.lastIndexOf('/') + 1) + "]";
    }

    /** SWE-bench's parse_log_matplotlib: the enum's repr in ids read as its value. */
    static String mouseButtons(String line) {
        return line.replace("MouseButton.LEFT", "1").replace("MouseButton.RIGHT", "3");
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
