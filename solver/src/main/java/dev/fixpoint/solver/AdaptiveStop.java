package dev.fixpoint.solver;

import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.dedup.Cluster;
import dev.fixpoint.verifiers.select.ExecutionEvidence;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Adaptive compute: enough rollouts agree when a cluster of at least {@code agreeing} candidates made the same
 * change and that change passes execution: it applies, passes at least one kept reproduction test and breaks no
 * regression test. The verification session holds the scripts of every finished rollout and keeps its results, so
 * the final selection reuses them.
 */
record AdaptiveStop(int agreeing) {

    /** Why launching more rollouts is not needed, if it is not. */
    Optional<String> check(List<CandidatePatch> pool, VerificationStage verification) throws InterruptedException {
        List<Cluster> big = verification.cluster(pool).clusters().stream().filter(c -> c.state().isUsable() && c.size() >= agreeing)
                .sorted(Comparator.comparingInt(Cluster::size).reversed()).toList();
        for (Cluster c : big) {
            Optional<ExecutionEvidence> found = verification.execution(pool, c.representative());
            if (found.isEmpty()) continue;
            ExecutionEvidence e = found.get();
            if (e.applied() && e.reproductionPassed() > 0 && e.regressionBroken() == 0) {
                return Optional.of("%d candidates agree (%s) and pass %d of %d reproduction tests, breaking none of %d regression tests"
                        .formatted(c.size(), String.join(", ", c.memberIds()), e.reproductionPassed(), e.reproductionTotal(), e.regressionTotal()));
            }
        }
        return Optional.empty();
    }
}
