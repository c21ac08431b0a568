package dev.fixpoint.verifiers.dedup;

import java.util.List;
import java.util.Objects;

/**
 * Candidates whose patches make the same change.
 *
 * @param id        0-based, in order of the cluster's first member in the input
 * @param key       the members' shared {@link CanonicalPatch#key()}
 * @param state     the members' shared state (the first member's when they differ, e.g. empty and no-effect)
 * @param memberIds candidate ids in input order; the first is the cluster's representative
 * @param files     paths the change touches, sorted
 */
public record Cluster(int id, String key, PatchState state, List<String> memberIds, List<String> files) {

    public Cluster {
        if (id < 0) {
            throw new IllegalArgumentException("negative cluster id: " + id);
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        memberIds = List.copyOf(memberIds);
        if (memberIds.isEmpty()) {
            throw new IllegalArgumentException("cluster " + id + " has no members");
        }
        files = List.copyOf(files);
    }

    public int size() {
        return memberIds.size();
    }

    /** The member that stands for the cluster: the first in input order. */
    public String representative() {
        return memberIds.get(0);
    }
}
