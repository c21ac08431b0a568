package dev.fixpoint.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.env.ResultFormat;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Gradle and Ant log parsers on real logs (Debian's Gradle 4.4.1 with SWE-bench's testLogging block, Ant's
 * JUnit task with lombok's own formatter; recorded by {@code scripts/make-parser-fixtures --only jvm}) and on a
 * hand-made log of Gradle's interleaving race. Every fixture is also read exactly against its {@code .expected}
 * file by {@link MultilingualLogParsersTest}.
 */
class JvmLogParsersTest {

    @Test
    void bothFormatsAreRegisteredThroughServiceLoaderAndReadTheirRealLogs() {
        Map<ResultFormat, LogParser> own = new JvmLogParsers().parsers();
        assertEquals(Set.of(ResultFormat.GRADLE_LOG, ResultFormat.ANT), own.keySet());
        assertTrue(LogParsers.formats().containsAll(own.keySet()), "registered through ServiceLoader");
        for (String real : List.of("gradle_log/gradle-test.log", "ant/test-instance.log")) {
            LogFixture f = LogFixture.read(LogFixture.root().resolve(real + ".expected"));
            TestResults r = LogFixture.parse(f.format(), f.text());
            assertEquals(f.outcomes(), r.outcomes(), real);
            assertEquals(own.get(f.format()).parse(f.text(), Set.of()), r, real);
            assertTrue(r.outcomes().containsValue(TestOutcome.PASSED) && r.outcomes().containsValue(TestOutcome.FAILED),
                    real + " holds passing and failing tests");
        }
    }

    @Test
    void gradleReadsNamesWithSpacesAndArrowsAndAFailedClassSetup() {
        assertFoundAsListed(LogFixture.parse(ResultFormat.GRADLE_LOG, LogFixture.named("gradle_log/gradle-test.log").text()), Map.of(
                "calc.ParameterizedAddTest > add[3 + 3 > 7]", TestOutcome.FAILED,
                "calc.ParameterizedAddTest > add[1 + 1 > 2]", TestOutcome.PASSED,
                "calc.BrokenSetupTest > classMethod", TestOutcome.FAILED));
    }

    /** Each name, as a FAIL_TO_PASS / PASS_TO_PASS list writes it (SWE-bench's key), is found with its outcome. */
    private static void assertFoundAsListed(TestResults r, Map<String, TestOutcome> listed) {
        listed.forEach((name, outcome) -> assertEquals(outcome, r.lookup(name).orElse(null), name));
    }

    @Test
    void gradleTakesNothingATestPrintsForAResult() {
        String log = LogFixture.named("gradle_log/gradle-test.log").text();
        // the real log holds these printed lines, indented by Gradle; SWE-bench's parser records both as tests
        assertTrue(log.contains("\n    calc.CalculatorTest > notATest FAILED\n"));
        assertTrue(log.contains("\n    a line the test prints, ending like a result PASSED\n"));
        assertTrue(log.contains("\n:test FAILED\n"));
        Map<String, TestOutcome> read = LogFixture.parse(ResultFormat.GRADLE_LOG, log).outcomes();
        assertFalse(read.containsKey("calc.CalculatorTest > notATest"), read.toString());
        assertTrue(read.keySet().stream().allMatch(n -> n.startsWith("calc.") && n.contains(" > ")), read.toString());
    }

    @Test
    void gradleSkippedTestsAreAbsentAsInSweBench() {
        String log = LogFixture.named("gradle_log/gradle-test.log").text();
        assertTrue(log.contains("\ncalc.CalculatorTest > skipped SKIPPED\n"));
        assertTrue(LogFixture.parse(ResultFormat.GRADLE_LOG, log).lookup("calc.CalculatorTest > skipped").isEmpty());
    }

    @Test
    void gradleNameAndStatusSplitByOtherOutputAreJoined() {
        String log = "calc.A > first\nWARNING: System::setSecurityManager will be removed\nPASSED\n"
                + "calc.A > second\n  FAILED\n"
                + "calc.A > third\ncalc.A > fourth PASSED\nPASSED\n"
                + "calc.A > fifth STANDARD_OUT\n    PASSED\n"
                + "calc.A > sixth\n";
        TestResults r = LogFixture.parse(ResultFormat.GRADLE_LOG, log);
        assertEquals(Map.of("calc.A > first", TestOutcome.PASSED, "calc.A > second", TestOutcome.FAILED,
                "calc.A > fourth", TestOutcome.PASSED), r.outcomes());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void antReadsLombokFormatterLinesWithErrorsApartFromFailures() {
        TestResults r = LogFixture.parse(ResultFormat.ANT, LogFixture.named("ant/test-instance.log").text());
        assertFoundAsListed(r, Map.of(
                "dividesByZeroErrors(calc.CalculatorTest)", TestOutcome.ERROR,
                "subtractsWrongOnPurpose(calc.CalculatorTest)", TestOutcome.FAILED,
                "calc.BrokenSetupTest", TestOutcome.ERROR,
                "add[3 + 3 > 7](calc.ParameterizedAddTest)", TestOutcome.FAILED));
        assertTrue(r.lookup("skipped(calc.CalculatorTest)").isEmpty(), "an ignored test prints no line");
    }

    @Test
    void antLinesWithoutTheJunitPrefixAreNotResults() {
        TestResults r = LogFixture.parse(ResultFormat.ANT, "[PASS] adds(calc.CalculatorTest)\n    [java] [PASS] x(y.Z)\n");
        assertEquals(Map.of(), r.outcomes());
        assertEquals(List.of(JvmLogParsers.ANT_LOOKED_FOR), r.problems());
    }

    static Stream<Arguments> garbage() throws IOException {
        return MultilingualLogParsersTest.garbage(new JvmLogParsers().parsers().keySet());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("garbage")
    void aLogWithoutResultsGivesNoneAndSaysWhatWasLookedFor(ResultFormat format, String what, String log) {
        MultilingualLogParsersTest.assertNoResults(format, what, log);
    }
}
