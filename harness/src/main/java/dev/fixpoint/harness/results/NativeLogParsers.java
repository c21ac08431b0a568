package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.EnumMap;
import java.util.Map;

/**
 * The log parsers of SWE-bench Multilingual's C and C++ repositories: test frameworks (GoogleTest, doctest) and
 * the projects' own runners (Redis/Valkey's Tcl suite, jq's {@code make check}, MicroPython's
 * {@code run-tests.py}). Registered with {@link LogParsers} through {@link java.util.ServiceLoader}.
 */
public final class NativeLogParsers implements LogParserProvider {

    /**
     * GoogleTest's result lines, {@code [       OK ] Suite.Name (0 ms)} and {@code [  FAILED  ] ...}, anywhere in
     * a line (ctest -V puts {@code N: } before each; fmtlib/fmt runs {@code ctest --test-dir build -V -R x-test}),
     * named as SWE-bench's {@code parse_log_googletest} names them: {@code Suite.Name}, {@code Inst/Suite.Name/1}
     * for a value-parametrised test, {@code Suite/0.Name} for a typed one, and for a failed parametrised or typed
     * test the comment GoogleTest adds ({@code Inst/Suite.Name/1, where GetParam() = 3}), so such a test has one
     * name when it passes and another when it fails. Also {@code [  SKIPPED ]} (GTEST_SKIP) as SKIPPED, which
     * SWE-bench leaves out (neither counts as passing). Only lines ending in a time are read: SWE-bench's pattern
     * also takes the list of failed tests at the end of a run when a printed parameter ends in a bracket, which
     * gives a cut name ({@code Suite.Name/1, where GetParam() =}) that names no test. Disabled tests print nothing.
     */
    private static final LinePattern GOOGLETEST = LinePattern.of(
            ".*\\[\\s*(?<status>OK|FAILED|SKIPPED)\\s*\\]\\s(?<name>.*)\\s\\(\\d+ ms\\)",
            Map.of("OK", TestOutcome.PASSED, "FAILED", TestOutcome.FAILED, "SKIPPED", TestOutcome.SKIPPED));
    private static final String GOOGLETEST_LOOKED_FOR = "no GoogleTest `[       OK ] Suite.Name (0 ms)` or"
            + " `[  FAILED  ] ...` lines found; did the test binary run (ctest -V shows its output), and without"
            + " --gtest_print_time=0?";

    /**
     * Automake's test harness ({@code make check}, as jqlang/jq runs its tests): one line per test script,
     * {@code PASS: tests/jqtest}, named by the script's path as SWE-bench's {@code parse_log_jq} names it. jq's own
     * runners ({@code jq --run-tests}: {@code Test #12: '.a' at line number 40}, {@code 402 of 403 tests passed})
     * write into each script's {@code .log} file, not the console, so the scripts are the only tests SWE-bench
     * sees. SWE-bench reads PASS and FAIL only; SKIP (SKIPPED), ERROR (ERROR) and XPASS (an unexpected pass,
     * FAILED, as automake counts it) are read too, none a pass in either. XFAIL is left out as SWE-bench leaves
     * it out: a listed test that fails as expected is not found. Colours ({@code AM_COLOR_TESTS}) are dropped.
     */
    private static final LinePattern JQ = LinePattern.of(
            "(?<status>PASS|FAIL|SKIP|ERROR|XPASS):\\s(?<name>.+)",
            Map.of("PASS", TestOutcome.PASSED, "FAIL", TestOutcome.FAILED, "SKIP", TestOutcome.SKIPPED,
                    "ERROR", TestOutcome.ERROR, "XPASS", TestOutcome.FAILED));
    private static final String JQ_LOOKED_FOR = "no automake `PASS: tests/x` or `FAIL: tests/x` lines found; was it"
            + " `make check` (jq: after `make`), and did the build succeed?";

    /** For {@link java.util.ServiceLoader}. */
    public NativeLogParsers() {}

    @Override
    public Map<ResultFormat, LogParser> parsers() {
        Map<ResultFormat, LogParser> parsers = new EnumMap<>(ResultFormat.class);
        Outcomes.register(parsers, ResultFormat.GOOGLETEST, GOOGLETEST, GOOGLETEST_LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.DOCTEST, DoctestXmlLogParser::read, DoctestXmlLogParser.LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.JQ, JQ, JQ_LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.REDIS_TCL, RunnerLogFormats.REDIS_TCL, RunnerLogFormats.REDIS_LOOKED_FOR);
        Outcomes.register(parsers, ResultFormat.MICROPYTHON, RunnerLogFormats.MICROPYTHON, RunnerLogFormats.MICROPYTHON_LOOKED_FOR);
        return parsers;
    }
}
