package dev.fixpoint.solver.report;

import dev.fixpoint.verifiers.select.Selection;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One task of a batch run: its selection report (if the task finished) and its rollouts.
 *
 * @param instanceId    the task
 * @param dir           its directory in the run
 * @param status        SELECTED, ABSTAINED, BUDGET_EXHAUSTED, ERROR, or UNFINISHED when there is no selection report
 * @param chosen        the chosen candidate ("rollout-k"), if any
 * @param reasons       why, in words
 * @param rollouts      finished rollouts, by index
 * @param clusters      de-duplication clusters
 * @param selection     the selector's recorded outcome with its evidence, if the task was verified
 * @param verification  the verifiers' test matrix, if the report records it
 * @param judgeProblems problems the judge reported
 * @param adaptiveNote  what the adaptive stop did, or empty
 * @param spend         the task's spend (rollouts, test generation, verification, selection)
 * @param wallMs        the task's wall time in ms
 */
public record TaskRun(String instanceId, Path dir, String status, Optional<String> chosen, List<String> reasons,
                      List<RolloutInfo> rollouts, List<ClusterInfo> clusters, Optional<Selection> selection,
                      Optional<VerificationMatrix> verification, List<String> judgeProblems, String adaptiveNote, Spend spend, long wallMs) {

    public static final String UNFINISHED = "UNFINISHED";

    public TaskRun {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        rollouts = List.copyOf(rollouts);
        clusters = List.copyOf(clusters);
        judgeProblems = List.copyOf(judgeProblems);
        adaptiveNote = Objects.requireNonNullElse(adaptiveNote, "");
    }

    public Optional<RolloutInfo> rollout(String candidateId) {
        return rollouts.stream().filter(r -> r.candidateId().equals(candidateId)).findFirst();
    }
}
