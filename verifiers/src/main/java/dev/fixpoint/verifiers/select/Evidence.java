package dev.fixpoint.verifiers.select;

import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.dedup.Cluster;
import dev.fixpoint.verifiers.dedup.Clustering;
import dev.fixpoint.verifiers.dedup.PatchState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything known about one candidate when selecting. Execution and judge evidence are optional (null when
 * the verifier did not run).
 *
 * @param candidateId the candidate
 * @param clusterId   its de-duplication cluster
 * @param clusterSize how many candidates made the same change, itself counted
 * @param patchState  what de-duplication found about its patch
 * @param execution   test results, or null
 * @param judge       model verdicts, or null
 */
public record Evidence(String candidateId, int clusterId, int clusterSize, PatchState patchState,
                       ExecutionEvidence execution, JudgeEvidence judge) {

    public Evidence {
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(patchState, "patchState");
        if (clusterId < 0) {
            throw new IllegalArgumentException(candidateId + ": negative cluster id: " + clusterId);
        }
        if (clusterSize < 1) {
            throw new IllegalArgumentException(candidateId + ": cluster size must be at least 1, not: " + clusterSize);
        }
    }

    /**
     * The evidence of a whole pool, in the candidates' order (which is the last tie-breaker).
     *
     * @param execution test results by candidate id; candidates without an entry have none
     * @param judge     model verdicts by candidate id; candidates without an entry have none
     */
    public static List<Evidence> of(List<CandidatePatch> candidates, Clustering clustering,
                                    Map<String, ExecutionEvidence> execution, Map<String, JudgeEvidence> judge) {
        Map<String, Cluster> clusters = clustering.byCandidate();
        List<Evidence> pool = new ArrayList<>();
        for (CandidatePatch c : candidates) {
            Cluster cluster = clusters.get(c.id());
            if (cluster == null) {
                throw new IllegalArgumentException("candidate is not in the clustering: " + c.id());
            }
            pool.add(new Evidence(c.id(), cluster.id(), cluster.size(), clustering.canonical().get(c.id()).state(),
                    execution.get(c.id()), judge.get(c.id())));
        }
        return List.copyOf(pool);
    }

    /**
     * The patch could be a fix: it changes something and applies. Where execution evidence exists, the sandbox's
     * verdict on applying (which tolerates fuzz) overrides de-duplication's stricter one.
     */
    public boolean usable() {
        return unusableReason().isEmpty();
    }

    /** Why the candidate cannot be a fix at all, or empty if it {@link #usable() can}. */
    public String unusableReason() {
        return switch (patchState) {
            case EMPTY, NO_EFFECT -> "empty patch";
            case MALFORMED -> "malformed patch";
            case TOO_LARGE -> "patch over the size limit";
            case UNREADABLE -> "patch could not be read";
            case DOES_NOT_APPLY -> execution != null && execution.applied() ? "" : "patch does not apply";
            case APPLIES, UNCHECKED -> execution != null && !execution.applied() ? "patch does not apply" : "";
        };
    }
}
