package dev.fixpoint.harness;

import dev.fixpoint.harness.results.TestOutcome;
import dev.fixpoint.harness.results.TestResults;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraderTest {

    static TestResults results(Map<String, TestOutcome> m) {
        return new TestResults(m, "test", List.of());
    }

    static final List<String> F2P = List.of("t.py::test_b", "t.py::test_a");
    static final List<String> P2P = List.of("t.py::test_c", "t.py::test_d");

    /** The grade of one run in which the F2P tests test_a, test_b and the P2P tests test_c, test_d ended so. */
    static Grade grade(TestOutcome a, TestOutcome b, TestOutcome c, TestOutcome d) {
        return Grader.grade(F2P, P2P, List.of(results(Map.of(
                "t.py::test_a", a, "t.py::test_b", b, "t.py::test_c", c, "t.py::test_d", d))));
    }

    @Test
    void everyListedTestPassingIsFull() {
        Grade g = Grader.grade(F2P, P2P, List.of(results(Map.of(
                "t.py::test_a", TestOutcome.PASSED, "t.py::test_b", TestOutcome.PASSED,
                "t.py::test_c", TestOutcome.PASSED, "t.py::test_d", TestOutcome.PASSED,
                "t.py::other", TestOutcome.FAILED))));
        assertEquals(Resolution.FULL, g.resolution());
        assertTrue(g.resolved());
        assertEquals(List.of("t.py::test_a", "t.py::test_b"), g.failToPass().success()); // sorted
        assertEquals(List.of(), g.failToPass().failure());
    }

    @Test
    void someFailToPassPassingWithNoBrokenPassToPassIsPartial() {
        Grade g = grade(TestOutcome.PASSED, TestOutcome.FAILED, TestOutcome.PASSED, TestOutcome.SKIPPED);
        assertEquals(Resolution.PARTIAL, g.resolution());
        assertFalse(g.resolved());
        assertEquals(List.of("t.py::test_c", "t.py::test_d"), g.passToPass().success()); // skipped P2P is kept
    }

    @Test
    void brokenPassToPassOrNoFailToPassIsNo() {
        Grade broken = grade(TestOutcome.PASSED, TestOutcome.PASSED, TestOutcome.ERROR, TestOutcome.PASSED);
        assertEquals(Resolution.NO, broken.resolution());
        assertEquals(List.of("t.py::test_c"), broken.passToPass().failure());
        Grade none = Grader.grade(F2P, P2P, List.of(results(Map.of(
                "t.py::test_c", TestOutcome.PASSED, "t.py::test_d", TestOutcome.PASSED))));
        assertEquals(Resolution.NO, none.resolution());
        assertEquals(List.of("t.py::test_a", "t.py::test_b"), none.failToPass().failure()); // absent = failed
    }

    @Test
    void skippedFailToPassIsAFailureAsInSweBench() {
        Grade g = Grader.grade(List.of("a"), List.of(), List.of(results(Map.of("x.py::a", TestOutcome.SKIPPED))));
        assertEquals(List.of("a"), g.failToPass().failure());
        assertEquals(Resolution.NO, g.resolution());
    }

    @Test
    void emptyListsHaveRatioOne() {
        assertEquals(Resolution.FULL, Grader.grade(List.of(), List.of(), List.of(results(Map.of()))).resolution());
        assertThrows(IllegalArgumentException.class, () -> Grader.grade(F2P, P2P, List.of()));
    }

    @Test
    void repeatedRunsSeparateFlakyFromRealFailures() {
        TestResults run1 = results(Map.of("t.py::test_a", TestOutcome.PASSED, "t.py::test_b", TestOutcome.PASSED,
                "t.py::test_c", TestOutcome.PASSED, "t.py::test_d", TestOutcome.FAILED, "t.py::x", TestOutcome.PASSED));
        TestResults run2 = results(Map.of("t.py::test_a", TestOutcome.FAILED, "t.py::test_b", TestOutcome.PASSED,
                "t.py::test_c", TestOutcome.PASSED, "t.py::test_d", TestOutcome.FAILED, "t.py::x", TestOutcome.ERROR));
        Grade g = Grader.grade(F2P, P2P, List.of(run1, run2));
        assertEquals(List.of("t.py::test_a"), g.flakyFailToPass());
        assertEquals(List.of("t.py::test_b"), g.failToPass().success());
        assertEquals(List.of(), g.failToPass().failure());
        assertEquals(List.of("t.py::test_d"), g.passToPass().failure()); // failed both times: real failure
        assertEquals(List.of("t.py::test_a", "t.py::x"), g.flakyTests());
        assertEquals(2, g.attempts());
        assertFalse(g.resolved());
    }
}
