package dev.fixpoint.solver;

import dev.fixpoint.solver.verify.ExecutionMatrix;
import dev.fixpoint.solver.verify.PreparedTask;
import dev.fixpoint.solver.verify.Verification;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.dedup.Cluster;
import dev.fixpoint.verifiers.dedup.Clustering;
import dev.fixpoint.verifiers.select.ExecutionEvidence;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Adaptive compute: enough rollouts agree when a cluster of at least {@code agreeing} candidates made the same
 * change and that change passes execution: it applies, passes at least one kept reproduction script and breaks
 * no regression test. The matrix holds the reproduction scripts of every finished rollout; its results are cached, so the final selection reuses them.
 */
record AdaptiveStop(int agreeing, Verification verification) {

    /** Why launching more rollouts is not needed, if it is not. */
    Optional<String> check(List<CandidatePatch> pool, PreparedTask prepared, ExecutionMatrix matrix) {
        Clustering clustering = verification.cluster(pool, prepared);
        List<Cluster> big = clustering.clusters().stream().filter(c -> c.state().isUsable() && c.size() >= agreeing)
                .sorted(Comparator.comparingInt(Cluster::size).reversed()).toList();
        if (big.isEmpty()) return Optional.empty();
        for (Cluster c : big) {
            String patch = pool.stream().filter(p -> p.id().equals(c.representative())).findFirst().orElseThrow().patch();
            ExecutionEvidence e = matrix.evidence(patch);
            if (e.applied() && e.reproductionPassed() > 0 && e.regressionBroken() == 0) {
                return Optional.of("%d candidates agree (%s) and pass %d of %d reproduction scripts, breaking none of %d regression tests"
                        .formatted(c.size(), String.join(", ", c.memberIds()), e.reproductionPassed(), e.reproductionTotal(), e.regressionTotal()));
            }
        }
        return Optional.empty();
    }
}
