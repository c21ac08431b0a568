package dev.fixpoint.solver.run;

import dev.fixpoint.harness.predictions.Prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.agent.ReproductionFile;
import dev.fixpoint.harness.testing.Golden;
import dev.fixpoint.models.Budget;
import dev.fixpoint.models.PriceTable;
import dev.fixpoint.models.Usage;
import dev.fixpoint.solver.ModelSource;
import dev.fixpoint.solver.RolloutSettings;
import dev.fixpoint.solver.TaskOutcome;
import dev.fixpoint.solver.grade.CandidateGrades;
import dev.fixpoint.solver.grade.PatchGrade;
import dev.fixpoint.verifiers.ModelSpend;
import dev.fixpoint.verifiers.Verification;
import dev.fixpoint.verifiers.dedup.PatchState;
import dev.fixpoint.verifiers.exec.ChosenTestFile;
import dev.fixpoint.verifiers.exec.GeneratedTests;
import dev.fixpoint.verifiers.exec.RunResult;
import dev.fixpoint.verifiers.exec.TestMatrix;
import dev.fixpoint.verifiers.exec.TestVerdict;
import dev.fixpoint.verifiers.exec.VerificationTest;
import dev.fixpoint.verifiers.judge.JudgeReport;
import dev.fixpoint.verifiers.select.Evidence;
import dev.fixpoint.verifiers.select.ExecutionEvidence;
import dev.fixpoint.verifiers.select.JudgeEvidence;
import dev.fixpoint.verifiers.select.Selector;
import dev.fixpoint.verifiers.select.WeightedScore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run directory's files byte for byte: the golden files were recorded from the writers before their
 * serialisation moved out of the verifiers' records into this package.
 */
class RunFilesGoldenTest {

    static final String AWKWARD = "q\"b\\s/ \t\n é 😀 <&>' \u2028";

    private final Candidate candidate = Candidate.builder().instanceId("o__r-1").modelId("scripted:x")
            .patch("--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n+b é\n")
            .reproduction(List.of(new ReproductionFile("repro.py", "assert " + AWKWARD + "\n"))).outcome(Outcome.SUBMITTED).steps(7)
            .usage(new Usage(1200, 340, 100, Duration.ofMillis(1500).plusNanos(17), 4)).costUsd(Optional.of(new BigDecimal("0.0123")))
            .error("").wallTime(Duration.ofMillis(61_234)).build();

    @Test
    void candidateAndTestWriterRecords() {
        Golden.assertMatches("candidate.json", new RolloutRecord(new RolloutSettings(3, 0.7, "minimal"), candidate).toJson());
        Candidate failed = Candidate.builder().instanceId("o__r-1").modelId("scripted:x").patch("").reproduction(List.of())
                .outcome(Outcome.MODEL_ERROR).steps(0).costUsd(Optional.empty()).error(AWKWARD).wallTime(Duration.ZERO).build();
        Golden.assertMatches("candidate-failed.json", new RolloutRecord(new RolloutSettings(1, null, "default"), failed).toJson());
        Golden.assertMatches("testgen.result.json", new TestWriterRecord(2, candidate).toJson());
    }

    @Test
    void predictionLines(@TempDir Path dir) throws Exception {
        RunDirectory run = RunDirectory.open(dir);
        run.addPrediction(new Prediction("o__r-1", "scripted:x", candidate.patch()));
        run.addPrediction(new Prediction("o__r-2", "m/" + AWKWARD, ""));
        Golden.assertMatches("predictions.jsonl", Files.readString(run.predictionsFile()));
    }

