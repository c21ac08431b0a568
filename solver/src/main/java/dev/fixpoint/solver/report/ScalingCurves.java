package dev.fixpoint.solver.report;

import dev.fixpoint.verifiers.select.Strategies;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the test-time scaling curves of a batch run for k = 1..N rollouts:
 * <ul>
 *   <li><b>pass@k</b>: the unbiased estimator ({@link PassAtK}) over each task's n finished rollouts, averaged over
 *       tasks (for k above a task's n, its pass@n);</li>
 *   <li><b>coverage, first k</b>: any of rollouts 1..k (in rollout order) resolves;</li>
 *   <li><b>selected, strategy</b>: the candidate {@link Reselection} picks among rollouts 1..k resolves (an
 *       abstention counts as not resolved);</li>
 *   <li><b>cost</b>: mean spend of rollouts 1..k per task (dollars when every rollout has a price, else tokens);
 *       verification and selection spend are not in it.</li>
 * </ul>
 * Rates are over the tasks whose every candidate has a known outcome; the others are counted in a note.
 */
public final class ScalingCurves {

    private ScalingCurves() {}

    static Curves compute(BatchRun run, CandidateOutcomes outcomes) {
        List<TaskRun> counted = new ArrayList<>();
        int unknown = 0;
        for (TaskRun t : run.tasks()) {
            if (t.rollouts().isEmpty()) continue;
            if (t.rollouts().stream().allMatch(r -> outcomes.resolves(t, r).isPresent())) counted.add(t);
            else unknown++;
        }
        if (counted.isEmpty()) {
            return Curves.none(outcomes.proxy()
                    ? "no task has recorded execution evidence for every candidate: no curve can be drawn; grade the candidates with fixpoint report --grade"
                    : "no task has a grade for every candidate: run fixpoint report --grade");
        }
        int maxK = counted.stream().mapToInt(t -> t.rollouts().size()).max().orElse(0);
        List<String> strategies = strategies(run);
        List<Double> pass = new ArrayList<>();
        List<Double> firstK = new ArrayList<>();
        List<List<Double>> selected = new ArrayList<>();
        strategies.forEach(s -> selected.add(new ArrayList<>()));
        boolean dollars = counted.stream().flatMap(t -> t.rollouts().stream()).allMatch(r -> r.spend().knownUsd().isPresent());
        List<Double> cost = new ArrayList<>();
        for (int k = 1; k <= maxK; k++) {
            double p = 0, c = 0, spend = 0;
            double[] sel = new double[strategies.size()];
            for (TaskRun t : counted) {
                List<Boolean> ok = t.rollouts().stream().map(r -> outcomes.resolves(t, r).orElseThrow()).toList();
                int n = ok.size();
                int correct = (int) ok.stream().filter(b -> b).count();
                p += PassAtK.estimate(n, correct, Math.min(k, n));
                List<RolloutInfo> first = firstK(t, k);
                if (first.stream().anyMatch(r -> outcomes.resolves(t, r).orElseThrow())) c++;
                for (RolloutInfo r : first) spend += dollars ? r.spend().knownUsd().map(BigDecimal::doubleValue).orElse(0.0) : r.spend().tokens();
                for (int i = 0; i < strategies.size(); i++) {
                    Optional<RolloutInfo> pick = Reselection.chosen(t, strategies.get(i), k).flatMap(t::rollout);
                    if (pick.isPresent() && outcomes.resolves(t, pick.get()).orElse(false)) sel[i]++;
                }
            }
            int total = counted.size();
            pass.add(p / total);
            firstK.add(c / total);
            for (int i = 0; i < sel.length; i++) selected.get(i).add(sel[i] / total);
            cost.add(spend / total);
        }
        List<Curves.Curve> rates = new ArrayList<>();
        rates.add(new Curves.Curve("pass@k (unbiased)", "pass", pass,
                "probability that at least one of k rollouts drawn at random from a task's n resolves, unbiased estimator of the Codex paper, mean over tasks"));
        rates.add(new Curves.Curve("coverage, first k", "coverage", firstK,
                "share of tasks where any of rollouts 1..k (in rollout order) resolves: the ceiling for selection among them"));
        for (int i = 0; i < strategies.size(); i++) {
            String s = strategies.get(i);
            boolean ran = s.equals(run.info().strategy());
            rates.add(new Curves.Curve("selected, " + s + (ran ? " (the run's)" : ""), "selected", selected.get(i),
                    "share of tasks where " + s + " re-run over rollouts 1..k picks a resolving candidate; abstaining counts as not resolved"));
        }
        List<String> notes = new ArrayList<>();
        notes.add(outcomes.meaning() + ".");
        notes.add("Rates are over " + counted.size() + " task(s)" + (unknown > 0 ? "; " + unknown + " task(s) lack an outcome for some candidate and are left out" : "")
                + ". A task with fewer than k rollouts (adaptive stop, budget) uses all it has.");
        notes.add("Selected curves re-run the verifiers' Selector over the recorded evidence of rollouts 1..k with cluster sizes recounted; "
                + "the execution evidence is the full run's (reproduction tests written by any of the rollouts), so small k may look better than a run with only k rollouts would.");
        if (!strategies.contains("model-only")) notes.add("model-only is not drawn: the run recorded no judge verdicts.");
        notes.add("Cost: mean " + (dollars ? "dollars" : "tokens") + " of rollouts 1..k per task (rollouts only; test generation, verification and judging not included)"
                + (dollars ? "." : run.info().scripted() ? ": the model is scripted, it cost nothing." : ": some rollouts have no price."));
        return new Curves(maxK, counted.size(), rates, cost, dollars ? "USD" : "tokens", outcomes.proxy(), notes);
    }

    private static List<RolloutInfo> firstK(TaskRun t, int k) {
        List<RolloutInfo> all = t.rollouts();
        return all.subList(0, Math.min(k, all.size()));
    }

    /** The run's strategy first, then the others; model-only only when some judge verdict was recorded. */
    static List<String> strategies(BatchRun run) {
        boolean judged = run.tasks().stream().flatMap(t -> t.selection().stream()).flatMap(s -> s.evidence().stream())
                .anyMatch(e -> e.judge() != null);
        Set<String> names = new LinkedHashSet<>();
        if (Strategies.NAMES.contains(run.info().strategy())) names.add(run.info().strategy());
        for (String n : Strategies.NAMES) if (judged || !n.equals("model-only")) names.add(n);
        return List.copyOf(names);
    }
}
