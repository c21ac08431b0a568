package dev.fixpoint.tasks.git;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.FormatError;
import org.eclipse.jgit.patch.HunkHeader;

/**
 * A unified patch: its text and, per file it touches, the change and its hunks. Read with JGit's patch parser after
 * a small normalisation of what editors and models strip (see {@link #read}); JGit types stay inside this package.
 *
 * @param text  the patch text as given (e.g. as {@code git diff} writes it)
 * @param diffs one entry per file the patch touches, in patch order
 */
public record Patch(String text, List<FileDiff> diffs) {

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
        diffs = List.copyOf(diffs);
    }

    /**
     * Parses patch text strictly (git's extended format, or plain unified diffs with {@code ---}/{@code +++}
     * headers), with the tolerance of {@link #read}. Blank text is the {@link #EMPTY} patch.
     *
     * @throws IllegalArgumentException when the text is not a patch or is malformed, naming the first bad line
     */
    public static Patch parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        ParsedPatch parsed = read(text);
        if (!parsed.ok()) {
            throw new IllegalArgumentException("not a valid patch: " + String.join("; ", parsed.problems()));
        }
        if (parsed.patch().isEmpty()) {
            throw new IllegalArgumentException("not a patch: no file headers found (expected 'diff --git a/... b/...'"
                    + " or '--- a/...' and '+++ b/...' lines)");
        }
        return parsed.patch();
    }

    /**
     * Reads patch text leniently: never throws on bad input, returns what was malformed instead. Text before the
     * first file header is ignored; prose without any file header reads as a patch with no files and no problems.
     * Tolerated: CRLF, a missing final newline, paths without {@code a/}/{@code b/} prefixes (taken as they are),
     * timestamps after paths, plain diffs without {@code diff --git} lines, omitted hunk counts, context lines whose
     * single space was stripped. Problems: hunks shorter than their header says, malformed hunk headers, hunks
     * outside any file, file headers without hunks, files without a path. Blank text is the {@link #EMPTY} patch.
     */
    public static ParsedPatch read(String text) {
        if (text == null || text.isBlank()) {
            return new ParsedPatch(EMPTY, List.of());
        }
        PatchNormaliser.Normalised normalised = PatchNormaliser.normalise(text);
        org.eclipse.jgit.patch.Patch parsed;
        try {
            parsed = parseJGit(normalised.text());
        } catch (RuntimeException e) { // JGit throws on a few malformed header lines, e.g. a bad index line
            List<String> problems = new ArrayList<>(normalised.problems());
            problems.add("JGit cannot parse the patch: " + e);
            return new ParsedPatch(new Patch(text, List.of()), problems);
        }
        List<String> problems = new ArrayList<>(normalised.problems());
        if (problems.isEmpty()) {
            for (FormatError error : parsed.getErrors()) {
                if (error.getSeverity() == FormatError.Severity.ERROR) {
                    problems.add(error.getMessage() + " at line " + lineOf(normalised.text(), error.getOffset())
                            + " of the normalised patch: " + error.getLineText().strip());
                }
            }
        }
        List<FileDiff> diffs = new ArrayList<>();
        for (FileHeader header : parsed.getFiles()) {
            diff(header).ifPresent(diffs::add);
        }
        return new ParsedPatch(new Patch(text, diffs), problems);
    }

    /** One change per file the patch touches, in patch order. */
    public List<FileChange> files() {
        return diffs.stream().map(FileDiff::change).toList();
    }

    /** True when the patch touches no file. */
    public boolean isEmpty() {
        return diffs.isEmpty();
    }

    /** Every path the patch reads or writes (old and new paths), in patch order. */
    public Set<String> paths() {
        Set<String> paths = new LinkedHashSet<>();
        for (FileChange f : files()) {
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
        return files().stream().filter(FileChange::binary).toList();
    }

    /** The JGit patch of this patch's text, normalised as {@link #read} does: for applying with JGit. */
    org.eclipse.jgit.patch.Patch toJGit() {
        return parseJGit(PatchNormaliser.normalise(text).text());
    }

    private static org.eclipse.jgit.patch.Patch parseJGit(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        org.eclipse.jgit.patch.Patch parsed = new org.eclipse.jgit.patch.Patch();
        parsed.parse(bytes, 0, bytes.length);
        return parsed;
    }

    private static Optional<FileDiff> diff(FileHeader header) {
        ChangeType type = switch (header.getChangeType()) {
            case ADD -> ChangeType.ADD;
            case MODIFY -> ChangeType.MODIFY;
            case DELETE -> ChangeType.DELETE;
            case RENAME -> ChangeType.RENAME;
            case COPY -> ChangeType.COPY;
        };
        String oldPath = type == ChangeType.ADD ? null : clean(header.getOldPath());
        String newPath = type == ChangeType.DELETE ? null : clean(header.getNewPath());
        if (oldPath == null && newPath == null) {
            return Optional.empty(); // the normaliser reported it
        }
        boolean binary = header.getPatchType() != FileHeader.PatchType.UNIFIED;
        List<Hunk> hunks = header.getHunks().stream().map(Patch::hunk).toList();
        return Optional.of(new FileDiff(new FileChange(type, oldPath, newPath, binary), hunks));
    }

    private static Hunk hunk(HunkHeader header) {
        String body = new String(header.getBuffer(), header.getStartOffset(),
                header.getEndOffset() - header.getStartOffset(), StandardCharsets.UTF_8);
        List<String> lines = Arrays.stream(body.split("\n")).skip(1).filter(l -> !l.startsWith("\\")).toList();
        return new Hunk(header.getOldImage().getStartLine(), header.getOldImage().getLineCount(),
                header.getNewStartLine(), header.getNewLineCount(), lines);
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
