package dev.fixpoint.harness.results;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads test-unit's verbose output ({@code ruby test/x.rb -v}): suites as {@code CalcTest: } headers, each test as
 * an indented {@code test_adds:} padded with tabs to its status, {@code .} passed, {@code F} failed, {@code E}
 * errored, {@code O} omitted and {@code P} pending (skipped), {@code N} notified (passed), then
 * {@code : (0.000123)}. A test is named by its method or its {@code test "description"} without the suite and
 * without the {@code test: } prefix ({@code test_adds}, {@code described with a string},
 * {@code data driven[small]}), as SWE-bench's {@code parse_log_ruby_unit} keys them (fluentd, faker).
 *
 * <p>What a test prints lands between its name and its status, which then starts a later line ({@code F} alone,
 * or {@code .: (0.01)}); the status is given to the test whose name was printed last.
 */
final class RubyUnitLogParser implements LogParser {

    private static final Pattern START = Pattern.compile("^\\s+(?:test: )?(.+?):\\t+(.*)$");
    private static final Pattern STATUS = Pattern.compile("^([.FEOPN])(?:: \\([0-9.e-]+\\))?$");

    private final String source;

    RubyUnitLogParser(String source) {
        this.source = source;
    }

    @Override
    public TestResults parse(String log, Set<String> expected) {
        Outcomes outcomes = new Outcomes();
        String waiting = null;
        for (String line : LogText.lines(log)) {
            Matcher start = START.matcher(line);
            String rest = line.strip();
            if (start.matches()) {
                waiting = start.group(1);
                rest = start.group(2).strip();
            }
            if (waiting == null) continue;
            Matcher status = STATUS.matcher(rest);
            if (status.matches()) {
                outcomes.add(waiting, outcome(status.group(1)));
                waiting = null;
            }
        }
        return outcomes.results(source, "no test-unit verbose lines (  test_name:<tabs>.: (0.001)) found in the "
                + "log; was the test run with -v?");
    }

    private static TestOutcome outcome(String code) {
        return switch (code) {
            case ".", "N" -> TestOutcome.PASSED;
            case "F" -> TestOutcome.FAILED;
            case "E" -> TestOutcome.ERROR;
            default -> TestOutcome.SKIPPED;
        };
    }
}
