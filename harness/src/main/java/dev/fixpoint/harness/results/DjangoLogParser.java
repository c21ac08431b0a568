package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Django's test runner ({@code runtests.py --verbosity 2 --parallel 1}, or {@code manage.py test -v 2}), which
 * prints unittest's verbose lines: {@code test_x (module.Class) ... ok} ({@code test_x (module.Class.test_x)} on
 * Python 3.11 and later; names are kept as printed, the way the task's lists were made).
 *
 * <ul>
 *   <li>A test with a docstring prints its id on one line and the docstring's first line before {@code ... ok} on
 *       the next; both the id and the docstring line get the outcome (SWE-bench's lists name such tests by the
 *       docstring line).</li>
 *   <li>Output printed while a test runs splits its line ({@code test_x (m.C) ... Internal Server Error: /x/} then
 *       {@code ok} lines later): the status on a line of its own belongs to the last test left open.</li>
 *   <li>Output printed before a test's line without a newline ({@code Applying x.0002_y...test_z (m.C) ... ok})
 *       is cut off.</li>
 *   <li>{@code ok}: passed; {@code FAIL}: failed; {@code ERROR}: error; {@code skipped ...}: skipped;
 *       {@code expected failure}: passed; {@code unexpected success}: failed. The {@code FAIL:} / {@code ERROR:}
 *       sections at the end mark their test (a failed subtest {@code test_x (m.C) (i=2)} marks {@code test_x (m.C)}
 *       as well) and its docstring line.</li>
 * </ul>
 * A test reported twice keeps its worse outcome. Pure: no I/O.
 */
public final class DjangoLogParser implements LogParser {

    private static final String SOURCE = LogParsers.name(ResultFormat.DJANGO);
    private static final String SEPARATOR = " ... ";
    /** A unittest id: method name and its class's dotted path in parentheses. */
    private static final Pattern TEST_ID = Pattern.compile("\\w+ \\([\\w.]+\\)");
    /** A section header: the id, then (for a subtest) its parameters. */
    private static final Pattern SECTION = Pattern.compile("^(FAIL|ERROR): ((\\w+ \\([\\w.]+\\))(?: .*)?)$");

    @Override
    public TestResults parse(String log, Set<String> expected) {
        Map<String, TestOutcome> outcomes = new TreeMap<>();
        List<String> open = List.of();
        String idLine = null;
        TestOutcome sectionOutcome = null;
        for (String raw : LogText.lines(log)) {
            String line = raw.strip();
            if (sectionOutcome != null) {
                // The line after a FAIL:/ERROR: header is the docstring's first line, unless the dashes come first.
                if (!line.isEmpty() && !line.startsWith("---")) record(outcomes, List.of(line), sectionOutcome);
                sectionOutcome = null;
                continue;
            }
            Matcher header = SECTION.matcher(line);
            if (header.matches()) {
                sectionOutcome = header.group(1).equals("FAIL") ? TestOutcome.FAILED : TestOutcome.ERROR;
                record(outcomes, List.of(header.group(2), header.group(3)), sectionOutcome);
                open = List.of();
                idLine = null;
                continue;
            }
            int sep = line.indexOf(SEPARATOR);
            if (sep > 0 || line.endsWith(" ...")) {
                String name = testName(sep > 0 ? line.substring(0, sep) : line.substring(0, line.length() - 4));
                List<String> names = idLine == null ? List.of(name) : List.of(idLine, name);
                Optional<TestOutcome> status = sep > 0 ? status(line.substring(sep + SEPARATOR.length()))
                        : Optional.empty();
                if (status.isPresent()) {
                    record(outcomes, names, status.get());
                    open = List.of();
                } else {
                    open = names;
                }
                idLine = null;
                continue;
            }
            Optional<TestOutcome> late = open.isEmpty() ? Optional.empty() : status(line);
            if (late.isPresent()) {
                record(outcomes, open, late.get());
                open = List.of();
                idLine = null;
                continue;
            }
            idLine = TEST_ID.matcher(line).matches() ? line : null;
        }
        List<String> problems = new ArrayList<>();
        if (outcomes.isEmpty()) {
            problems.add("no Django test lines (test_x (module.Class) ... ok) found in the log; was it run with"
                    + " --verbosity 2 and --parallel 1?");
        }
        return new TestResults(outcomes, SOURCE, problems);
    }

    /** The test's name: what precedes {@code " ... "}, less output printed before it on the same line. */
    static String testName(String beforeSeparator) {
        int dots = beforeSeparator.lastIndexOf("...");
        if (dots >= 0) {
            String tail = beforeSeparator.substring(dots + 3).strip();
            if (TEST_ID.matcher(tail).lookingAt()) return tail;
        }
        return beforeSeparator;
    }

    /** The outcome a status text stands for, or empty when it is other output. */
    static Optional<TestOutcome> status(String text) {
        String s = text.strip();
        if (s.equals("ok") || s.equals("OK")) return Optional.of(TestOutcome.PASSED);
        if (s.equals("FAIL") || s.equals("unexpected success")) return Optional.of(TestOutcome.FAILED);
        if (s.equals("ERROR")) return Optional.of(TestOutcome.ERROR);
        if (s.equals("expected failure")) return Optional.of(TestOutcome.PASSED);
        if (s.equals("skipped") || s.startsWith("skipped ") || s.startsWith("skip ")) {
            return Optional.of(TestOutcome.SKIPPED);
        }
        return Optional.empty();
    }

    private static void record(Map<String, TestOutcome> outcomes, List<String> names, TestOutcome outcome) {
        for (String name : names) {
            if (!name.isEmpty()) outcomes.merge(name, outcome, TestOutcome::worse);
        }
    }
}
