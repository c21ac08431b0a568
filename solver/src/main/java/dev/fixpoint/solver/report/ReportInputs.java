package dev.fixpoint.solver.report;

import dev.fixpoint.solver.grade.CandidateGrades;
import dev.fixpoint.solver.SolverException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Reads what a report shows: a batch run and/or an eval run, the candidates' cached grades and the issue texts. */
public final class ReportInputs {

    private ReportInputs() {}

    /**
     * @param runDir    a {@code fixpoint batch} output directory
     * @param evalDir   a {@code fixpoint eval} output directory
     * @param tasksFile the task file for issue texts; when empty, the one run.json names (if it still exists)
     */
    public static ReportData load(Optional<Path> runDir, Optional<Path> evalDir, Optional<Path> tasksFile) {
        if (runDir.isEmpty() && evalDir.isEmpty()) throw new IllegalArgumentException("give a batch run directory, --eval DIR, or both");
        Optional<BatchRun> batch = runDir.map(BatchRunReader::read);
        Optional<EvalRun> eval = evalDir.map(EvalRunReader::read);
        CandidateGrades grades = runDir.map(CandidateGrades::load).orElse(CandidateGrades.empty());
        Optional<Path> taskFile = tasksFile.or(() -> batch.flatMap(b -> b.info().tasksFile()).filter(Files::isRegularFile));
        if (tasksFile.isPresent() && !Files.isRegularFile(tasksFile.get())) {
            throw new SolverException("no such task file: " + tasksFile.get());
        }
        Map<String, String> issues = taskFile.map(IssueText::fromTaskFile).orElse(Map.of());
        return new ReportData(batch, eval, grades, issues);
    }
}
