package dev.fixpoint.tasks.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.patch.FormatError;
import org.eclipse.jgit.patch.PatchApplier;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Applies one {@link FileDiff} to content held in memory, with JGit's {@link PatchApplier} on a one-file tree in an
 * {@link InMemoryRepository}. JGit finds where each hunk fits (at its line, else shifted); this class adds what it
 * leaves to the caller: the file must (not) exist, a deletion must remove everything, and a second try with
 * trailing whitespace ignored when the exact one fails.
 */
final class InCoreApplier {

    /** The one path of the in-memory tree: real paths never reach JGit, so no name can be invalid there. */
    private static final String FILE = "file";
    /** How JGit's apply errors name a hunk: {@code HunkHeader[oldStart,oldCount->newStart,newCount]}. */
    private static final Pattern JGIT_HUNK = Pattern.compile("HunkHeader\\[(\\d+),(\\d+)->(\\d+),(\\d+)\\]");

    private InCoreApplier() {
    }

    static AppliedFile apply(FileDiff diff, Optional<String> base) {
        if (diff.binary()) {
            return AppliedFile.failed(diff.path() + ": binary diff, no text to apply");
        }
        if (diff.isNewFile() && base.isPresent() && !base.get().isEmpty()) {
            return AppliedFile.failed(diff.path() + ": new file already exists in the base");
        }
        if (!diff.isNewFile() && base.isEmpty()) {
            return AppliedFile.failed(diff.oldPath() + ": file does not exist in the base");
        }
        String before = base.orElse("");
        Attempt exact = attempt(diff, diff.hunks(), before);
        Attempt done = exact.problem == null ? exact
                : attempt(diff, diff.hunks().stream().map(InCoreApplier::stripTrailing).toList(), stripTrailing(before));
        if (done.problem != null) {
            return AppliedFile.failed(exact.problem);
        }
        String after = done.text.isEmpty() || done.text.endsWith("\n") ? done.text : done.text + "\n";
        if (diff.isDeletion()) {
            return after.isEmpty() ? AppliedFile.deleted() : AppliedFile.failed(diff.oldPath() + ": deletion leaves "
                    + after.lines().count() + " lines behind");
        }
        return AppliedFile.ok(after);
    }

    /** The post-image, or the problem (never both). */
    private record Attempt(String text, String problem) {
    }

    private static Attempt attempt(FileDiff diff, List<Hunk> hunks, String before) {
        org.eclipse.jgit.patch.Patch patch = new org.eclipse.jgit.patch.Patch();
        byte[] text = render(hunks).getBytes(StandardCharsets.UTF_8);
        patch.parse(text, 0, text.length);
        for (FormatError error : patch.getErrors()) {
            if (error.getSeverity() == FormatError.Severity.ERROR) {
                return new Attempt(null, diff.path() + ": " + error.getMessage());
            }
        }
        try (InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription("in-core-apply"));
                ObjectInserter inserter = repo.newObjectInserter()) {
            RevTree tree = oneFileTree(repo, inserter, before);
            PatchApplier.Result result = new PatchApplier(repo, tree, inserter).applyPatch(patch);
            if (!result.getErrors().isEmpty()) {
                return new Attempt(null, result.getErrors().stream().map(e -> problem(diff, e.toString()))
                        .collect(Collectors.joining("; ")));
            }
            return new Attempt(read(inserter, result.getTreeId()), null);
        } catch (IOException e) {
            throw new UncheckedIOException("applying " + diff.path() + " in memory failed: " + e.getMessage(), e);
        }
    }

    /**
     * The hunks as a modification of {@link #FILE}. Counts come from the lines; a new side starting at line 0 (the
     * file ends up empty) is written as line 1, so that JGit applies it like any hunk and what is left stays visible.
     */
    private static String render(List<Hunk> hunks) {
        StringBuilder s = new StringBuilder("diff --git a/" + FILE + " b/" + FILE + "\n--- a/" + FILE + "\n+++ b/"
                + FILE + "\n");
        for (Hunk hunk : hunks) {
            s.append("@@ -%d,%d +%d,%d @@\n".formatted(hunk.oldStart(), hunk.oldLines().size(),
                    Math.max(1, hunk.newStart()), hunk.newLines().size()));
            hunk.lines().forEach(line -> s.append(line).append('\n'));
        }
        return s.toString();
    }

    private static RevTree oneFileTree(InMemoryRepository repo, ObjectInserter inserter, String content)
            throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        DirCacheEntry entry = new DirCacheEntry(FILE);
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8)));
        builder.add(entry);
        builder.finish();
        ObjectId treeId = index.writeTree(inserter);
        inserter.flush();
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseTree(treeId);
        }
    }

    /** The patched file, read through the inserter: the result is never flushed, only thrown away with the repo. */
    private static String read(ObjectInserter inserter, ObjectId treeId) throws IOException {
        try (ObjectReader reader = inserter.newReader(); TreeWalk walk = TreeWalk.forPath(reader, FILE, treeId)) {
            if (walk == null) {
                throw new IOException("the patched tree " + treeId.name() + " has no " + FILE);
            }
            return new String(reader.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    /** JGit's message about a hunk, as ours: the file and the hunk's old range. */
    private static String problem(FileDiff diff, String jgitMessage) {
        Matcher hunk = JGIT_HUNK.matcher(jgitMessage);
        if (hunk.find()) {
            return "%s: hunk @@ -%s,%s @@ does not match the base".formatted(diff.path(), hunk.group(1), hunk.group(2));
        }
        return diff.path() + ": " + jgitMessage.replace("in " + FILE + ",", "").strip();
    }

    private static Hunk stripTrailing(Hunk hunk) {
        List<String> lines = hunk.lines().stream().map(l -> l.charAt(0) + l.substring(1).stripTrailing()).toList();
        return new Hunk(hunk.oldStart(), hunk.oldCount(), hunk.newStart(), hunk.newCount(), lines);
    }

    private static String stripTrailing(String text) {
        return text.isEmpty() ? text : text.lines().map(String::stripTrailing).collect(Collectors.joining("\n", "", "\n"));
    }
}
