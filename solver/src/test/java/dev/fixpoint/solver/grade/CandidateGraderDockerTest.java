package dev.fixpoint.solver.grade;

import dev.fixpoint.solver.report.SyntheticRun;
import dev.fixpoint.solver.cli.Main;
import dev.fixpoint.solver.testing.Samples;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fixpoint report --grade} on a sample task: every distinct candidate graded once by the real harness, cached. */
@Tag("docker")
class CandidateGraderDockerTest {

    static final String TASK = "fixpoint-samples__verspec-1";

    @Test
    void gradesEachDistinctCandidateOnceAndCachesTheGrades(@TempDir Path tmp) throws Exception {
        Task task = TaskLoader.strict().load(Samples.TASKS).tasks().stream().filter(t -> t.instanceId().equals(TASK)).findFirst().orElseThrow();
        Path run = tmp.resolve("run");
        // gold twice (graded once), and an empty patch
        SyntheticRun.writeOneTask(run, TASK, List.of(task.patch(), "", task.patch()));
        String[] args = {"report", run.toString(), "--grade", "--tasks", Samples.TASKS.toString(), "--mirrors", Samples.MIRRORS.toString(),
                "--out", tmp.resolve("r.html").toString()};
        assertEquals(0, Main.run(args));

        CandidateGrades grades = CandidateGrades.load(run);
        assertEquals(Optional.of(true), grades.of(TASK, task.patch()).map(PatchGrade::resolved));
        assertEquals("empty_patch", grades.of(TASK, "").orElseThrow().status());
        assertTrue(grades.of(TASK, task.patch()).orElseThrow().tests().values().stream().allMatch(PatchGrade.TestResult::passed));
        try (var dirs = Files.list(run.resolve("report/grades").resolve(TASK))) {
            assertEquals(2, dirs.count(), "two distinct patches, two harness runs");
        }

        // a second report grades nothing new
        long before = Files.getLastModifiedTime(run.resolve(CandidateGrades.FILE)).toMillis();
        assertEquals(0, Main.run(args));
        assertEquals(before, Files.getLastModifiedTime(run.resolve(CandidateGrades.FILE)).toMillis(), "cache reused, not rewritten");
        String html = Files.readString(tmp.resolve("r.html"));
        assertTrue(html.contains("graded its patch resolved"), "the curves say they come from grades");
    }
}
