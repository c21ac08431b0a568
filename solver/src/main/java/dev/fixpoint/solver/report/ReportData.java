package dev.fixpoint.solver.report;

import dev.fixpoint.solver.grade.CandidateGrades;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one report page shows, read from disk.
 *
 * @param batch  the batch run, if given
 * @param eval   the eval run, if given
 * @param grades harness grades of candidate patches (empty when never graded)
 * @param issues issue text by instance id, from the run's task file where it could be read
 */
public record ReportData(Optional<BatchRun> batch, Optional<EvalRun> eval, CandidateGrades grades, Map<String, String> issues) {

    public ReportData {
        if (batch.isEmpty() && eval.isEmpty()) throw new IllegalArgumentException("a report needs a batch run or an eval run");
        issues = Map.copyOf(issues);
    }

    /** Where candidate outcomes for the curves come from: grades when every task has them, else the evidence proxy. */
    CandidateOutcomes outcomes() {
        boolean graded = batch.isPresent() && !grades.isEmpty()
                && batch.get().tasks().stream().filter(t -> !t.rollouts().isEmpty()).allMatch(grades::covers);
        return graded ? CandidateOutcomes.graded(grades) : CandidateOutcomes.evidenceProxy();
    }
}
