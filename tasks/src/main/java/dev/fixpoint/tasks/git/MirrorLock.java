package dev.fixpoint.tasks.git;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on one mirror, across threads and processes: a {@link ReentrantLock} per lock file inside this
 * JVM (file locks are held per process, so two threads cannot both use them) and a {@link FileLock} across JVMs.
 *
 * <p>The lock file exists only while the lock is held or awaited: the holder deletes it before releasing, so no
 * lock file stays in the cache after a run, failed or not. A waiter that then wins the lock on the deleted file
 * sees that the path no longer names the file it locked, and tries again on a fresh one.
 */
final class MirrorLock implements AutoCloseable {

    /** One lock per lock file per JVM; this map only grows by one entry per repository ever locked. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;
    private boolean closed;

    private MirrorLock(Path lockFile, ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.lockFile = lockFile;
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Blocks until this thread holds the lock of {@code lockFile} (created if missing). */
    static MirrorLock acquire(Path lockFile) throws IOException {
        Path file = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_JVM.computeIfAbsent(file, p -> new ReentrantLock());
        threadLock.lock();
        try {
            while (true) {
                MirrorLock lock = tryOnce(file, threadLock);
                if (lock != null) {
                    return lock;
                }
            }
        } catch (IOException | RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    /** The lock, or null when the file locked was deleted (by its previous holder) while this one waited. */
    private static MirrorLock tryOnce(Path file, ReentrantLock threadLock) throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException exists) {
            // another process holds or awaits it
        }
        Object before = fileKey(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (NoSuchFileException gone) {
            return null;
        }
        try {
            Object opened = fileKey(file);
            FileLock fileLock = channel.lock();
            Object now = fileKey(file);
            if (before != null && before.equals(opened) && before.equals(now)) {
                return new MirrorLock(file, threadLock, channel, fileLock);
            }
            fileLock.release();
            channel.close();
            return null;
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The file's identity (device and inode on Unix), or null when it is missing. */
    private static Object fileKey(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Objects.requireNonNullElse(a.fileKey(), a.creationTime());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Deletes the lock file, then releases the lock. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(lockFile);
        } finally {
            try {
                fileLock.release();
                channel.close();
            } finally {
                threadLock.unlock();
            }
        }
    }
}
