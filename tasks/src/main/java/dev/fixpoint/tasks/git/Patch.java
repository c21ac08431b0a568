package dev.fixpoint.tasks.git;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.FormatError;

/**
 * A unified git patch: its text and the files it touches, parsed with JGit's patch parser.
 *
 * @param text  the patch text, as {@code git diff} writes it
 * @param files one entry per file the patch touches, in patch order
 */
public record Patch(String text, List<FileChange> files) {

    /** The patch that changes nothing. */
    public static final Patch EMPTY = new Patch("", List.of());

    /** How a patch changes one file. */
    public enum ChangeType { ADD, MODIFY, DELETE, RENAME, COPY }

    /**
     * One file a patch touches.
     *
     * @param type    what happens to it
     * @param oldPath path before ({@code null} for {@link ChangeType#ADD})
     * @param newPath path after ({@code null} for {@link ChangeType#DELETE})
     * @param binary  true when the file is binary: the patch says "Binary files differ" (content not included)
     *                or carries a git binary hunk
     */
    public record FileChange(ChangeType type, String oldPath, String newPath, boolean binary) {
        public FileChange {
            Objects.requireNonNull(type, "type");
            if (oldPath == null && newPath == null) {
                throw new IllegalArgumentException("a file change needs an old or a new path");
            }
        }

        /** The path to show: the new one, or the old one for a deletion. */
        public String path() {
            return newPath != null ? newPath : oldPath;
        }
    }

    public Patch {
        Objects.requireNonNull(text, "text");
        files = List.copyOf(files);
    }

    /**
     * Parses patch text (git's extended format, or plain unified diffs with {@code ---}/{@code +++} headers).
     * Blank text is the {@link #EMPTY} patch.
     *
     * @throws IllegalArgumentException when the text is not a patch, naming the first bad line
     */
    public static Patch parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        org.eclipse.jgit.patch.Patch parsed = parseJGit(text);
        for (FormatError error : parsed.getErrors()) {
            if (error.getSeverity() == FormatError.Severity.ERROR) {
                throw new IllegalArgumentException("not a valid patch: " + error.getMessage() + " at line "
                        + lineOf(text, error.getOffset()) + ": " + error.getLineText().strip());
            }
        }
        if (parsed.getFiles().isEmpty()) {
            throw new IllegalArgumentException("not a patch: no file headers found (expected 'diff --git a/... b/...'"
                    + " or '--- a/...' and '+++ b/...' lines)");
        }
        List<FileChange> files = new ArrayList<>();
        for (FileHeader header : parsed.getFiles()) {
            files.add(change(header));
        }
        return new Patch(text, files);
    }

    /** True when the patch touches no file. */
    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** Every path the patch reads or writes (old and new paths), in patch order. */
    public Set<String> paths() {
        Set<String> paths = new LinkedHashSet<>();
        for (FileChange f : files) {
            if (f.oldPath() != null) {
                paths.add(f.oldPath());
            }
            if (f.newPath() != null) {
                paths.add(f.newPath());
            }
        }
        return paths;
    }

    /** The files flagged binary. */
    public List<FileChange> binaryFiles() {
        return files.stream().filter(FileChange::binary).toList();
    }

    static org.eclipse.jgit.patch.Patch parseJGit(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        org.eclipse.jgit.patch.Patch parsed = new org.eclipse.jgit.patch.Patch();
        parsed.parse(bytes, 0, bytes.length);
        return parsed;
    }

    private static FileChange change(FileHeader header) {
        ChangeType type = switch (header.getChangeType()) {
            case ADD -> ChangeType.ADD;
            case MODIFY -> ChangeType.MODIFY;
            case DELETE -> ChangeType.DELETE;
            case RENAME -> ChangeType.RENAME;
            case COPY -> ChangeType.COPY;
        };
        String oldPath = type == ChangeType.ADD ? null : clean(header.getOldPath());
        String newPath = type == ChangeType.DELETE ? null : clean(header.getNewPath());
        boolean binary = header.getPatchType() != FileHeader.PatchType.UNIFIED;
        return new FileChange(type, oldPath, newPath, binary);
    }

    private static String clean(String path) {
        return path == null || path.equals(DiffEntry.DEV_NULL) ? null : path;
    }

    private static int lineOf(String text, int byteOffset) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int line = 1;
        for (int i = 0; i < Math.min(byteOffset, bytes.length); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