    @Test
    void runReport(@TempDir Path dir) throws Exception {
        RunDirectory run = RunDirectory.open(dir);
        Budget budget = new Budget(new Budget.Limits(new BigDecimal("5.00"), 100_000), new Budget.Limits(null, 0), PriceTable.defaults());
        budget.task("o__r-1").record("scripted:x", Usage.of(500, 20, 0, Duration.ofMillis(5)));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("rollouts", 5);
        settings.put("temperatures", List.of(0.0, 0.7));
        settings.put("note", AWKWARD);
        settings.put("none", null);
        new RunReport("run-1", "scripted:x", true, settings, budget).write(run, List.of(outcome(TaskOutcome.Status.SELECTED),
                outcome(TaskOutcome.Status.ABSTAINED)), List.of("o__r-0"), Instant.parse("2026-01-02T03:04:05.678Z"), true);
        String text = Files.readString(run.reportFile()).replaceFirst("\"updated_at\" : \"[^\"]+\"", "\"updated_at\" : \"NOW\"");
        Golden.assertMatches("run.json", text);
    }

    @Test
    void selectionReport(@TempDir Path dir) throws Exception {
        TaskDirectory task = RunDirectory.open(dir).task("o__r-1");
        SelectionReport.write(task, outcome(TaskOutcome.Status.SELECTED), models(), verification(), null,
                List.of(new RolloutRecord(new RolloutSettings(4, 0.0, "default"), candidate)), AWKWARD);
        Golden.assertMatches("selection.json", Files.readString(task.selectionFile()));
        assertEquals("--- a/x\n", Files.readString(task.patchFile()));
    }

    @Test
    void selectsReport(@TempDir Path dir) throws Exception {
        TaskDirectory task = RunDirectory.open(dir).task("o__r-1");
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("p1", "a.jsonl (m é)");
        sources.put("p2", "b.jsonl (n)");
        SelectionReport.writeEnsemble(task, "o__r-1", models(), sources, verification(), null);
        Golden.assertMatches("select-selection.json", Files.readString(task.selectionFile()));
        SelectionReport.writeEnsemble(task, "o__r-1", models(), sources, verification(), "model said no: é");
        Golden.assertMatches("select-error.json", Files.readString(task.selectionFile()));
    }

    @Test
    void gradeCache(@TempDir Path dir) throws Exception {
        CandidateGrades grades = CandidateGrades.empty();
        grades.put("o__r-1", CandidateGrades.sha("p"), new PatchGrade("resolved", true,
                Map.of("t.py::é", new PatchGrade.TestResult("PASS_TO_PASS", false)), AWKWARD));
        grades.put("o__r-2", CandidateGrades.sha("r"), new PatchGrade("partial", false, Map.of("t.py::b", new PatchGrade.TestResult("FAIL_TO_PASS", false),
                "t.py::a", new PatchGrade.TestResult("FAIL_TO_PASS", true), "t.py::c", new PatchGrade.TestResult("PASS_TO_PASS", true)), ""));
        grades.put("o__r-0", CandidateGrades.sha("q"), new PatchGrade("error", false, Map.of(), ""));
        grades.save(dir);
        Golden.assertMatches("grades.json", Files.readString(dir.resolve(CandidateGrades.FILE)));
        assertEquals(List.of("t.py::a", "t.py::b", "t.py::c"), List.copyOf(CandidateGrades.load(dir).of("o__r-2", "r").orElseThrow().tests().keySet()),
                "tests in name order, as written");
    }

    @Test
    void testMatrixAndGeneratedTests() throws Exception {
        VerificationTest generated = VerificationTest.results("gen-1", VerificationTest.Kind.REPRODUCTION, "generated",
                Map.of("tests/test_fixpoint_repro_1.py", "def test_x():\n    assert '" + AWKWARD + "'\n"), "tests/test_fixpoint_repro_1.py::");
        VerificationTest script = VerificationTest.script("r1-repro", VerificationTest.Kind.REPRODUCTION, "candidate r1",
                Map.of("repro.py", "print(1)\n"), "python3 repro.py");
        RunResult r1 = new RunResult(true, Map.of("gen-1", TestVerdict.PASS, "r1-repro", TestVerdict.FAIL), Duration.ofMillis(2345).plusNanos(17),
                "", List.of("tests/test_a.py::u"));
        TestMatrix matrix = new TestMatrix(List.of(generated, script), Map.of("r1", r1), Duration.ofSeconds(3), 2);
        GeneratedTests tests = new GeneratedTests(List.of(generated, script), List.of("gen-2: passes on the base code"),
                new ModelSpend(2, 1200, 340, Duration.ofMillis(1500)), Duration.ofHours(26).plusMillis(1), 1);
        ObjectMapper json = RunJson.mapper();
        Golden.assertMatches("test-matrix.json", json.writeValueAsString(matrix));
        Golden.assertMatches("generated-tests.json", json.writeValueAsString(tests));
    }

