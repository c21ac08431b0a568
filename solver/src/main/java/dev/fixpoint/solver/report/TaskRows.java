package dev.fixpoint.solver.report;

import dev.fixpoint.solver.grade.CandidateGrades;
import dev.fixpoint.solver.grade.PatchGrade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Builds the table's rows from a batch run and/or an eval run, one per task, sorted by instance id. */
final class TaskRows {

    private TaskRows() {}

    static List<TaskRow> of(ReportData data) {
        List<TaskRow> rows = new ArrayList<>();
        Map<String, PatchGrade> evalGrades = data.eval().map(EvalRun::grades).orElse(Map.of());
        if (data.batch().isPresent()) {
            BatchRun run = data.batch().get();
            for (TaskRun t : run.tasks()) rows.add(row(rows.size(), t, Optional.ofNullable(evalGrades.get(t.instanceId())), data.grades()));
            TreeSet<String> onlyEval = new TreeSet<>(evalGrades.keySet());
            run.tasks().forEach(t -> onlyEval.remove(t.instanceId()));
            for (String id : onlyEval) rows.add(evalOnly(rows.size(), id, evalGrades.get(id), run.info().scripted()));
        } else {
            for (var e : evalGrades.entrySet()) rows.add(evalOnly(rows.size(), e.getKey(), e.getValue(), false));
        }
        return rows;
    }

    private static TaskRow row(int index, TaskRun t, Optional<PatchGrade> eval, CandidateGrades grades) {
        Optional<RolloutInfo> chosen = t.chosen().flatMap(t::rollout);
        Optional<PatchGrade> chosenGrade = chosen.flatMap(r -> grades.of(t.instanceId(), r.patch()));
        String status;
        String source;
        switch (t.status()) {
            case "ABSTAINED" -> { status = "abstained"; source = "selection"; }
            case "ERROR" -> { status = "error"; source = "selection"; }
            case "BUDGET_EXHAUSTED" -> { status = "budget_exhausted"; source = "selection"; }
            case TaskRun.UNFINISHED -> { status = "unfinished"; source = "selection"; }
            default -> {
                if (eval.isPresent()) { status = eval.get().status(); source = "eval"; }
                else if (chosenGrade.isPresent()) { status = chosenGrade.get().status(); source = "candidate grade"; }
                else { status = t.status().toLowerCase(); source = "selection"; }
            }
        }
        List<Integer> sizes = t.clusters().stream().map(ClusterInfo::size).sorted(Comparator.reverseOrder()).toList();
        Optional<int[]> resolving = Optional.empty();
        long graded = t.rollouts().stream().filter(r -> grades.of(t.instanceId(), r.patch()).isPresent()).count();
        if (graded > 0) {
            int ok = (int) t.rollouts().stream().filter(r -> grades.of(t.instanceId(), r.patch()).map(PatchGrade::resolved).orElse(false)).count();
            resolving = Optional.of(new int[]{ok, (int) graded});
        }
        return new TaskRow(index, t.instanceId(), status, source, t.status(), t.chosen(), sizes,
                t.selection().map(s -> s.winningScore()), t.selection().map(s -> s.runnerUpScore()), resolving,
                t.rollouts().size(), t.spend(), t.wallMs());
    }

    private static TaskRow evalOnly(int index, String id, PatchGrade g, boolean scripted) {
        return new TaskRow(index, id, g.status(), "eval", "-", Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, Spend.none(scripted), 0);
    }
}
