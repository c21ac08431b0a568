package dev.fixpoint.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PytestLogParserTest {

    static String resource(String name) throws IOException {
        try (InputStream in = PytestLogParserTest.class.getResourceAsStream("/harness/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsRealPytest7SummaryLines() throws IOException {
        // Recorded from pytest 7.2 in fixpoint/python with -rA.
        TestResults r = PytestLogParser.parse(resource("pytest-rA.log"));
        Map<String, TestOutcome> expected = Map.ofEntries(
                Map.entry("tests/test_x.py::test_ok", TestOutcome.PASSED),
                Map.entry("tests/test_x.py::test_param[a b]", TestOutcome.PASSED),
                Map.entry("tests/test_x.py::test_param[x[1]]", TestOutcome.PASSED),
                Map.entry("tests/test_x.py::test_param[p::q]", TestOutcome.PASSED),
                Map.entry("tests/test_x.py::test_param[[]", TestOutcome.PASSED),
                Map.entry("tests/test_x.py::test_param[\\xe9]", TestOutcome.PASSED),
                Map.entry("tests/test_x.py::TestK::test_m", TestOutcome.PASSED),
                Map.entry("tests/test_x.py::test_xfail", TestOutcome.PASSED),
                Map.entry("tests/test_x.py::test_xpass", TestOutcome.PASSED),
                Map.entry("tests/test_x.py::test_err", TestOutcome.ERROR),
                Map.entry("tests/test_x.py::test_fail", TestOutcome.FAILED),
                Map.entry("tests/test_x.py::test_param[m - n]", TestOutcome.FAILED));
        assertEquals(expected, r.outcomes());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(PytestLogParser.SOURCE, r.source());
    }

    @Test
    void failedMessageSuffixIsNotPartOfTheId() {
        TestResults r = PytestLogParser.parse("""
                FAILED t.py::test_a - assert x[0] == 1
                FAILED t.py::test_b[1-2] - AssertionError: a - b
                ERROR t.py::test_c[a - b] - RuntimeError
                FAILED t.py::test_d[a] b] - boom
                """);
        assertEquals(TestOutcome.FAILED, r.outcomes().get("t.py::test_a"));
        assertEquals(TestOutcome.FAILED, r.outcomes().get("t.py::test_b[1-2]"));
        assertEquals(TestOutcome.ERROR, r.outcomes().get("t.py::test_c[a - b]"));
        // Unbalanced: bracket depth closes at "a]"; the ambiguity is settled by the names we expect.
        assertEquals(Set.of("t.py::test_a", "t.py::test_b[1-2]", "t.py::test_c[a - b]", "t.py::test_d[a]"),
                r.outcomes().keySet());
        TestResults withExpected = PytestLogParser.parse("FAILED t.py::test_d[a] b] - boom\n",
                Set.of("t.py::test_d[a] b]"));
        assertEquals(Set.of("t.py::test_d[a] b]"), withExpected.outcomes().keySet());
    }

    @Test
    void ignoresFoldedSkipsAndReadsVerboseLinesAndColours() {
        TestResults r = PytestLogParser.parse("""
                SKIPPED [2] tests/test_y.py:12: no network
                SKIPPED tests/test_y.py::test_s
                tests/test_y.py::test_v PASSED                                [ 50%]
                tests/test_y.py::test_w FAILED                                [100%]
                \u001B[32mPASSED\u001B[0m tests/test_y.py::test_col
                some PASSED text that is not a test line
                """);
        assertEquals(Map.of("tests/test_y.py::test_s", TestOutcome.SKIPPED,
                "tests/test_y.py::test_v", TestOutcome.PASSED,
                "tests/test_y.py::test_w", TestOutcome.FAILED,
                "tests/test_y.py::test_col", TestOutcome.PASSED), r.outcomes());
    }

    @Test
    void aTestReportedTwiceKeepsTheWorseOutcome() {
        TestResults r = PytestLogParser.parse("PASSED a.py::t\nERROR a.py::t - teardown failed\n");
        assertEquals(TestOutcome.ERROR, r.outcomes().get("a.py::t"));
    }

    @Test
    void emptyLogIsAProblemNotAnException() {
        TestResults r = PytestLogParser.parse("Traceback (most recent call last):\nImportError: no module\n");
        assertTrue(r.outcomes().isEmpty());
        assertFalse(r.problems().isEmpty());
    }

    @Test
    void lookupByFullIdOrLastPart() {
        TestResults r = PytestLogParser.parse("""
                PASSED tests/test_x.py::TestK::test_m
                PASSED tests/test_x.py::test_p[a::b]
                PASSED tests/a.py::test_dup
                FAILED tests/b.py::test_dup
                """);
        assertEquals(Optional.of(TestOutcome.PASSED), r.lookup("tests/test_x.py::TestK::test_m"));
        assertEquals(Optional.of(TestOutcome.PASSED), r.lookup("test_m"));
        assertEquals(Optional.of(TestOutcome.PASSED), r.lookup("test_p[a::b]"));
        // A short name matching two tests needs both to pass.
        assertEquals(Optional.of(TestOutcome.FAILED), r.lookup("test_dup"));
        assertEquals(Optional.empty(), r.lookup("tests/test_x.py::test_m"));
        assertEquals(Optional.empty(), r.lookup("test_missing"));
    }

    @Test
    void lastPartIgnoresColonsInsideBrackets() {
        assertEquals("test_p[a::b]", TestNames.lastPart("t.py::C::test_p[a::b]"));
        assertEquals("test_q", TestNames.lastPart("t.py::test_q"));
        assertEquals("plain", TestNames.lastPart("plain"));
    }
}
