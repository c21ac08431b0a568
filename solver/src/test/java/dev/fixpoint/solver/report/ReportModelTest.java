package dev.fixpoint.solver.report;

import dev.fixpoint.solver.grade.CandidateGrader;
import dev.fixpoint.solver.grade.CandidateGrades;
import dev.fixpoint.solver.grade.PatchGrade;
import dev.fixpoint.solver.SolverException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading run directories, grades, re-selection and the curves, on a synthetic run written by the real writers. */
class ReportModelTest {

    @TempDir
    static Path dir;
    static Path run;
    static Path eval;

    @BeforeAll
    static void writeRun() throws IOException {
        run = dir.resolve("batch");
        eval = dir.resolve("eval");
        SyntheticRun.write(SyntheticRun.Spec.small(), run, eval, true);
    }

    @Test
    void readsTheBatchRun() {
        BatchRun b = BatchRunReader.read(run);
        assertEquals(6, b.tasks().size());
        assertEquals("synthetic", b.info().runId());
        assertEquals("weighted", b.info().strategy());
        TaskRun t = b.tasks().get(0);
        assertEquals("synthetic__repo-0000", t.instanceId());
        assertEquals(4, t.rollouts().size());
        assertTrue(t.selection().isPresent(), "selection evidence parsed");
        assertEquals(4, t.selection().get().evidence().size());
        assertTrue(t.rollouts().stream().allMatch(r -> r.cluster().isPresent()), "clusters joined to rollouts");
        assertTrue(Files.isRegularFile(t.rollouts().get(0).trajectory()));
        VerificationMatrix v = t.verification().orElseThrow(() -> new AssertionError("verification.tests read"));
        assertEquals(3, v.tests().size());
        assertEquals(4, v.rows().size());
    }

    @Test
    void readsTheEvalRun() {
        EvalRun e = EvalRunReader.read(eval);
        assertEquals(6, e.grades().size());
        assertEquals(6, e.summary().orElseThrow().total());
    }

    @Test
    void errorsNameTheBadFile(@TempDir Path tmp) throws IOException {
        SolverException noRun = assertThrows(SolverException.class, () -> BatchRunReader.read(tmp));
        assertTrue(noRun.getMessage().contains("no run.json"), noRun.getMessage());

        Path copy = tmp.resolve("copy");
        SyntheticRun.write(new SyntheticRun.Spec(1, 2, 2, 50, false, true, false, 1), copy, null, false);
        Path selection = copy.resolve("tasks/synthetic__repo-0000/selection.json");
        Files.writeString(selection, "{ not json");
        SolverException bad = assertThrows(SolverException.class, () -> BatchRunReader.read(copy));
        assertTrue(bad.getMessage().contains(selection.toString()), bad.getMessage());

        SolverException noEval = assertThrows(SolverException.class, () -> EvalRunReader.read(tmp.resolve("nowhere")));
        assertTrue(noEval.getMessage().contains("nowhere"), noEval.getMessage());
    }

    @Test
    void passAtKIsTheUnbiasedEstimator() {
        assertEquals(0.2, PassAtK.estimate(5, 1, 1), 1e-12);
        assertEquals(1.0, PassAtK.estimate(5, 1, 5), 1e-12);
        assertEquals(1 - 1 / 6.0, PassAtK.estimate(4, 2, 2), 1e-12);
        assertEquals(0.0, PassAtK.estimate(4, 0, 3), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> PassAtK.estimate(3, 1, 4));
    }

    @Test
    void reselectionOverAllRolloutsReproducesTheRecordedChoice() {
        BatchRun b = BatchRunReader.read(run);
        for (TaskRun t : b.tasks()) {
            assertEquals(t.chosen(), Reselection.chosen(t, "weighted", t.rollouts().size()), t.instanceId());
        }
    }

