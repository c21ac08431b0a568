package dev.fixpoint.solver.report;

import dev.fixpoint.solver.grade.CandidateGrades;
import dev.fixpoint.solver.SolverException;

import dev.fixpoint.tasks.Task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a report shows: a batch or solve run and/or an eval run, the candidates' cached grades, the issue texts
 * and repositories. The run directory's kind is told from its files ({@link RunKind}): an eval directory given as the
 * run is read as the eval run.
 */
public final class ReportInputs {

    private ReportInputs() {}

    /**
     * @param runDir    a {@code fixpoint batch} or {@code fixpoint solve} output directory, or an eval directory
     * @param evalDir   a {@code fixpoint eval} output directory
     * @param tasksFile the task file for issue texts; when empty, the one run.json names (if it still exists)
     */
    public static ReportData load(Optional<Path> runDir, Optional<Path> evalDir, Optional<Path> tasksFile) {
        if (runDir.isEmpty() && evalDir.isEmpty()) throw new IllegalArgumentException("give a batch run directory, --eval DIR, or both");
        if (runDir.isPresent() && RunKind.detect(runDir.get()).equals(Optional.of(RunKind.EVAL))) {
            if (evalDir.isPresent()) {
                throw new SolverException(runDir.get() + " is an eval directory, and --eval " + evalDir.get()
                        + " is given too: give the batch or solve run first, or the eval directory alone");
            }
            return load(Optional.empty(), runDir, tasksFile);
        }
        Optional<BatchRun> batch = runDir.map(BatchRunReader::read);
        Optional<EvalRun> eval = evalDir.map(EvalRunReader::read);
        CandidateGrades grades = runDir.map(CandidateGrades::load).orElse(CandidateGrades.empty());
        Optional<Path> taskFile = tasksFile.or(() -> batch.flatMap(b -> b.info().tasksFile()).filter(Files::isRegularFile));
        if (tasksFile.isPresent() && !Files.isRegularFile(tasksFile.get())) {
            throw new SolverException("no such task file: " + tasksFile.get());
        }
        Map<String, Task> tasks = taskFile.map(IssueText::fromTaskFile).orElse(Map.of());
        Map<String, String> issues = new HashMap<>();
        Map<String, String> repos = new HashMap<>();
        tasks.forEach((id, t) -> {
            issues.put(id, t.problemStatement());
            repos.put(id, t.repo());
        });
        return new ReportData(batch, eval, grades, issues, repos);
    }
}
