package dev.fixpoint.verifiers;

import dev.fixpoint.agent.Candidate;
import dev.fixpoint.agent.PatchStatus;
import dev.fixpoint.agent.ReproductionFile;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One candidate to verify: a patch produced by a rollout, as the verifiers see it.
 *
 * @param id                 stable identifier, unique within a pool (e.g. {@code rollout-3}); input order and
 *                           ids together make every selection deterministic
 * @param patch              unified diff against the task's base commit; empty when the rollout produced none
 * @param reproductionFiles  the rollout's own reproduction script(s), repository-relative path -> content, sorted
 * @param status             whether there is a patch, and if not why (no change, too large, unreadable); follows from
 *                           the text when not given
 * @param statusMessage      what happened to the patch, e.g. its size, or why it is missing; "" when not known
 */
public record CandidatePatch(String id, String patch, Map<String, String> reproductionFiles, PatchStatus status,
                             String statusMessage) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:/+-]+");

    public CandidatePatch {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a valid candidate id: " + id);
        }
        patch = Objects.requireNonNullElse(patch, "");
        reproductionFiles = java.util.Collections.unmodifiableMap(
                new TreeMap<>(reproductionFiles == null ? Map.of() : reproductionFiles));
        status = status == null ? PatchStatus.of(patch) : status;
        if (status != PatchStatus.CHANGED && !patch.isBlank()) {
            throw new IllegalArgumentException(id + ": patch status " + status + " with a non-empty patch");
        }
        statusMessage = Objects.requireNonNullElse(statusMessage, "");
    }

    /** A candidate whose status follows from its patch text. */
    public CandidatePatch(String id, String patch, Map<String, String> reproductionFiles) {
        this(id, patch, reproductionFiles, null, "");
    }

    public static CandidatePatch of(String id, String patch) {
        return new CandidatePatch(id, patch, Map.of());
    }

    /** A pool of rollouts' candidates, in order, with ids {@code r0}, {@code r1}, ... (the rollout index). */
    public static java.util.List<CandidatePatch> fromRollouts(java.util.List<Candidate> rollouts) {
        return java.util.stream.IntStream.range(0, rollouts.size())
                .mapToObj(i -> from("r" + i, rollouts.get(i))).toList();
    }

    /** A rollout's candidate under the given pool id. */
    public static CandidatePatch from(String id, Candidate candidate) {
        Map<String, String> files = new TreeMap<>();
        for (ReproductionFile f : candidate.reproduction()) {
            files.put(f.path(), f.content());
        }
        return new CandidatePatch(id, candidate.patch(), files, candidate.patchStatus(), candidate.patchMessage());
    }
}
