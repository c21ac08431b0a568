package dev.fixpoint.verifiers.dedup;

import java.util.List;
import java.util.Objects;

/**
 * A patch reduced to what it means: two patches with the same {@link #key} make the same change.
 *
 * @param state    what normalisation found
 * @param key      equality key (a SHA-256 hex digest of the canonical form; {@code "empty"} for empty and
 *                 no-effect patches)
 * @param files    repository-relative paths the patch changes in effect, sorted
 * @param problems why the patch is malformed or does not apply; empty otherwise
 */
public record CanonicalPatch(PatchState state, String key, List<String> files, List<String> problems) {

    /** The key shared by every patch that changes nothing. */
    public static final String EMPTY_KEY = "empty";

    public CanonicalPatch {
        Objects.requireNonNull(state, "state");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("canonical patch key is blank");
        }
        files = files.stream().sorted().toList();
        problems = List.copyOf(problems);
    }
}
