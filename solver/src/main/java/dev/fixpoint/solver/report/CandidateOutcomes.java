package dev.fixpoint.solver.report;

import dev.fixpoint.solver.grade.CandidateGrades;
import dev.fixpoint.solver.grade.PatchGrade;
import dev.fixpoint.verifiers.select.Evidence;
import dev.fixpoint.verifiers.select.ExecutionEvidence;

import java.util.Optional;

/** Whether a candidate resolves its task, as far as a source knows: harness grades, or the recorded evidence as a proxy. */
interface CandidateOutcomes {

    /** True or false when known, empty when this source has nothing on the candidate. */
    Optional<Boolean> resolves(TaskRun task, RolloutInfo rollout);

    /** What "resolves" means here, for the page. */
    String meaning();

    /** Not a grade: a stand-in computed from verification evidence. */
    boolean proxy();

    /** Harness grades (FAIL_TO_PASS and PASS_TO_PASS all pass), keyed by patch text. */
    static CandidateOutcomes graded(CandidateGrades grades) {
        return new CandidateOutcomes() {
            @Override
            public Optional<Boolean> resolves(TaskRun task, RolloutInfo rollout) {
                return grades.of(task.instanceId(), rollout.patch()).map(PatchGrade::resolved);
            }

            @Override
            public String meaning() {
                return "a candidate resolves when the evaluation harness graded its patch resolved (every FAIL_TO_PASS and "
                        + "PASS_TO_PASS test passes; grades in report/grades.json)";
            }

            @Override
            public boolean proxy() {
                return false;
            }
        };
    }

    /**
     * Proxy from the selection report's execution evidence: the patch applied, passed every reproduction test the
     * run kept (at least one) and broke no regression test. Not a grade: the hidden tests never ran.
     */
    static CandidateOutcomes evidenceProxy() {
        return new CandidateOutcomes() {
            @Override
            public Optional<Boolean> resolves(TaskRun task, RolloutInfo rollout) {
                return task.selection().flatMap(s -> s.evidence().stream()
                        .filter(e -> e.candidateId().equals(rollout.candidateId())).findFirst())
                        .map(e -> passes(e));
            }

            private boolean passes(Evidence e) {
                ExecutionEvidence x = e.execution();
                return e.usable() && x != null && x.applied() && x.reproductionTotal() > 0
                        && x.reproductionPassed() == x.reproductionTotal() && x.regressionBroken() == 0;
            }

            @Override
            public String meaning() {
                return "PROXY, not graded: a candidate counts when it applied, passed every reproduction test the run kept "
                        + "and broke no regression test (recorded execution evidence). Grade the candidates "
                        + "(fixpoint report --grade) for real resolve rates";
            }

            @Override
            public boolean proxy() {
                return true;
            }
        };
    }
}
