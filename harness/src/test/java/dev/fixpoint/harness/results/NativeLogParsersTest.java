package dev.fixpoint.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The C/C++ family's parsers (GoogleTest through ctest, doctest's XML reporter, automake's {@code make check} as
 * jq runs it) on the real logs recorded by {@code scripts/make-parser-fixtures --only cpp} and on the pitfalls
 * of each format. Every fixture is also read whole, with CRLF line ends, redrawn and cut by
 * {@link MultilingualLogParsersTest}, which feeds these formats its garbage inputs too.
 */
class NativeLogParsersTest {

    private static final Set<ResultFormat> OWN = Set.of(ResultFormat.GOOGLETEST, ResultFormat.DOCTEST, ResultFormat.JQ);


    @Test
    void everyFormatIsRegisteredThroughServiceLoaderAndHasARealLogWithPassesAndFailures() {
        Map<ResultFormat, LogParser> own = new NativeLogParsers().parsers();
        assertTrue(own.keySet().containsAll(OWN), own.keySet().toString());
        assertTrue(LogParsers.formats().containsAll(OWN), "registered through ServiceLoader");
        for (ResultFormat format : OWN) {
            LogFixture real = LogFixture.all().stream().filter(f -> f.format() == format
                            && !f.name().endsWith(".handmade.log")
                            && f.outcomes().containsValue(TestOutcome.PASSED)
                            && f.outcomes().containsValue(TestOutcome.FAILED)).findFirst()
                    .orElseThrow(() -> new AssertionError(format + " has no real log with passes and failures"));
            assertEquals(own.get(format).parse(real.text(), Set.of()), LogFixture.parse(format, real.text()), real.name());
            assertEquals(real.outcomes(), LogFixture.parse(format, real.text()).outcomes(), real.name());
        }
    }

    @Test
    void googleTestNamesAParametrisedTestWithItsParameterWhenItFailsAndSkipsTheEndOfRunList() {
        String log = LogFixture.named("googletest/ctest-v.log").text();
        assertTrue(log.contains("1: [  FAILED  ] Small/AddParamTest.Sums/1, where GetParam() = (2, 2, 5)\n"));
        TestResults r = LogFixture.parse(ResultFormat.GOOGLETEST, log);
        assertEquals(TestOutcome.FAILED, r.outcomes().get("Small/AddParamTest.Sums/1, where GetParam() = (2, 2, 5)"));
        assertEquals(TestOutcome.PASSED, r.outcomes().get("Small/AddParamTest.Sums/0"));
        // SWE-bench's pattern also reads the end-of-run list there, as "...Sums/1, where GetParam() ="
        assertFalse(r.outcomes().keySet().stream().anyMatch(name -> name.endsWith("=")), r.outcomes().toString());
        assertEquals(TestOutcome.SKIPPED, r.outcomes().get("CalcTest.SkippedAtRunTime"));
        assertFalse(r.outcomes().containsKey("CalcTest.DISABLED_NotRunYet"));
        assertTrue(log.contains("partial line without newline[       OK ] CalcTest.PrintsWithoutNewline (0 ms)"));
        assertEquals(TestOutcome.PASSED, r.outcomes().get("CalcTest.PrintsWithoutNewline"));
    }

    @Test
    void doctestKeepsTheLastVerdictOfASubcaseEnteredOncePerLeafAsSweBenchDoes() {
        String log = LogFixture.named("doctest/build-and-run-s-xml.log").text();
        TestResults r = LogFixture.parse(ResultFormat.DOCTEST, log);
        // "parent" is written twice: around the failing first leaf, then around the passing second one
        assertEquals(TestOutcome.FAILED, r.outcomes().get("entered twice > first leaf fails"));
        assertEquals(TestOutcome.PASSED, r.outcomes().get("entered twice > parent"));
        // "outer": passing around its first leaf, failing around its second
        assertEquals(TestOutcome.FAILED, r.outcomes().get("nested > outer"));
        assertEquals(TestOutcome.PASSED, r.outcomes().get("nested > deeper"));
        // test cases without subcases are no tests; XML escapes are read
        assertTrue(log.contains("<TestCase name=\"fails without subcases\""));
        assertFalse(r.outcomes().keySet().stream().anyMatch(name -> name.contains("without subcases")));
        assertEquals(TestOutcome.FAILED, r.outcomes().get("names with <xml> & \"quotes\" > vector<int> == [1, 2]"));
        assertEquals(List.of(), r.problems());
    }

    @Test
    void aDoctestReportCutShortOrBrokenByPrintedTextIsNoResultWithAProblemSayingWhy() {
        String log = LogFixture.named("doctest/build-and-run-s-xml.log").text();
        int tail = log.indexOf("  <TestSuite name=\"suite\">");
        TestResults cut = LogFixture.parse(ResultFormat.DOCTEST, log.substring(0, tail));
        assertEquals(Map.of(), cut.outcomes());
        assertTrue(cut.problems().stream().anyMatch(p -> p.contains("at line 15 has no </doctest>")),
                cut.problems().toString());

        String printed = log.replace("printed by the test, inside the XML report", "printed 1 < 2 into the report");
        TestResults broken = LogFixture.parse(ResultFormat.DOCTEST, printed);
        assertEquals(Map.of(), broken.outcomes());
        assertTrue(broken.problems().stream().anyMatch(p -> p.contains("at line 15 does not parse")),
                broken.problems().toString());
    }

    @Test
    void jqTestsAreItsTestScriptsAsAutomakePrintsThem() {
        TestResults automake = LogFixture.parse(ResultFormat.JQ, LogFixture.named("jq/automake-make-check.log").text());
        assertEquals(TestOutcome.FAILED, automake.outcomes().get("tests/xpasstest"));
        assertEquals(TestOutcome.ERROR, automake.outcomes().get("tests/errortest"));
        assertFalse(automake.outcomes().containsKey("tests/xfailtest"), "SWE-bench does not read XFAIL");
        // the summary's "# PASS:  3" is no test, nor what a test script printed into its own log
        assertFalse(automake.outcomes().keySet().stream()
                .anyMatch(n -> n.matches("\\d+") || n.contains("not a result")));

        String jq = LogFixture.named("jq/jq-make-check-failing.log").text();
        TestResults r = LogFixture.parse(ResultFormat.JQ, jq);
        assertEquals(TestOutcome.FAILED, r.outcomes().get("tests/jqtest"));
        assertEquals(TestOutcome.PASSED, r.outcomes().get("tests/shtest"));
        // jq --run-tests' own lines ("Test #12: ...", "402 of 403 tests passed") stay in tests/jqtest.log
        assertFalse(jq.contains("tests passed ("), "jq's per-test output reached the console");
    }
}
