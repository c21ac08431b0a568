package dev.fixpoint.tasks.git;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a patch: how it changes and its hunks.
 *
 * @param change what happens to the file (type, old and new path, binary)
 * @param hunks  the text changes, in file order (none for binary files, pure renames and mode changes)
 */
public record FileDiff(Patch.FileChange change, List<Hunk> hunks) {

    public FileDiff {
        Objects.requireNonNull(change, "change");
        hunks = List.copyOf(hunks);
    }

    /** The path that names this change: the new path, or the old one for a deletion. */
    public String path() {
        return change.path();
    }

    /** Path before the change; {@code null} for a new file. */
    public String oldPath() {
        return change.oldPath();
    }

    /** Path after the change; {@code null} for a deletion. */
    public String newPath() {
        return change.newPath();
    }

    /** True when the patch only says a binary file changed (or carries a git binary hunk): no text to compare. */
    public boolean binary() {
        return change.binary();
    }

    public boolean isNewFile() {
        return change.oldPath() == null;
    }

    public boolean isDeletion() {
        return change.newPath() == null;
    }

    /** Lines the hunks add. */
    public int addedLines() {
        return hunks.stream().mapToInt(h -> h.added().size()).sum();
    }

    /** Lines the hunks remove. */
    public int removedLines() {
        return hunks.stream().mapToInt(h -> h.removed().size()).sum();
    }

    /**
     * Applies this file's hunks to its base content, as {@code git apply} does: each hunk's context and removed
     * lines must match exactly, at the line its header names or shifted (hunks move with the file), in order; no
     * fuzz. When they match nowhere, lines are compared once more with trailing whitespace ignored. Text only: a
     * binary diff fails.
     *
     * @param base the file's content before the patch, empty when the file does not exist there
     * @return the post-image (empty for a deleted file), or why the hunks do not fit, naming the file and hunk
     */
    public AppliedFile applyTo(Optional<String> base) {
        return InCoreApplier.apply(this, base);
    }
}
