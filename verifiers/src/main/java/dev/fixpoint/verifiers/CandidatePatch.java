package dev.fixpoint.verifiers;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One candidate to verify: a patch produced by a rollout, as the verifiers see it.
 *
 * @param id                 stable identifier, unique within a pool (e.g. {@code rollout-3}); input order and
 *                           ids together make every selection deterministic
 * @param patch              unified diff against the task's base commit; empty when the rollout produced none
 * @param reproductionScript the rollout's own reproduction test, or empty
 */
public record CandidatePatch(String id, String patch, String reproductionScript) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:/+-]+");

    public CandidatePatch {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a valid candidate id: " + id);
        }
        patch = Objects.requireNonNullElse(patch, "");
        reproductionScript = Objects.requireNonNullElse(reproductionScript, "");
    }

    public static CandidatePatch of(String id, String patch) {
        return new CandidatePatch(id, patch, "");
    }
}
