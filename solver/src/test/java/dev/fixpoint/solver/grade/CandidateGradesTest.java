package dev.fixpoint.solver.grade;

import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.report.BatchRun;
import dev.fixpoint.solver.report.BatchRunReader;
import dev.fixpoint.solver.report.RolloutInfo;
import dev.fixpoint.solver.report.SyntheticRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Planning and caching of candidate grades, on a synthetic run written by the real writers. */
class CandidateGradesTest {

    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void writeRun() throws IOException {
        run = dir.resolve("batch");
        SyntheticRun.write(SyntheticRun.Spec.small(), run, dir.resolve("eval"), true);
    }

    @Test
    void theGraderPlansEachDistinctPatchOnceAndNamesMissingTasks() throws IOException {
        BatchRun b = BatchRunReader.read(run);
        long distinct = b.tasks().stream().mapToLong(t -> t.rollouts().stream().map(RolloutInfo::patch).distinct().count()).sum();
        java.util.Map<String, dev.fixpoint.tasks.Task> tasks = new java.util.HashMap<>();
        b.tasks().forEach(t -> tasks.put(t.instanceId(), dev.fixpoint.tasks.Task.builder().instanceId(t.instanceId()).repo("o/r")
                .baseCommit("0".repeat(40)).build()));
        assertEquals(distinct, CandidateGrader.jobs(b, tasks, CandidateGrades.empty()).size());
        assertEquals(0, CandidateGrader.jobs(b, tasks, CandidateGrades.load(run)).size(), "all cached");
        tasks.remove("synthetic__repo-0002");
        SolverException e = assertThrows(SolverException.class, () -> CandidateGrader.jobs(b, tasks, CandidateGrades.empty()));
        assertTrue(e.getMessage().contains("synthetic__repo-0002") && e.getMessage().contains("--tasks"), e.getMessage());
    }

    @Test
    void gradeCacheRoundTrips(@TempDir Path tmp) {
        CandidateGrades g = CandidateGrades.empty();
        PatchGrade grade = new PatchGrade("partial", false, java.util.Map.of("t::a", new PatchGrade.TestResult("FAIL_TO_PASS", true)), "note");
        g.put("x__y-1", CandidateGrades.sha("diff"), grade);
        g.save(tmp);
        assertEquals(Optional.of(grade), CandidateGrades.load(tmp).of("x__y-1", "diff"));
        assertTrue(CandidateGrades.load(tmp).of("x__y-1", "other").isEmpty());
    }
}
