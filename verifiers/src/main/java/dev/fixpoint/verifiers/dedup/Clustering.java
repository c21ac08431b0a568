package dev.fixpoint.verifiers.dedup;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A pool of candidates grouped into clusters of equivalent patches.
 *
 * @param clusters  every cluster, by ascending id
 * @param canonical each candidate's canonical patch, by candidate id
 */
public record Clustering(List<Cluster> clusters, Map<String, CanonicalPatch> canonical) {

    public Clustering {
        clusters = List.copyOf(clusters);
        canonical = Map.copyOf(canonical);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < clusters.size(); i++) {
            Cluster c = clusters.get(i);
            if (c.id() != i) {
                throw new IllegalArgumentException("cluster ids must be 0..n-1 in order; found %d at %d".formatted(c.id(), i));
            }
            for (String member : c.memberIds()) {
                if (!seen.add(member)) {
                    throw new IllegalArgumentException("candidate in two clusters: " + member);
                }
                if (!canonical.containsKey(member)) {
                    throw new IllegalArgumentException("no canonical patch for candidate: " + member);
                }
            }
        }
    }

    /** The cluster holding {@code candidateId}; throws if the candidate is not in this pool. */
    public Cluster clusterOf(String candidateId) {
        return clusters.stream().filter(c -> c.memberIds().contains(candidateId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown candidate: " + candidateId));
    }

    /** Cluster of every candidate, by candidate id. */
    public Map<String, Cluster> byCandidate() {
        return clusters.stream().flatMap(c -> c.memberIds().stream().map(id -> Map.entry(id, c)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Number of candidates in the pool. */
    public int candidateCount() {
        return clusters.stream().mapToInt(Cluster::size).sum();
    }

    /** Clusters keyed by id, for lookups. */
    public Map<Integer, Cluster> byId() {
        return clusters.stream().collect(Collectors.toUnmodifiableMap(Cluster::id, Function.identity()));
    }
}
