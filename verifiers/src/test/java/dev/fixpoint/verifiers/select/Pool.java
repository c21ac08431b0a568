package dev.fixpoint.verifiers.select;

import dev.fixpoint.verifiers.dedup.PatchState;
import java.util.ArrayList;
import java.util.List;

/** Builds evidence pools for selection tests: {@code Pool.of().add("a", 0, 2).exec(...).judge(...)}. */
final class Pool {

    private final List<Evidence> items = new ArrayList<>();

    static Pool of() {
        return new Pool();
    }

    Pool add(String id, int cluster, int size) {
        return add(id, cluster, size, PatchState.APPLIES);
    }

    Pool add(String id, int cluster, int size, PatchState state) {
        items.add(new Evidence(id, cluster, size, state, null, null));
        return this;
    }

    /** Sets execution evidence on the last candidate added. */
    Pool exec(int passed, int total, int broken, int regressions) {
        Evidence e = last();
        replaceLast(new Evidence(e.candidateId(), e.clusterId(), e.clusterSize(), e.patchState(),
                new ExecutionEvidence(true, passed, total, broken, regressions), e.judge()));
        return this;
    }

    Pool notApplied() {
        Evidence e = last();
        replaceLast(new Evidence(e.candidateId(), e.clusterId(), e.clusterSize(), e.patchState(),
                ExecutionEvidence.notApplied(3, 5), e.judge()));
        return this;
    }

    /** Sets judge evidence on the last candidate added. */
    Pool judge(Double pointwise, Double listwise) {
        Evidence e = last();
        replaceLast(new Evidence(e.candidateId(), e.clusterId(), e.clusterSize(), e.patchState(), e.execution(),
                new JudgeEvidence(pointwise, listwise, listwise == null ? null : 1.0, 1)));
        return this;
    }

    List<Evidence> build() {
        return List.copyOf(items);
    }

    private Evidence last() {
        return items.get(items.size() - 1);
    }

    private void replaceLast(Evidence e) {
        items.set(items.size() - 1, e);
    }
}
