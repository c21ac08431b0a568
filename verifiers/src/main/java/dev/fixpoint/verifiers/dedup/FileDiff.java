package dev.fixpoint.verifiers.dedup;

import java.util.List;

/**
 * The changes of one file in a unified diff.
 *
 * @param oldPath repository-relative path before the change, or null for a new file
 * @param newPath repository-relative path after the change, or null for a deleted file
 * @param hunks   the text changes, in file order
 * @param binary  the diff only says a binary file changed; its content is not comparable
 */
record FileDiff(String oldPath, String newPath, List<Hunk> hunks, boolean binary) {

    FileDiff {
        if (oldPath == null && newPath == null) {
            throw new IllegalArgumentException("file diff without old and new path");
        }
        hunks = List.copyOf(hunks);
    }

    /** The path that names this change: the new path, or the old one for a deletion. */
    String path() {
        return newPath != null ? newPath : oldPath;
    }

    boolean isNewFile() {
        return oldPath == null;
    }

    boolean isDeletion() {
        return newPath == null;
    }
}