    @Test
    void curvesFromGrades() {
        ReportData data = ReportInputs.load(Optional.of(run), Optional.of(eval), Optional.empty());
        Curves c = ScalingCurves.compute(data.batch().orElseThrow(), data.outcomes());
        assertFalse(c.proxy(), "the synthetic run has grades for every candidate");
        assertEquals(4, c.maxK());
        assertEquals(6, c.tasks());
        List<Double> pass = c.rates().get(0).values();
        List<Double> coverage = c.rates().get(1).values();
        List<Double> selected = c.rates().get(2).values();
        for (int k = 1; k < c.maxK(); k++) {
            assertTrue(pass.get(k) >= pass.get(k - 1) - 1e-12, "pass@k grows with k");
            assertTrue(coverage.get(k) >= coverage.get(k - 1), "coverage grows with k");
        }
        for (int k = 0; k < c.maxK(); k++) assertTrue(selected.get(k) <= coverage.get(k) + 1e-12, "selection cannot beat coverage");
        assertEquals(coverage.get(c.maxK() - 1), pass.get(c.maxK() - 1), 1e-12, "pass@n is coverage of all n");
        // at k = N, the run's own strategy selects what the run shipped: same rate as the eval's resolved share
        long shippedResolved = data.eval().orElseThrow().grades().values().stream().filter(PatchGrade::resolved).count();
        assertEquals(shippedResolved / 6.0, selected.get(c.maxK() - 1), 1e-12);
        assertTrue(c.rates().get(2).name().contains("the run's"));
        assertEquals("USD", c.costUnit());
        assertTrue(c.cost().get(3) > c.cost().get(0));
    }

