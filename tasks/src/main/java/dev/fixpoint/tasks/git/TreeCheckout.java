package dev.fixpoint.tasks.git;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

    /** One entry of the tree, with what it takes to write it. */
    private record Item(String path, byte[] rawPath, FileMode mode, ObjectId id, EolStreamType eol, String filter) {}

    private static final int MAX_WRITERS = 4;
    private static final int PARALLEL_THRESHOLD = 200;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final Repository repo;
    private final Repository objects;
    private final Path workTree;
    private final WorkingTreeOptions options;

    private TreeCheckout(Repository repo, Repository objects) {
        this.repo = repo;
        this.objects = objects;
        this.workTree = repo.getWorkTree().toPath();
        this.options = repo.getConfig().get(WorkingTreeOptions.KEY);
    }

    /**
     * Checks {@code commit} out into the (empty) work tree of {@code repo}, reading objects from {@code objects} (the
     * mirror {@code repo} borrows from: reading it directly skips a miss in the workspace's own empty object
     * directory, a few system calls per file). Returns the number of files written.
     */
    static int run(Repository repo, Repository objects, RevCommit commit) throws IOException {
        int files = new TreeCheckout(repo, objects).writeTreeAndIndex(commit);
        RefUpdate head = repo.updateRef(Constants.HEAD, true);
        head.setNewObjectId(commit);
        head.setRefLogMessage("checkout: " + commit.name(), false);
        RefUpdate.Result result = head.forceUpdate();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED
                && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("cannot point HEAD at " + commit.name() + ": " + result);
        }
        return files;
    }

    private int writeTreeAndIndex(RevCommit commit) throws IOException {
        List<Item> items = list(commit);
        makeDirectories(items);
        DirCacheEntry[] entries = writeAll(items);
        DirCache index = repo.lockDirCache();
        try {
            DirCacheBuilder builder = index.builder();
            for (DirCacheEntry entry : entries) {
                builder.add(entry);
            }
            builder.finish();
            index.write();
            if (!index.commit()) {
                throw new IOException("cannot write the index of " + workTree);
            }
        } finally {
            index.unlock();
        }
        return (int) items.stream().filter(i -> i.mode() != FileMode.GITLINK).count();
    }

    /** The tree's entries in index order, with their checkout attributes (eol, smudge filter). */
    private List<Item> list(RevCommit commit) throws IOException {
        List<Item> items = new ArrayList<>();
        try (ObjectReader reader = objects.newObjectReader(); TreeWalk walk = new TreeWalk(repo, reader)) {
            walk.setOperationType(OperationType.CHECKOUT_OP);
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                boolean regular = mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
                items.add(new Item(walk.getPathString(), walk.getRawPath(), mode, walk.getObjectId(0),
                        regular ? walk.getEolStreamType(OperationType.CHECKOUT_OP) : null,
                        regular ? walk.getFilterCommand(Constants.ATTR_FILTER_TYPE_SMUDGE) : null));
            }
        }
        return items;
    }

    private void makeDirectories(List<Item> items) throws IOException {
        Set<Path> made = new HashSet<>();
        made.add(workTree);
        for (Item item : items) {
            Path parent = workTree.resolve(item.path()).getParent();
            makeDirs(parent, made);
        }
    }

    private static void makeDirs(Path dir, Set<Path> made) throws IOException {
        if (dir != null && made.add(dir)) {
            makeDirs(dir.getParent(), made);
            if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir);
            }
        }
    }

    /**
     * Writes every item, on up to {@link #MAX_WRITERS} threads (this one included) for big trees: checkout is bound
     * by system calls, which overlap well. Each thread has its own object reader; work is handed out one item at a time.
     */
    private DirCacheEntry[] writeAll(List<Item> items) throws IOException {
        DirCacheEntry[] entries = new DirCacheEntry[items.size()];
        AtomicInteger next = new AtomicInteger();
        int writers = items.size() < PARALLEL_THRESHOLD ? 1
                : Math.min(MAX_WRITERS, Math.max(1, Runtime.getRuntime().availableProcessors()));
        List<Thread> helpers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 1; i < writers; i++) {
            Thread t = new Thread(() -> {
                try {
                    writeItems(items, entries, next, failure);
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "fixpoint-checkout-" + THREAD_NUMBER.incrementAndGet());
            t.setDaemon(true);
            t.start();
            helpers.add(t);
        }
        try {
            writeItems(items, entries, next, failure);
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new java.io.InterruptedIOException("interrupted during checkout"));
                helpers.forEach(Thread::interrupt);
                break;
            }
        }
        Throwable error = failure.get();
        if (error instanceof IOException io) {
            throw io;
        }
        if (error instanceof RuntimeException re) {
            throw re;
        }
        return entries;
    }

    private void writeItems(List<Item> items, DirCacheEntry[] entries, AtomicInteger next,
            AtomicReference<Throwable> failure) throws IOException {
        try (ObjectReader reader = objects.newObjectReader()) {
            int i;
            while (failure.get() == null && (i = next.getAndIncrement()) < items.size()) {
                entries[i] = writeEntry(items.get(i), reader);
            }
        }
    }

    private DirCacheEntry writeEntry(Item item, ObjectReader reader) throws IOException {
        Path file = workTree.resolve(item.path());
        DirCacheEntry entry = new DirCacheEntry(item.rawPath());
        entry.setFileMode(item.mode());
        entry.setObjectId(item.id());
        if (item.mode() == FileMode.GITLINK) {
            Files.createDirectories(file);
            return entry;
        }
        if (item.mode() == FileMode.SYMLINK) {
            String target = new String(open(item, reader).getCachedBytes(), StandardCharsets.UTF_8);
            Files.createSymbolicLink(file, Path.of(target));
        } else {
            writeFile(item, reader, file);
            if (item.mode() == FileMode.EXECUTABLE_FILE) {
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                perms.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
                Files.setPosixFilePermissions(file, perms);
            }
        }
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        entry.setLength(attrs.size());
        entry.setLastModified(attrs.lastModifiedTime().toInstant());
        return entry;
    }

    private void writeFile(Item item, ObjectReader reader, Path file) throws IOException {
        ObjectLoader blob = open(item, reader);
        boolean plain = (item.eol() == null || item.eol() == EolStreamType.DIRECT)
                && (item.filter() == null || item.filter().isEmpty());
        if (plain && !blob.isLarge()) {
            ByteBuffer content = ByteBuffer.wrap(blob.getCachedBytes());
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                while (content.hasRemaining()) {
                    out.write(content); // one system call for the whole file (Files.write writes 8 KiB at a time)
                }
            }
            return;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (plain) {
                blob.copyTo(out);
            } else {
                DirCacheCheckout.getContent(repo, item.path(),
                        new DirCacheCheckout.CheckoutMetadata(item.eol(), item.filter()), blob, options, out);
            }
        }
    }

    private static ObjectLoader open(Item item, ObjectReader reader) throws IOException {
        try {
            return reader.open(item.id(), Constants.OBJ_BLOB);
        } catch (IOException e) {
            throw new UnreadableObjectException(item.path(), item.id(), e);
        }
    }
}
