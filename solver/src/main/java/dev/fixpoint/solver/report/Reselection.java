package dev.fixpoint.solver.report;

import dev.fixpoint.verifiers.select.Abstention;
import dev.fixpoint.verifiers.select.Evidence;
import dev.fixpoint.verifiers.select.Selection;
import dev.fixpoint.verifiers.select.Selector;
import dev.fixpoint.verifiers.select.Strategies;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Re-runs selection as if only the first k rollouts had run: the verifiers' {@link Selector} over the task's recorded
 * evidence, restricted to those candidates, with cluster sizes recounted among them and the run's abstention rule.
 * The execution evidence itself is the full run's (reproduction tests written by any rollout), so this is what our
 * selection would pick among the first k candidates given the run's tests.
 */
final class Reselection {

    private static final Pattern ABSTENTION = Pattern.compile("Abstention\\[minScore=([-0-9.Ee]+), minMargin=([-0-9.Ee]+)]");
    private static final Selector SELECTOR = new Selector();

    private Reselection() {}

    /** The choice among the task's first k finished rollouts (in rollout order), empty when abstaining or when the task has no recorded evidence. */
    static Optional<String> chosen(TaskRun task, String strategy, int k) {
        if (task.selection().isEmpty()) return Optional.empty();
        Selection recorded = task.selection().get();
        Set<String> ids = task.rollouts().stream().limit(k).map(RolloutInfo::candidateId).collect(Collectors.toSet());
        List<Evidence> firstK = recorded.evidence().stream().filter(e -> ids.contains(e.candidateId())).toList();
        if (firstK.isEmpty()) return Optional.empty();
        Map<Integer, Long> sizes = firstK.stream().collect(Collectors.groupingBy(Evidence::clusterId, Collectors.counting()));
        List<Evidence> pool = firstK.stream().map(e -> new Evidence(e.candidateId(), e.clusterId(), sizes.get(e.clusterId()).intValue(),
                e.patchState(), e.execution(), e.judge())).toList();
        return SELECTOR.select(Strategies.named(strategy, abstention(recorded.config())), pool).chosen();
    }

    /** The abstention rule a recorded strategy configuration prints, or the CLI's default (min score 0.5). */
    static Abstention abstention(String config) {
        Matcher m = ABSTENTION.matcher(config);
        return m.find() ? new Abstention(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))) : new Abstention(0.5, 0.0);
    }
}
