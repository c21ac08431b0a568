package dev.fixpoint.harness.validate;

import static dev.fixpoint.tasks.testing.TextAssertions.assertAllAccepted;
import static dev.fixpoint.tasks.testing.TextAssertions.assertAllRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.harness.results.TestOutcome;
import dev.fixpoint.harness.results.TestResults;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class TestFileScopeTest {

    final Predicate<String> scope = TestFileScope.of(List.of("tests/test_a.py",
            "gson/src/test/java/com/google/gson/JsonArrayTest.java"));

    @Test
    void pytestNodeIdsBelongToTheirPath() {
        assertAllAccepted(scope, "tests/test_a.py::test_x[1-2]", "tests/test_a.py::K::test_y");
        assertAllRejected(scope, "tests/test_b.py::test_x");
    }

    @Test
    void javaTestsBelongToTheirTopLevelClassFile() {
        assertAllAccepted(scope, "com.google.gson.JsonArrayTest#testGet", "com.google.gson.JsonArrayTest$Nested#testGet[1]");
        assertAllRejected(scope, "com.google.gson.JsonArrayTestHelper#testGet", "com.google.gson.GsonTest#testGet");
    }

    @Test
    void namesOfOtherFormsAreKept() {
        assertTrue(scope.test("test_thing (app.tests.ThingTests)"));
    }

    @Test
    void filterKeepsProblemsAndSource() {
        TestResults r = new TestResults(Map.of("tests/test_a.py::t", TestOutcome.PASSED, "tests/test_b.py::t",
                TestOutcome.FAILED), "pytest_log", List.of("note"));
        TestResults kept = TestFileScope.filter(List.of(r), scope).get(0);
        assertEquals(Map.of("tests/test_a.py::t", TestOutcome.PASSED), kept.outcomes());
        assertEquals("pytest_log", kept.source());
        assertEquals(List.of("note"), kept.problems());
    }
}