    static Verification verification() {
        List<Evidence> pool = List.of(
                new Evidence("rollout-0", 0, 1, PatchState.APPLIES, new ExecutionEvidence(true, 2, 2, 0, 3),
                        new JudgeEvidence(0.8, 1.0, 1.0, 1)),
                new Evidence("rollout-1", 1, 1, PatchState.EMPTY, null, null));
        var selection = new Selector().select(WeightedScore.defaults(), pool);
        var t1 = VerificationTest.script("r0-repro", VerificationTest.Kind.REPRODUCTION, "candidate r0", Map.of("repro.py", "x"), "python3 repro.py");
        var t2 = VerificationTest.results("regr:t.py::a", VerificationTest.Kind.REGRESSION, "repository", Map.of(), "t.py::a");
        var matrix = new TestMatrix(List.of(t1, t2), Map.of("rollout-0", new RunResult(true, Map.of("r0-repro", TestVerdict.PASS,
                "regr:t.py::a", TestVerdict.FAIL), Duration.ofMillis(900), "", List.of())), Duration.ofMillis(1900).plusNanos(5), 2);
        var generated = new GeneratedTests(List.of(t1), List.of("gen-1: passes on the base code " + AWKWARD), ModelSpend.NONE, Duration.ZERO, 1);
        var judge = new JudgeReport(Map.of("rollout-0", new JudgeEvidence(0.8, 1.0, 1.0, 1)), 2, Usage.ZERO, List.of("call 2: " + AWKWARD));
        return new Verification("o__r-1", selection, Verification.Tests.of(generated, matrix), Verification.Judge.of(judge),
                new Verification.Compute(Duration.ofMillis(2800).plusNanos(5), 3, new ModelSpend(2, 10, 5, Duration.ofMillis(250)),
                        new ModelSpend(1, 100, 50, Duration.ofSeconds(90))),
                List.of("note " + AWKWARD), new Verification.Regression(List.of("x.py"),
                        List.of(new ChosenTestFile("t.py", List.of("named after x.py"))), 4, "python3 -m pytest t.py"));
    }

    private static TaskOutcome outcome(TaskOutcome.Status status) {
        return TaskOutcome.builder().instanceId("o__r-1").status(status).patch(status == TaskOutcome.Status.SELECTED ? "--- a/x\n" : "")
                .chosen(status == TaskOutcome.Status.SELECTED ? "rollout-0" : null).planned(5).ran(3).reused(1).savedByAdaptive(1)
                .skippedByBudget(0).reasons(List.of("why " + AWKWARD))
                .spend(new Budget.Spend(new BigDecimal("0.25"), 1234, 5, Set.of("scripted:x"))).wallTime(Duration.ofMillis(98_765)).build();
    }

    private static ModelSource models() {
        return new ModelSource() {
            @Override public String label() { return "scripted:samples"; }
            @Override public dev.fixpoint.models.Model forRollout(dev.fixpoint.tasks.Task task, RolloutSettings settings) { throw new UnsupportedOperationException(); }
            @Override public Optional<dev.fixpoint.models.Model> forTestWriting(dev.fixpoint.tasks.Task task, int k) { return Optional.empty(); }
            @Override public Optional<dev.fixpoint.models.Model> judge() { return Optional.empty(); }
            @Override public boolean scripted() { return true; }
        };
    }
}
