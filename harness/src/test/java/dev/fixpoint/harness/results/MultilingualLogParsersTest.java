package dev.fixpoint.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.env.ResultFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Go, Rust, JavaScript, PHP and Ruby log parsers on real logs of their frameworks (recorded by
 * {@code scripts/make-parser-fixtures} from the tiny projects in {@code harness/src/test/parser-projects}) and on
 * hand-made logs with known pitfalls; what each must read is in the {@code .expected} file beside each log.
 */
class MultilingualLogParsersTest {

    static List<LogFixture> fixtures() {
        return LogFixture.all();
    }

    /** The formats the garbage inputs are fed to: this family's and the other providers' of the package. */
    static Set<ResultFormat> formats() {
        Set<ResultFormat> formats = EnumSet.copyOf(new MultilingualLogParsers().parsers().keySet());
        formats.addAll(new NativeLogParsers().parsers().keySet());
        return formats;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsEveryTestOfTheLogWithItsOutcome(LogFixture f) {
        TestResults r = LogFixture.parse(f.format(), f.text());
        assertEquals(f.outcomes(), r.outcomes(), f.name());
        assertEquals(LogParsers.name(f.format()), r.source());
        if (f.problems().isEmpty()) {
            assertEquals(List.of(), r.problems(), f.name());
        } else {
            for (String problem : f.problems()) {
                assertTrue(r.problems().stream().anyMatch(p -> p.contains(problem)),
                        f.name() + ": no problem holds '" + problem + "' in " + r.problems());
            }
        }
    }

    @Test
    void everyFormatOfTheFamilyIsRegisteredAndHasARealLog() {
        Map<ResultFormat, LogParser> own = new MultilingualLogParsers().parsers();
        assertEquals(15, own.size(), own.keySet().toString());
        assertTrue(LogParsers.formats().containsAll(own.keySet()), "registered through ServiceLoader");
        for (ResultFormat format : own.keySet()) {
            LogFixture real = fixtures().stream().filter(f -> f.format() == format
                            && !f.name().endsWith(".handmade.log") && !f.outcomes().isEmpty()).findFirst()
                    .orElseThrow(() -> new AssertionError(format + " has no real log with results"));
            assertEquals(own.get(format).parse(real.text(), Set.of()), LogFixture.parse(format, real.text()), real.name());
        }
    }

    static Stream<Arguments> garbage() throws IOException {
        return garbage(formats());
    }

    /** Logs without results of any of {@code formats}: for every family's test of what an empty log gives. */
    static Stream<Arguments> garbage(Set<ResultFormat> formats) throws IOException {
        String pytest = PytestLogParserTest.resource("pytest-rA.log");
        Random random = new Random(14);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 5000; i++) noise.append((char) (random.nextInt(0x2600) + 9));
        return formats.stream().flatMap(format -> Stream.of(
                Arguments.of(format, "empty", ""),
                Arguments.of(format, "blank lines", "\n\r\n  \n"),
                Arguments.of(format, "prose", "Building...\nerror: could not compile `x` due to previous error\n"),
                Arguments.of(format, "a pytest log", pytest),
                Arguments.of(format, "random characters", noise.toString()),
                Arguments.of(format, "a JSON object of something else", "{\"stats\": 3, \"examples\": \"x\"}\n")));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("garbage")
    void aLogWithoutResultsGivesNoneAndSaysWhatWasLookedFor(ResultFormat format, String what, String log) {
        assertNoResults(format, what, log);
    }

    static void assertNoResults(ResultFormat format, String what, String log) {
        TestResults r = LogFixture.parse(format, log);
        assertEquals(Map.of(), r.outcomes(), format + " read tests from " + what);
        assertFalse(r.problems().isEmpty());
        assertTrue(r.problems().get(0).startsWith("no "), r.problems().get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void windowsLineEndingsReadTheSame(LogFixture f) {
        String crlf = f.text().replace("\r\n", "\n").replace("\n", "\r\n");
        assertEquals(f.outcomes(), LogFixture.parse(f.format(), crlf).outcomes(), f.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void progressRedrawnWithCarriageReturnsReadsAsTheTerminalShowsIt(LogFixture f) {
        if (Set.of(ResultFormat.GO_TEST_JSON, ResultFormat.JEST_JSON, ResultFormat.MOCHA_JSON, ResultFormat.RSPEC_JSON)
                .contains(f.format())) {
            return; // JSON reports are not drawn on a terminal
        }
        String redrawn = f.text().lines().map(l -> "[  1/9] compiling\r[  9/9] done  \r" + l)
                .reduce("", (a, b) -> a + b + "\n");
        assertEquals(f.outcomes(), LogFixture.parse(f.format(), redrawn).outcomes(), f.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aLogCutInTheMiddleGivesOnlyTestsOfTheLogAndNeverAPassThatWasNot(LogFixture f) {
        // cut after a whole line: a half-printed last line can only yield a name no list holds
        String text = f.text();
        for (int at : new int[] {text.length() / 3, text.length() / 2, text.length() * 9 / 10}) {
            int cut = text.lastIndexOf('\n', at) + 1;
            TestResults r = LogFixture.parse(f.format(), text.substring(0, cut));
            r.outcomes().forEach((name, outcome) -> {
                assertTrue(f.outcomes().containsKey(name), f.name() + " cut at " + cut + ": invented " + name);
                if (outcome != f.outcomes().get(name)) {
                    // only a test the cut interrupted may differ, and only towards failure
                    assertEquals(TestOutcome.FAILED, outcome, f.name() + " cut at " + cut + ": " + name);
                }
            });
            if (r.outcomes().isEmpty()) assertFalse(r.problems().isEmpty(), f.name() + " cut at " + cut);
        }
    }

    @Test
    void aCutJsonReportIsNoResultAndTheProblemSaysItDoesNotParse() {
        Set<ResultFormat> reports = Set.of(ResultFormat.JEST_JSON, ResultFormat.MOCHA_JSON, ResultFormat.RSPEC_JSON);
        int cut = 0;
        for (LogFixture f : fixtures()) {
            if (!reports.contains(f.format()) || !f.name().endsWith("/json.log")) continue;
            cut++;
            String text = f.text();
            int start = text.indexOf("{\"") >= 0 ? text.indexOf("{\"") : text.indexOf("{\n");
            TestResults r = LogFixture.parse(f.format(), text.substring(0, start + (text.length() - start) / 2));
            assertEquals(Map.of(), r.outcomes(), f.name());
            assertTrue(r.problems().stream().anyMatch(p -> p.contains("does not parse")), f.name() + ": " + r.problems());
        }
        assertEquals(4, cut, "Jest, Vitest, Mocha and RSpec JSON reports");
    }

    @Test
    void terminalHyperlinksAndColoursAroundANameAreDropped() {
        String link = "\u001B]8;;file:///work/test/calc.test.js\u001B\\";
        String end = "\u001B]8;;\u0007";
        String log = "  \u001B[32m✓\u001B[39m " + link + "adds two numbers" + end + " \u001B[2m(2 ms)\u001B[22m\n";
        assertEquals(Map.of("adds two numbers", TestOutcome.PASSED), LogFixture.parse(ResultFormat.JEST, log).outcomes());
    }

    @Test
    void goResultsGluedToATestsPrintAreRead() {
        // real logs: TestPrintsNoNewline prints without a newline; Go 1.19's test2json then drops its pass event
        String log = LogFixture.named("go_test/test-v.log").text();
        assertTrue(log.contains("partial line without newline--- PASS: TestPrintsNoNewline (0.00s)"));
        assertEquals(TestOutcome.PASSED, LogFixture.parse(ResultFormat.GO_TEST, log).outcomes().get("TestPrintsNoNewline"));
        String json = LogFixture.named("go_test_json/test-json.log").text();
        assertFalse(json.contains("\"Action\":\"pass\",\"Package\":\"example.com/fixtures/calc\",\"Test\":\"TestPrintsNoNewline\""));
        assertEquals(TestOutcome.PASSED, LogFixture.parse(ResultFormat.GO_TEST_JSON, json).outcomes().get("TestPrintsNoNewline"));
    }

    @Test
    void listedNamesAreFoundTheWaySweBenchListsThem() {
        TestResults go = LogFixture.parse(ResultFormat.GO_TEST, LogFixture.named("go_test/test-v.log").text());
        assertEquals(TestOutcome.FAILED, go.lookup("TestTable/wrong_on_purpose").orElseThrow());
        assertEquals(TestOutcome.PASSED, go.lookup("TestTable/negative/zero/commutes").orElseThrow());
        TestResults cargo = LogFixture.parse(ResultFormat.CARGO_TEST, LogFixture.named("cargo_test/cargo-test.log").text());
        assertEquals(TestOutcome.PASSED, cargo.lookup("tests::divides_by_zero").orElseThrow());
        assertEquals(TestOutcome.FAILED, cargo.lookup("src/lib.rs - div (line 18)").orElseThrow());
        TestResults jest = LogFixture.parse(ResultFormat.JEST_JSON, LogFixture.named("jest_json/json-jq.log").text());
        assertEquals(TestOutcome.FAILED, jest.lookup("same title in two blocks > second > works").orElseThrow());
        assertEquals(TestOutcome.PASSED, jest.lookup("same title in two blocks > first > works").orElseThrow());
        TestResults php = LogFixture.parse(ResultFormat.PHPUNIT, LogFixture.named("phpunit/testdox.log").text());
        assertEquals(TestOutcome.FAILED, php.lookup("Calculator > Sums with data set \"wrong sum\"").orElseThrow());
        // jekyll__jekyll-8761 lists its FAIL_TO_PASS test as 'features/post_data.feature:30  Scenario: Use page.name variable'
        TestResults jekyll = LogFixture.parse(ResultFormat.CUCUMBER, LogFixture.named("cucumber/jekyll-cut.handmade.log").text());
        assertEquals(TestOutcome.FAILED,
                jekyll.lookup("features/post_data.feature:30  Scenario: Use page.name variable").orElseThrow());
        // parse_log_karma enters only deeper suites: hydrate()'s test is keyed under div(), the suite entered before
        TestResults karma = LogFixture.parse(ResultFormat.KARMA, LogFixture.named("karma/grep-one-file.log").text());
        assertEquals(TestOutcome.FAILED, karma.lookup("calc > div() > should work").orElseThrow());
        assertTrue(karma.lookup("calc > hydrate() > should work").isEmpty());
    }

    @Test
    void phpunitJunitReportsAreReadByTheJunitXmlParser() throws IOException {
        byte[] xml = Files.readAllBytes(LogFixture.root().resolve("phpunit_junit/junit.xml"));
        TestResults r = JUnitXmlParser.parse(Map.of("junit.xml", xml));
        assertEquals(List.of(), r.problems());
        assertEquals(11, r.outcomes().size(), r.outcomes().toString());
        assertEquals(TestOutcome.ERROR, r.outcomes().get("Fixtures.Tests.CalculatorTest#testDividesByZeroErrors"));
        assertEquals(TestOutcome.FAILED,
                r.outcomes().get("Fixtures.Tests.CalculatorTest#testSums with data set \"wrong sum\""));
        assertEquals(TestOutcome.SKIPPED, r.outcomes().get("Fixtures.Tests.CalculatorTest#testIncomplete"));
        assertEquals(TestOutcome.PASSED, r.outcomes().get("Fixtures.Tests.StringsTest#test_snake_case_name"));
    }

    @Test
    void fixturesAreUtf8TextWithTheirColoursKept() throws IOException {
        for (LogFixture f : fixtures()) {
            String text = new String(Files.readAllBytes(f.log()), StandardCharsets.UTF_8);
            assertFalse(text.contains("\uFFFD"), f.name() + " is not UTF-8");
            if (f.name().contains("color")) assertTrue(text.contains("\u001B["), f.name() + " has no ANSI colours");
        }
    }

}
