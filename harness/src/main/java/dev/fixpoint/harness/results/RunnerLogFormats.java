package dev.fixpoint.harness.results;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The line formats of two C projects' own test runners, as {@link LinePattern} data; names are the keys SWE-bench's
 * parsers ({@code parse_log_redis}, {@code parse_log_micropython_test}) give the same lines, because FAIL_TO_PASS
 * and PASS_TO_PASS of real rows name tests that way. Registered by {@link NativeLogParsers}. Two differences from
 * SWE-bench's reading: colours are dropped first (Redis's runtest colours its statuses unless {@code TERM=dumb},
 * and SWE-bench reads no test from such a log), and a name reported twice keeps its worse outcome, not its last.
 */
final class RunnerLogFormats {

    private RunnerLogFormats() {}

    /**
     * The printed name of a Redis/Valkey result, after {@code [ok]: } etc.: as short as it can be, followed by an
     * optional duration ({@code (12 ms)}), so a name ending in parentheses of its own ({@code (left)}) keeps them.
     */
    private static final String REDIS_NAME = "\\]:\\s(?<name>.+?)(?:\\s\\(\\d+\\s*m?s\\))?";

    /**
     * Redis's and Valkey's Tcl suite ({@code ./runtest --single unit/...}): {@code [ok]: name (3 ms)},
     * {@code [skip]: name} (left out by {@code --only} or a skip list) and {@code [ignore]: name: reason} (a tag not
     * accepted, e.g. {@code large-memory}). As in SWE-bench, an ignored test's name keeps its reason
     * ({@code ...over 4GB: large memory flag not provided}): a name no ok or err line of the same test has.
     * Lines of the end-of-run summary ({@code *** [err]: ...}), the error details under an {@code [err]} line and
     * {@code [1/1 done]: unit/x} are not results. Failures are {@link #REDIS_ERR}.
     */
    static final LinePattern REDIS_RESULT = LinePattern.of("\\[(?<status>ok|skip|ignore)" + REDIS_NAME,
            Map.of("ok", TestOutcome.PASSED, "skip", TestOutcome.SKIPPED, "ignore", TestOutcome.SKIPPED));

    /**
     * A failed Redis/Valkey test, {@code [err]: name in tests/unit/x.tcl} (under {@code --durable}, also a test
     * that raised a Tcl error): the name without its last {@code  in FILE}. Only here, not on ok lines: many
     * passing tests' names end in {@code in WORD} ({@code ... should persist in AOF}). A failing test's name that
     * itself ends in {@code in WORD} loses nothing: the runner always appends the file.
     */
    static final LinePattern REDIS_ERR = new LinePattern(Pattern.compile("\\[(?<status>err)" + REDIS_NAME),
            Map.of("err", TestOutcome.FAILED), name -> name.replaceFirst("\\s+in\\s+\\S+$", ""));

    /** Both kinds of Redis/Valkey result line. */
    static final Outcomes.Reader REDIS_TCL = (log, outcomes) -> {
        REDIS_RESULT.read(log, outcomes);
        REDIS_ERR.read(log, outcomes);
    };

    static final String REDIS_LOOKED_FOR = "no `[ok]:`, `[err]:`, `[skip]:` or `[ignore]:` lines found; was the suite"
            + " run with the project's runner (TERM=dumb ./runtest --single unit/NAME), and did the server build?";

    /**
     * MicroPython's {@code tests/run-tests.py}: {@code pass  basics/fun1.py}, {@code FAIL  basics/x.py},
     * {@code skip  basics/y.py}; the name is the test file as printed. As in SWE-bench, a unittest-based test's name
     * keeps what the runner adds after it ({@code extmod/x.py (unittest: 5 ran)}, and on failure
     * {@code (unittest: 5 ran, 1 failures, 0 errors)}): lossy, the key changes with the counts. Summary lines
     * ({@code 23 tests passed}, {@code 1 tests failed: basics/x.py}), {@code lrge} (too large for the target)
     * and {@code FAILURE} lines are not results. A failure run-tests.py reclassifies as a known flaky one is still
     * printed {@code FAIL} and read as failed, as SWE-bench reads it.
     */
    static final LinePattern MICROPYTHON = LinePattern.of("(?<status>pass|FAIL|skip)\\s+(?<name>.+)",
            Map.of("pass", TestOutcome.PASSED, "FAIL", TestOutcome.FAILED, "skip", TestOutcome.SKIPPED));

    static final String MICROPYTHON_LOOKED_FOR = "no `pass NAME`, `FAIL NAME` or `skip NAME` lines found; were the"
            + " tests run with tests/run-tests.py (cd tests; ./run-tests.py -i NAME), and did the port build?";
}
