package dev.fixpoint.tasks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.CoreConfig.EolStreamType;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.TreeWalk.OperationType;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;

/**
 * Writes a commit's tree into an empty working tree and builds the index in one pass, then detaches HEAD at the
 * commit. Faster than JGit's general {@link DirCacheCheckout}, which compares against an existing tree and writes
 * each file through a temporary file; honours .gitattributes (eol conversion, smudge filters) like it does.
 */
final class TreeCheckout {

    /** A blob could not be read from the object database (as opposed to a local write failing). */
    static final class UnreadableObjectException extends IOException {
        UnreadableObjectException(String path, ObjectId id, IOException cause) {
            super("cannot read " + path + " (" + id.name() + "): " + cause.getMessage(), cause);
        }
    }

    private final Repository repo;
    private final Path workTree;
    private final ObjectReader reader;
    private final WorkingTreeOptions options;
    private final Set<Path> madeDirs = new HashSet<>();
    private int files;

    private TreeCheckout(Repository repo, ObjectReader reader) {
        this.repo = repo;
        this.workTree = repo.getWorkTree().toPath();
        this.reader = reader;
        this.options = repo.getConfig().get(WorkingTreeOptions.KEY);
    }

    /** Checks {@code commit} out into the (empty) work tree of {@code repo}; returns the number of files written. */
    static int run(Repository repo, RevCommit commit) throws IOException {
        try (ObjectReader reader = repo.newObjectReader()) {
            TreeCheckout checkout = new TreeCheckout(repo, reader);
            checkout.writeTreeAndIndex(commit);
        }
        RefUpdate head = repo.updateRef(Constants.HEAD, true);
        head.setNewObjectId(commit);
        head.setRefLogMessage("checkout: " + commit.name(), false);
        RefUpdate.Result result = head.forceUpdate();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED
                && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("cannot point HEAD at " + commit.name() + ": " + result);
        }
        return countFiles(repo);
    }

    private static int countFiles(Repository repo) throws IOException {
        return repo.readDirCache().getEntryCount();
    }

    private void writeTreeAndIndex(RevCommit commit) throws IOException {
        madeDirs.add(workTree);
        DirCache index = repo.lockDirCache();
        try {
            DirCacheBuilder builder = index.builder();
            try (TreeWalk walk = new TreeWalk(repo, reader)) {
                walk.setOperationType(OperationType.CHECKOUT_OP);
                walk.addTree(commit.getTree());
                walk.setRecursive(true);
                while (walk.next()) {
                    builder.add(writeEntry(walk));
                }
            }
            builder.finish();
            index.write();
            if (!index.commit()) {
                throw new IOException("cannot write the index of " + workTree);
            }
        } finally {
            index.unlock();
        }
    }

    private DirCacheEntry writeEntry(TreeWalk walk) throws IOException {
        String path = walk.getPathString();
        FileMode mode = walk.getFileMode(0);
        ObjectId id = walk.getObjectId(0);
        Path file = workTree.resolve(path);
        makeDirs(file.getParent());
        DirCacheEntry entry = new DirCacheEntry(walk.getRawPath());
        entry.setFileMode(mode);
        entry.setObjectId(id);
        if (mode == FileMode.GITLINK) {
            Files.createDirectories(file);
            return entry;
        }
        if (mode == FileMode.SYMLINK) {
            String target = new String(open(path, id).getCachedBytes(), StandardCharsets.UTF_8);
            Files.createSymbolicLink(file, Path.of(target));
        } else {
            writeFile(walk, path, id, file);
            if (mode == FileMode.EXECUTABLE_FILE) {
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                perms.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
                Files.setPosixFilePermissions(file, perms);
            }
        }
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        entry.setLength(attrs.size());
        entry.setLastModified(attrs.lastModifiedTime().toInstant());
        files++;
        return entry;
    }

    private void writeFile(TreeWalk walk, String path, ObjectId id, Path file) throws IOException {
        ObjectLoader blob = open(path, id);
        EolStreamType eol = walk.getEolStreamType(OperationType.CHECKOUT_OP);
        String filter = walk.getFilterCommand(Constants.ATTR_FILTER_TYPE_SMUDGE);
        boolean plain = (eol == null || eol == EolStreamType.DIRECT) && (filter == null || filter.isEmpty());
        if (plain && !blob.isLarge()) {
            Files.write(file, blob.getCachedBytes());
            return;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (plain) {
                blob.copyTo(out);
            } else {
                DirCacheCheckout.getContent(repo, path, new DirCacheCheckout.CheckoutMetadata(eol, filter), blob,
                        options, out);
            }
        }
    }

    private ObjectLoader open(String path, ObjectId id) throws IOException {
        try {
            return reader.open(id, Constants.OBJ_BLOB);
        } catch (IOException e) {
            throw new UnreadableObjectException(path, id, e);
        }
    }

    private void makeDirs(Path dir) throws IOException {
        if (dir != null && madeDirs.add(dir)) {
            makeDirs(dir.getParent());
            if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir);
            }
        }
    }
}
