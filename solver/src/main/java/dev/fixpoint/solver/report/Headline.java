package dev.fixpoint.solver.report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The page's top line.
 *
 * @param tasks          tasks in the report
 * @param resolved       resolved tasks, empty when nothing graded them
 * @param resolvedSource "eval", "candidate grades" or "" when unknown
 * @param abstained      tasks where selection abstained
 * @param errors         tasks in error (selection or grading)
 * @param spend          total spend over tasks
 * @param wall           the batch run's wall time, if known
 * @param model          the model label, or "" without a batch run
 * @param scripted       the model was scripted
 */
record Headline(int tasks, Optional<Integer> resolved, String resolvedSource, int abstained, int errors, Spend spend,
                Optional<Duration> wall, String model, boolean scripted) {

    static Headline of(ReportData data, List<TaskRow> rows) {
        boolean anyGrade = rows.stream().anyMatch(r -> !r.statusSource().equals("selection"));
        boolean fromEval = data.eval().isPresent();
        Optional<Integer> resolved = anyGrade || fromEval
                ? Optional.of((int) rows.stream().filter(r -> r.status().equals("resolved")).count()) : Optional.empty();
        int abstained = (int) rows.stream().filter(r -> r.status().equals("abstained")).count();
        int errors = (int) rows.stream().filter(Headline::isError).count();
        boolean scripted = data.batch().map(b -> b.info().scripted()).orElse(false);
        Spend spend = rows.stream().map(TaskRow::spend).reduce(Spend.none(scripted).withUsdZero(), Spend::plus);
        return new Headline(rows.size(), resolved, fromEval ? "eval" : anyGrade ? "candidate grades" : "", abstained, errors, spend,
                data.batch().filter(b -> b.info().startedAt() != null).map(b -> b.info().wallTime()),
                data.batch().map(b -> b.info().model()).orElse(""), scripted);
    }

    /** The task ended in error: selection or grading. */
    static boolean isError(TaskRow r) {
        return r.status().equals("error") || r.selection().equals("ERROR");
    }
}
