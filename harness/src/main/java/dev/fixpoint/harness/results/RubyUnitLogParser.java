package dev.fixpoint.harness.results;

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
final class RubyUnitLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no test-unit verbose lines (  test_name:<tabs>.: (0.001)) found in the "
            + "log; was the test run with -v?";

    private static final Pattern START = Pattern.compile("^\\s+(?:test: )?(.+?):\\t+(.*)$");
    private static final Pattern STATUS = Pattern.compile("^([.FEOPN])(?:: \\([0-9.e-]+\\))?$");

    private RubyUnitLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        RubyVerboseLines.read(log, START, STATUS, String::strip, outcomes);
    }
}
