package dev.fixpoint.harness.results;

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
final class MinitestLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no minitest verbose lines (Class#test = 0.00 s = .) found in the log; "
            + "was the test run with -v?";

    private static final Pattern START = Pattern.compile("^(\\S+#.+?) = (.*)$");
    private static final Pattern END = Pattern.compile("\\d+\\.\\d+ s = ([.FES])$");

    private MinitestLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        RubyVerboseLines.read(log, START, END, MinitestLogParser::name, outcomes);
    }

    /** {@code Class#test_: context should x. } -> {@code Class#test_: context should x}. */
    private static String name(String printed) {
        String n = printed.strip();
        return n.endsWith(".") ? n.substring(0, n.length() - 1).strip() : n;
    }
}
