package dev.fixpoint.verifiers.dedup;

import dev.fixpoint.verifiers.CandidatePatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups candidates whose patches make the same change (see {@link PatchCanonicalizer} for what counts as
 * the same). Every empty or no-effect patch lands in one cluster; each malformed patch is alone unless its
 * text is identical to another's; each candidate whose patch is too large or unreadable (its
 * {@link CandidatePatch#status()}) is alone, since nothing is known of its change. Cluster ids follow the input order of each cluster's first member, so the
 * same pool in the same order always gives the same clustering. Thread-safe.
 */
public final class CandidateClusterer {

    private static final Logger log = LoggerFactory.getLogger(CandidateClusterer.class);

    private final PatchCanonicalizer canonicalizer = new PatchCanonicalizer();

    public Clustering cluster(List<CandidatePatch> candidates, BaseFiles base) {
        Set<String> ids = new HashSet<>();
        for (CandidatePatch c : candidates) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("duplicate candidate id in pool: " + c.id());
            }
        }
        BaseFiles cached = base.available() ? memoised(base) : base;
        Map<String, CanonicalPatch> canonical = new HashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        Map<String, CanonicalPatch> firstOfKey = new HashMap<>();
        for (CandidatePatch candidate : candidates) {
            CanonicalPatch patch = switch (candidate.status()) {
                case TOO_LARGE -> missing(PatchState.TOO_LARGE, "too-large:", candidate);
                case UNREADABLE -> missing(PatchState.UNREADABLE, "unreadable:", candidate);
                case CHANGED, NO_CHANGE -> canonicalizer.canonicalize(candidate.patch(), cached);
            };
            log.debug("{}: {} key {} files {}", candidate.id(), patch.state(), abbreviate(patch.key()), patch.files());
            canonical.put(candidate.id(), patch);
            members.computeIfAbsent(patch.key(), k -> new ArrayList<>()).add(candidate.id());
            firstOfKey.putIfAbsent(patch.key(), patch);
        }
        List<Cluster> clusters = new ArrayList<>();
        members.forEach((key, memberIds) -> {
            CanonicalPatch first = firstOfKey.get(key);
            clusters.add(new Cluster(clusters.size(), key, first.state(), memberIds, first.files()));
        });
        log.debug("{} candidates -> {} clusters", candidates.size(), clusters.size());
        return new Clustering(clusters, canonical);
    }

    /** A candidate without a patch text for a reason other than "no change": alone in its cluster. */
    private static CanonicalPatch missing(PatchState state, String keyPrefix, CandidatePatch candidate) {
        return new CanonicalPatch(state, keyPrefix + candidate.id(), List.of(),
                candidate.statusMessage().isEmpty() ? List.of() : List.of(candidate.statusMessage()));
    }

    /** Base files are read once per path per pool: every candidate patches the same files. */
    private static BaseFiles memoised(BaseFiles base) {
        Map<String, Optional<String>> cache = new ConcurrentHashMap<>();
        return path -> cache.computeIfAbsent(path, base::read);
    }

    private static String abbreviate(String key) {
        return key.length() > 12 ? key.substring(0, 12) : key;
    }
}
