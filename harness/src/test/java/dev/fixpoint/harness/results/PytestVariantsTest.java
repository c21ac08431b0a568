package dev.fixpoint.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PytestVariantsTest {

    private static final String P = "tests/test_params.py::";

    /** What pytest 7.2 reported for projects/pytest-params (see logs/README.md), as the plain format reads it. */
    private static Map<String, TestOutcome> plainOutcomes() {
        Map<String, TestOutcome> m = new TreeMap<>();
        m.put("tests/test_nested.py::test_inner_run_prints_progress", TestOutcome.PASSED);
        m.put(P + "test_path_exists[/w/tests/test_params.py]", TestOutcome.PASSED);
        m.put(P + "test_path_exists[/usr/lib/python3/dist-packages/pytest/__init__.py]", TestOutcome.PASSED);
        m.put(P + "test_path_exists[relative/x.py]", TestOutcome.FAILED);
        m.put(P + "test_button[MouseButton.LEFT]", TestOutcome.PASSED);
        m.put(P + "test_button[MouseButton.RIGHT]", TestOutcome.PASSED);
        m.put(P + "test_odd_ids[a - b]", TestOutcome.PASSED);
        m.put(P + "test_odd_ids[with space]", TestOutcome.PASSED);
        m.put(P + "test_odd_ids[x[1]]", TestOutcome.FAILED);
        m.put(P + "test_fails", TestOutcome.FAILED);
        m.put(P + "test_xfail", TestOutcome.PASSED);
        m.put(P + "test_error", TestOutcome.ERROR);
        return m;
    }

    @Test
    void plainAndColouredRealLogsReadTheSameAndProgressLinesNameNoTest() {
        TestResults plain = LogParsers.of(ResultFormat.PYTEST_LOG).parse(Logs.read("python/pytest-params.log"), Set.of());
        assertEquals(plainOutcomes(), plain.outcomes());
        TestResults coloured = LogParsers.of(ResultFormat.PYTEST_LOG)
                .parse(Logs.read("python/pytest-params-color.log"), Set.of());
        assertTrue(Logs.read("python/pytest-params-color.log").contains("\u001B[32mPASSED\u001B[0m"));
        assertEquals(plainOutcomes(), coloured.outcomes());
        assertEquals(plainOutcomes(), LogParsers.of(ResultFormat.PYTEST_V2)
                .parse(Logs.read("python/pytest-params-color.log"), Set.of()).outcomes());
    }

    @Test
    void optionsFormatCutsAbsolutePathParametersToTheirLastSegment() {
        TestResults r = LogParsers.of(ResultFormat.PYTEST_OPTIONS).parse(Logs.read("python/pytest-params.log"), Set.of());
        Map<String, TestOutcome> expected = plainOutcomes();
        expected.remove(P + "test_path_exists[/w/tests/test_params.py]");
        expected.remove(P + "test_path_exists[/usr/lib/python3/dist-packages/pytest/__init__.py]");
        expected.put(P + "test_path_exists[/test_params.py]", TestOutcome.PASSED);
        expected.put(P + "test_path_exists[/__init__.py]", TestOutcome.PASSED);
        assertEquals(expected, r.outcomes());
        assertEquals("pytest_options", r.source());
        assertEquals("t.py::a[//net/x]", PytestLogParser.cutPathParameter("t.py::a[//net/x]"));
        assertEquals("t.py::a[/src/*.py]", PytestLogParser.cutPathParameter("t.py::a[/src/*.py]"));
    }

    @Test
    void matplotlibFormatReadsMouseButtonsAsTheirValues() {
        TestResults r = LogParsers.of(ResultFormat.MATPLOTLIB).parse(Logs.read("python/pytest-params.log"), Set.of());
        assertEquals(TestOutcome.PASSED, r.outcomes().get(P + "test_button[1]"));
        assertEquals(TestOutcome.PASSED, r.outcomes().get(P + "test_button[3]"));
        assertFalse(r.outcomes().containsKey(P + "test_button[MouseButton.LEFT]"));
    }

    @Test
    void progressArtifactsAreReadOnlyWhenTheListsNameThemAsSweBenchDoes() {
        String log = Logs.read("python/pytest-progress-handmade.log");
        TestResults bare = PytestLogParser.parse(log, Set.of());
        assertEquals(Set.of("testing/logging/test_reporting.py::test_log_cli_level",
                "testing/logging/test_reporting.py::test_sections_single_new_line_after_test_outcome",
                "testing/logging/test_reporting.py::test_log_cli_enabled_disabled[True]"), bare.outcomes().keySet());
        // pytest-dev__pytest-5227's PASS_TO_PASS names these three progress words.
        Set<String> listed = Set.of("[100%]", "[", "[100%]------------------------------",
                "testing/logging/test_reporting.py::test_log_cli_level");
        TestResults withLists = PytestLogParser.parse(log, listed);
        for (String word : listed) assertEquals(TestOutcome.PASSED, withLists.outcomes().get(word), word);
        assertEquals(6, withLists.outcomes().size());
    }
}
