package dev.fixpoint.verifiers.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.harness.results.TestOutcome;
import dev.fixpoint.harness.results.TestResults;
import dev.fixpoint.verifiers.select.ExecutionEvidence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecUnitsTest {

    private static VerificationTest file(String selector) {
        return VerificationTest.results("t", VerificationTest.Kind.REPRODUCTION, "generated", Map.of(), selector);
    }

    @Test
    void selectorsMatchFilesClassesAndParametrisedNames() {
        assertTrue(file("tests/test_a.py::").selects("tests/test_a.py::test_x[1]"));
        assertTrue(file("tests/test_a.py::").selects("tests/test_a.py"), "collection error");
        assertFalse(file("tests/test_a.py::").selects("tests/test_ab.py::test_x"));
        assertTrue(file("org.x.FooTest#").selects("org.x.FooTest#bar"));
        assertFalse(file("org.x.FooTest#").selects("org.x.FooTests#bar"));
        assertTrue(file("tests/test_a.py::test_x").selects("tests/test_a.py::test_x[2-3]"));
        assertFalse(file("tests/test_a.py::test_x").selects("tests/test_a.py::test_xy"));
    }

    @Test
    void outcomesFoldIntoOneVerdictPerTest() {
        TestResults results = new TestResults(Map.of(
                "tests/test_a.py::t1", TestOutcome.PASSED, "tests/test_a.py::t2", TestOutcome.FAILED,
                "tests/test_b.py::t1", TestOutcome.PASSED, "tests/test_c.py", TestOutcome.ERROR,
                "tests/test_d.py::t", TestOutcome.SKIPPED), "pytest_log", List.of());

        assertEquals(TestVerdict.FAIL, SandboxTestRunner.verdict(file("tests/test_a.py::"), results, ResultFormat.PYTEST_LOG));
        assertEquals(TestVerdict.PASS, SandboxTestRunner.verdict(file("tests/test_b.py::"), results, ResultFormat.PYTEST_LOG));
        assertEquals(TestVerdict.ERROR, SandboxTestRunner.verdict(file("tests/test_c.py::"), results, ResultFormat.PYTEST_LOG));
        assertEquals(TestVerdict.MISSING, SandboxTestRunner.verdict(file("tests/test_d.py::"), results, ResultFormat.PYTEST_LOG));
        assertEquals(TestVerdict.MISSING, SandboxTestRunner.verdict(file("tests/test_e.py::"), results, ResultFormat.PYTEST_LOG));
        TestResults junit = new TestResults(Map.of("p.FooTest#m", TestOutcome.ERROR), "junit_xml", List.of());
        assertEquals(TestVerdict.FAIL, SandboxTestRunner.verdict(file("p.FooTest#"), junit, ResultFormat.JUNIT_XML),
                "an exception in a JUnit test body is a failure");
    }

    @Test
    void matrixRowsBecomeExecutionEvidence() {
        VerificationTest repro1 = file("tests/test_a.py::");
        VerificationTest repro2 = VerificationTest.script("s", VerificationTest.Kind.REPRODUCTION, "candidate r1",
                Map.of("repro.py", "x"), "python3 repro.py");
        VerificationTest regr = VerificationTest.results("g", VerificationTest.Kind.REGRESSION, "repository", Map.of(),
                "tests/test_b.py::t1");
        Map<String, RunResult> runs = Map.of(
                "r0", new RunResult(true, Map.of("t", TestVerdict.PASS, "s", TestVerdict.FAIL, "g", TestVerdict.FAIL),
                        Duration.ofSeconds(2), "", List.of()),
                "r1", new RunResult(false, Map.of(), Duration.ZERO, "", List.of()));
        TestMatrix m = new TestMatrix(List.of(repro1, repro2, regr), runs, Duration.ofSeconds(2), 1);

        assertEquals(new ExecutionEvidence(true, 1, 2, 1, 1), m.evidence("r0"));
        assertEquals(ExecutionEvidence.notApplied(2, 1), m.evidence("r1"));
        assertThrows(IllegalArgumentException.class, () -> m.evidence("r9"));
    }

    @Test
    void testsNotRunForAnAppliedPatchCountInNeitherTotal() {
        VerificationTest repro = file("tests/test_a.py::");
        VerificationTest regr = VerificationTest.results("g", VerificationTest.Kind.REGRESSION, "repository", Map.of(),
                "tests/test_b.py::t1");
        TestMatrix m = new TestMatrix(List.of(repro, regr), Map.of("r0", new RunResult(true,
                Map.of("t", TestVerdict.PASS, "g", TestVerdict.NOT_RUN), Duration.ofSeconds(1), "", List.of())),
                Duration.ofSeconds(1), 1);

        assertEquals(new ExecutionEvidence(true, 1, 1, 0, 0), m.evidence("r0"),
                "a regression test the budget left unrun is not a broken one");
    }

    @Test
    void resultNamesMapToTheirFiles() {
        assertEquals("org/x/FooTest", TestFiles.fileOfResult("org.x.FooTest$Inner#m"));
        assertEquals("tests/test_a.py", TestFiles.fileOfResult("tests/test_a.py::C::t[1]"));
    }

    @Test
    void candidateScriptsRunByLanguageAndBadTestsAreRejected() {
        List<VerificationTest> scripts = TestGenerator.candidateScripts(List.of(
                new CandidatePatch("r0", "", Map.of("reproduce_issue.py", "print(1)", "notes.txt", "x")),
                new CandidatePatch("r1", "", Map.of("ReproduceIssue.java", "class R {}"))), false);
        assertEquals(List.of("r0-repro"), scripts.stream().map(VerificationTest::id).toList());
        assertEquals("python3 reproduce_issue.py", scripts.get(0).command());
        assertThrows(IllegalArgumentException.class, () -> VerificationTest.results("x", VerificationTest.Kind.REGRESSION,
                "", Map.of("../etc/passwd", ""), "a::"));
        assertThrows(IllegalArgumentException.class, () -> new VerificationTest("x", VerificationTest.Kind.REGRESSION,
                "", Map.of(), "a::", "python3 a.py"));
    }
}