    @Test
    void curvesFallBackToTheEvidenceProxyWithoutGrades(@TempDir Path tmp) throws IOException {
        SyntheticRun.write(new SyntheticRun.Spec(3, 3, 2, 50, true, false, false, 3), tmp, null, false);
        ReportData data = ReportInputs.load(Optional.of(tmp), Optional.empty(), Optional.empty());
        Curves c = ScalingCurves.compute(data.batch().orElseThrow(), data.outcomes());
        assertTrue(c.proxy());
        assertEquals("tokens", c.costUnit(), "a scripted run has no dollars");
        assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("PROXY")), c.notes().toString());
    }

    @Test
    void costIsUnknownOrScriptedRatherThanZero() {
        assertEquals("scripted (no cost)", new Spend(Optional.of(BigDecimal.ZERO), 10, 1, List.of(), true).costLabel());
        assertEquals("unknown", new Spend(Optional.empty(), 10, 1, List.of(), false).costLabel());
        assertEquals("unknown (unpriced: m)", new Spend(Optional.of(BigDecimal.ONE), 10, 1, List.of("m"), false).costLabel());
        assertEquals("$1.50", new Spend(Optional.of(new BigDecimal("1.5")), 10, 1, List.of(), false).costLabel());
        Spend sum = new Spend(Optional.of(BigDecimal.ONE), 1, 1, List.of(), false).plus(new Spend(Optional.empty(), 1, 1, List.of(), false));
        assertTrue(sum.knownUsd().isEmpty(), "one unknown makes the sum unknown");
    }

    @Test
    void anUnfinishedTaskIsShownAsSuch(@TempDir Path tmp) throws IOException {
        SyntheticRun.write(new SyntheticRun.Spec(2, 2, 2, 50, false, true, false, 4), tmp, null, false);
        Files.delete(tmp.resolve("tasks/synthetic__repo-0001/selection.json"));
        ReportData data = ReportInputs.load(Optional.of(tmp), Optional.empty(), Optional.empty());
        TaskRow row = TaskRows.of(data).get(1);
        assertEquals("synthetic__repo-0001", row.instanceId(), "the id comes from the rollouts");
        assertEquals("unfinished", row.status());
        assertEquals(2, row.candidates());
        assertTrue(HtmlPage.render(data, HtmlPage.Options.defaults()).contains("unfinished (1)"), "the status filter offers it");
    }

    @Test
    void aSolveDirectoryIsReadAsARunOfItsTask(@TempDir Path tmp) throws IOException {
        Path solve = tmp.resolve("fixpoint-solve");
        SyntheticRun.write(new SyntheticRun.Spec(1, 3, 2, 50, false, true, false, 3), solve, null, false);
        Files.delete(solve.resolve("run.json")); // what fixpoint solve --out leaves: tasks/<id>/ and no run.json
        assertEquals(Optional.of(RunKind.SOLVE), RunKind.detect(solve));
        BatchRun b = BatchRunReader.read(solve);
        assertEquals(RunKind.SOLVE, b.kind());
        assertEquals(1, b.tasks().size());
        assertEquals("fixpoint-solve", b.info().runId());
        assertTrue(b.info().model().startsWith("openai:gpt-synthetic"), b.info().model());
        assertEquals(3, b.info().rollouts());
        assertEquals(b.tasks().get(0).spend().tokens(), b.info().spend().tokens(), "the run's spend is its task's");
        assertEquals("solve run fixpoint-solve", ReportInputs.load(Optional.of(solve), Optional.empty(), Optional.empty()).label());

        assertEquals(Optional.of(RunKind.EVAL), RunKind.detect(eval));
        ReportData evalAsRun = ReportInputs.load(Optional.of(eval), Optional.empty(), Optional.empty());
        assertTrue(evalAsRun.batch().isEmpty() && evalAsRun.eval().isPresent(), "an eval directory given as the run is the eval run");
        SolverException twice = assertThrows(SolverException.class, () -> ReportInputs.load(Optional.of(eval), Optional.of(eval), Optional.empty()));
        assertTrue(twice.getMessage().contains("is an eval directory"), twice.getMessage());
    }

    @Test
    void comparingRunsCountsWinsAndLosses(@TempDir Path tmp) throws IOException {
        SyntheticRun.write(new SyntheticRun.Spec(30, 3, 2, 50, false, true, false, 21), tmp.resolve("a"), null, true);
        SyntheticRun.write(new SyntheticRun.Spec(30, 3, 2, 50, false, true, false, 22), tmp.resolve("b"), null, true);
        ReportData a = ReportInputs.load(Optional.of(tmp.resolve("a")), Optional.empty(), Optional.empty());
        ReportData b = ReportInputs.load(Optional.of(tmp.resolve("b")), Optional.empty(), Optional.empty());
        List<TaskRow> ra = TaskRows.of(a), rb = TaskRows.of(b);

        Comparison self = Comparison.of(a, ra, a, ra);
        assertEquals("resolved", self.basis(), "both runs are graded");
        assertEquals(List.of(), self.wins());
        assertEquals(List.of(), self.losses());
        assertEquals(Headline.of(a, ra).resolved().orElseThrow(), self.both());

        Comparison c = Comparison.of(a, ra, b, rb);
        int resolvedA = Headline.of(a, ra).resolved().orElseThrow(), resolvedB = Headline.of(b, rb).resolved().orElseThrow();
        assertFalse(c.wins().isEmpty() && c.losses().isEmpty(), "different seeds resolve different tasks");
        assertEquals(resolvedA - resolvedB, c.wins().size() - c.losses().size(), "over the same tasks, wins - losses is the difference");
        assertEquals(30, c.wins().size() + c.losses().size() + c.both() + c.neither());
        for (String id : c.wins()) {
            assertEquals("resolved", ra.stream().filter(r -> r.instanceId().equals(id)).findFirst().orElseThrow().status());
            assertFalse(rb.stream().filter(r -> r.instanceId().equals(id)).findFirst().orElseThrow().status().equals("resolved"), id);
        }

        Files.delete(tmp.resolve("b").resolve(CandidateGrades.FILE)); // B ungraded: the comparison falls back to selected
        ReportData ungraded = ReportInputs.load(Optional.of(tmp.resolve("b")), Optional.empty(), Optional.empty());
        assertEquals("selected", Comparison.of(a, ra, ungraded, TaskRows.of(ungraded)).basis());
    }

    @Test
    void theRepositoryBreakdownSumsTheTasks() {
        ReportData d = ReportInputs.load(Optional.of(run), Optional.of(eval), Optional.empty());
        assertEquals("synthetic/repo", d.repoOf("synthetic__repo-0003"), "owner__name-N is owner/name");
        assertEquals("sympy/sympy", d.repoOf("sympy__sympy-20590"));
        assertEquals("(unknown)", d.repoOf("my-task"));
        ReportData twoRepos = new ReportData(d.batch(), d.eval(), d.grades(), d.issues(),
                java.util.Map.of("synthetic__repo-0000", "psf/requests", "synthetic__repo-0001", "psf/requests"));
        List<TaskRow> rows = TaskRows.of(twoRepos);
        List<RepoBreakdown.Line> lines = RepoBreakdown.of(twoRepos, rows, true);
        assertEquals(List.of("synthetic/repo", "psf/requests"), lines.stream().map(RepoBreakdown.Line::repo).toList(), "most tasks first");
        assertEquals(List.of(4, 2), lines.stream().map(RepoBreakdown.Line::tasks).toList());
        Headline h = Headline.of(twoRepos, rows);
        assertEquals(h.resolved().orElseThrow(), lines.stream().mapToInt(l -> l.resolved().orElseThrow()).sum());
        assertEquals(h.abstained(), lines.stream().mapToInt(RepoBreakdown.Line::abstained).sum());
        assertEquals(h.spend().knownUsd().orElseThrow(), lines.stream().map(l -> l.spend().knownUsd().orElseThrow()).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
