package dev.fixpoint.harness.results;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads minitest's verbose output ({@code ruby -Itest test/x.rb -v}): {@code Class#test_name = 0.01 s = .} where
 * {@code .} passed, {@code F} failed, {@code E} errored, {@code S} skipped. A test is named {@code Class#test_name};
 * shoulda-context names end in {@code ". "} ({@code TestSite#test_: static files should x. }), which is dropped,
 * as SWE-bench's {@code parse_log_minitest} keys them (jekyll).
 *
 * <p>minitest prints {@code Class#test_name = } before the test runs and the rest after it, so what the test prints
 * lands in between ({@code Class#t = some output} then {@code 0.00 s = F} on a later line); the result is given to
 * the test whose name was printed last.
 */
final class MinitestLogParser implements LogParser {

    private static final Pattern START = Pattern.compile("^(\\S+#.+?) = (.*)$");
    private static final Pattern END = Pattern.compile("(\\d+\\.\\d+) s = ([.FES])$");

    private final String source;

    MinitestLogParser(String source) {
        this.source = source;
    }

    @Override
    public TestResults parse(String log, Set<String> expected) {
        Outcomes outcomes = new Outcomes();
        String waiting = null;
        for (String line : LogText.lines(log)) {
            Matcher start = START.matcher(line);
            String rest = line;
            if (start.matches()) {
                waiting = name(start.group(1));
                rest = start.group(2);
            }
            if (waiting == null) continue;
            Matcher end = END.matcher(rest);
            if (end.find()) {
                outcomes.add(waiting, outcome(end.group(2)));
                waiting = null;
            }
        }
        return outcomes.results(source, "no minitest verbose lines (Class#test = 0.00 s = .) found in the log; "
                + "was the test run with -v?");
    }

    private static String name(String printed) {
        String n = printed.strip();
        return n.endsWith(".") ? n.substring(0, n.length() - 1).strip() : n;
    }

    private static TestOutcome outcome(String code) {
        return switch (code) {
            case "." -> TestOutcome.PASSED;
            case "F" -> TestOutcome.FAILED;
            case "E" -> TestOutcome.ERROR;
            default -> TestOutcome.SKIPPED;
        };
    }
}
