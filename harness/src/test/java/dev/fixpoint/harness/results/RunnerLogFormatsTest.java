package dev.fixpoint.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Redis/Valkey's Tcl suite and MicroPython's run-tests.py ({@link RunnerLogFormats}) on real logs of the projects'
 * own runners, recorded by {@code scripts/make-parser-fixtures --only runners --mirrors /work/.mirror} with a few
 * expected values changed on purpose, and on hand-made logs of the lines those runners print when a run goes wrong.
 * Every fixture is also read whole, with CRLF line ends, redrawn and cut by {@link MultilingualLogParsersTest},
 * which feeds these formats its garbage inputs too.
 */
class RunnerLogFormatsTest {

    @ParameterizedTest
    @EnumSource(names = {"REDIS_TCL", "MICROPYTHON"})
    void registeredThroughServiceLoaderAndReadingARealLogWithPassesAndFailures(ResultFormat format) {
        LogParser own = new NativeLogParsers().parsers().get(format);
        assertTrue(own != null && LogParsers.formats().contains(format), format + " registered");
        LogFixture real = LogFixture.all().stream().filter(f -> f.format() == format
                        && !f.name().endsWith(".handmade.log")
                        && f.outcomes().containsValue(TestOutcome.PASSED)
                        && f.outcomes().containsValue(TestOutcome.FAILED)).findFirst()
                .orElseThrow(() -> new AssertionError(format + " has no real log with passes and failures"));
        TestResults r = LogFixture.parse(format, real.text());
        assertEquals(own.parse(real.text(), Set.of()), r, real.name());
        assertEquals(real.outcomes(), r.outcomes(), real.name());
        assertEquals(LogParsers.name(format), r.source());
    }

    @Test
    void redisFailuresLoseOnlyTheFileAndPassesKeepANameEndingInInWord() {
        TestResults list = LogFixture.parse(ResultFormat.REDIS_TCL, LogFixture.named("redis_tcl/list-only.log").text());
        assertEquals(Optional.of(TestOutcome.FAILED),
                list.lookup("LPOP/RPOP with <count> against non existing key in RESP3"));
        assertEquals(Optional.of(TestOutcome.PASSED),
                list.lookup("LPOP/RPOP with <count> against non existing key in RESP2"));
        // an ok name ending in "in WORD" is whole: stripping " in FILE" from every line would cut it
        assertEquals(Optional.of(TestOutcome.PASSED), list.lookup("LPOP/RPOP against non existing key in RESP3"));
        assertFalse(list.outcomes().containsKey("LPOP/RPOP against non existing key"));
        // 209 [skip] lines of 184 names (both encodings run the same tests) and one [ignore]; 83 [ok] lines
        assertEquals(Map.of(TestOutcome.PASSED, 80L, TestOutcome.FAILED, 1L, TestOutcome.SKIPPED, 185L), count(list));
        // SWE-bench's key for an ignored test keeps the reason
        assertEquals(TestOutcome.SKIPPED,
                list.outcomes().get("Test LPUSH and LPOP on plain nodes over 4GB: large memory flag not provided"));
    }

    @Test
    void redisErrorDetailsAndTheEndOfRunListAreNoTests() {
        String log = LogFixture.named("redis_tcl/incr.log").text();
        TestResults r = LogFixture.parse(ResultFormat.REDIS_TCL, log);
        // a Tcl error under --durable: [err] with the error info below it
        assertTrue(log.contains("[err]: INCRBYFLOAT decrement in tests/unit/type/incr.tcl\n"));
        assertTrue(log.contains("\n\"uplevel 1 $code\"\n"));
        assertRead(r, Map.of("INCR fails against key with spaces (left)", TestOutcome.FAILED,
                "INCR fails against key with spaces (right)", TestOutcome.PASSED,
                "INCRBYFLOAT decrement", TestOutcome.FAILED));
        assertEquals(Map.of(TestOutcome.PASSED, 30L, TestOutcome.FAILED, 3L), count(r));

        assertNoTestFrom(ResultFormat.REDIS_TCL, log, "!!! WARNING The following tests failed:",
                "*** [err]: INCRBYFLOAT decrement in tests/unit/type/incr.tcl");
    }

    @Test
    void aColouredRedisLogReadsAsThePlainOne() {
        String coloured = LogFixture.named("redis_tcl/incr-color.log").text();
        assertTrue(coloured.contains("[\u001B[0;31;49merr\u001B[0m]: INCRBYFLOAT decrement in tests/"), "coloured");
        assertEquals(LogFixture.parse(ResultFormat.REDIS_TCL, LogFixture.named("redis_tcl/incr.log").text()).outcomes(),
                LogFixture.parse(ResultFormat.REDIS_TCL, coloured).outcomes());
    }

    @Test
    void micropythonTestsAreTheTestFilesAndTheSummaryIsNone() {
        String log = LogFixture.named("micropython/fun.log").text();
        TestResults r = LogFixture.parse(ResultFormat.MICROPYTHON, log);
        assertRead(r, Map.of("basics/fun_callstar_kwarg.py", TestOutcome.FAILED,
                "basics/fun_code.py", TestOutcome.SKIPPED));
        assertEquals(Map.of(TestOutcome.PASSED, 23L, TestOutcome.FAILED, 1L, TestOutcome.SKIPPED, 4L), count(r));
        assertNoTestFrom(ResultFormat.MICROPYTHON, log, "24 tests performed",
                "4 tests skipped: basics/fun_code.py basics/fun_code_colines.py");
    }

    @Test
    void aMicropythonUnittestIsFoundOnlyByTheNameWithTheRunnersCounts() {
        TestResults r = LogFixture.parse(ResultFormat.MICROPYTHON, LogFixture.named("micropython/unittest-flaky-summary.handmade.log").text());
        // SWE-bench's key: lossy, a FAIL_TO_PASS list naming the file alone does not find it
        assertEquals(Optional.of(TestOutcome.FAILED),
                r.lookup("extmod/machine_timer.py (unittest: 3 ran, 1 failures, 0 errors)"));
        assertEquals(Optional.empty(), r.lookup("extmod/machine_timer.py"));
        assertFalse(r.outcomes().containsKey("stress/bytecode_limit.py"), "lrge is no result");
        assertEquals(TestOutcome.FAILED, r.outcomes().get("thread/thread_gc1.py"), "a flaky failure still fails");
    }

    /** Each of {@code some} names a test {@code r} has, with that outcome. */
    private static void assertRead(TestResults r, Map<String, TestOutcome> some) {
        some.forEach((name, outcome) -> assertEquals(outcome, r.outcomes().get(name), name));
    }

    /** The end of {@code log} from {@code start} on, which shows {@code shown}, reads as no test. */
    private static void assertNoTestFrom(ResultFormat format, String log, String start, String shown) {
        String end = log.substring(log.indexOf(start));
        assertTrue(end.contains(shown), shown);
        assertEquals(Map.of(), LogFixture.parse(format, end).outcomes(), "from " + start);
    }

    private static Map<TestOutcome, Long> count(TestResults r) {
        return r.outcomes().values().stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
    }
}
