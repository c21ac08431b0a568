package dev.fixpoint.solver.report;

import dev.fixpoint.solver.grade.CandidateGrades;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;

/**
 * Everything one report page shows, read from disk.
 *
 * @param batch  the batch run, if given
 * @param eval   the eval run, if given
 * @param grades harness grades of candidate patches (empty when never graded)
 * @param issues issue text by instance id, from the run's task file where it could be read
 * @param repos  repository ("owner/name") by instance id, from the task file where it could be read
 */
public record ReportData(Optional<BatchRun> batch, Optional<EvalRun> eval, CandidateGrades grades, Map<String, String> issues,
                         Map<String, String> repos) {

    private static final Pattern SWE_BENCH_ID = Pattern.compile("^(.+?)__(.+)-\\d+$");

    public ReportData {
        if (batch.isEmpty() && eval.isEmpty()) throw new IllegalArgumentException("a report needs a batch run or an eval run");
        issues = Map.copyOf(issues);
        repos = Map.copyOf(repos);
    }

    /**
     * The task's repository: from the task file, else from a SWE-bench instance id ({@code owner__name-N} is
     * {@code owner/name}), else "(unknown)".
     */
    String repoOf(String instanceId) {
        String r = repos.get(instanceId);
        if (r != null && !r.isBlank()) return r;
        Matcher m = SWE_BENCH_ID.matcher(instanceId);
        return m.matches() ? m.group(1) + "/" + m.group(2) : "(unknown)";
    }

    /** A label for headings: "batch run ID", "solve run DIR" or "eval run DIR". */
    String label() {
        return batch.map(b -> (b.kind() == RunKind.SOLVE ? "solve run " : "batch run ") + b.info().runId())
                .orElseGet(() -> "eval run " + eval.orElseThrow().root().toAbsolutePath().normalize().getFileName());
    }

    /** Where candidate outcomes for the curves come from: grades when every task has them, else the evidence proxy. */
    CandidateOutcomes outcomes() {
        boolean graded = batch.isPresent() && !grades.isEmpty()
                && batch.get().tasks().stream().filter(t -> !t.rollouts().isEmpty()).allMatch(grades::covers);
        return graded ? CandidateOutcomes.graded(grades) : CandidateOutcomes.evidenceProxy();
    }
}
