package dev.fixpoint.sandbox.runner;

import dev.fixpoint.sandbox.SandboxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tar streams for copying trees in and out of containers (the Docker archive API). Writing streams from a
 * background thread so a large tree never sits in memory; reading never writes outside the target directory
 * and creates symbolic links last, so an archive cannot write through a link it planted.
 */
public final class TarIO {

    private static final Logger LOG = LoggerFactory.getLogger(TarIO.class);

    private TarIO() {}

    /**
     * A tar of hostDir's contents, entries named {@code prefix/relative/path}; symlinks are kept as links.
     * With {@code rootEntry} the prefix directory itself gets an entry (owner and mode); without, an existing
     * target keeps its own.
     */
    public static InputStream streamDir(Path hostDir, String prefix, boolean rootEntry, int uid, int gid) {
        if (!Files.isDirectory(hostDir)) throw new SandboxException("not a directory: " + hostDir);
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream out;
        try {
            out = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new SandboxException("cannot create tar pipe", e);
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (OutputStream o = out) {
                writeDir(hostDir, prefix, rootEntry, uid, gid, o);
            } catch (IOException | RuntimeException e) {
                failure.set(e);
            }
        }, "fixpoint-tar-" + hostDir.getFileName());
        writer.setDaemon(true);
        writer.start();
        return new InputStream() { // surfaces the writer's failure instead of a bare "pipe broken"
            @Override public int read() throws IOException { check(); return in.read(); }
            @Override public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n < 0) check();
                return n;
            }
            @Override public void close() throws IOException { in.close(); }
            private void check() throws IOException {
                Throwable t = failure.get();
                if (t != null) throw new IOException("writing tar of " + hostDir + " failed", t);
            }
        };
    }

    public static void writeDir(Path hostDir, String prefix, boolean rootEntry, int uid, int gid, OutputStream out)
            throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 1 << 16);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        String base = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        Files.walkFileTree(hostDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                boolean root = dir.equals(hostDir);
                if ((!root || rootEntry) && !(root && base.isEmpty())) {
                    TarArchiveEntry e = new TarArchiveEntry(root ? base : base + rel(dir) + "/");
                    e.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | mode(dir, 0755));
                    put(tar, e, uid, gid, attrs);
                    tar.closeArchiveEntry();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = base + rel(file);
                if (attrs.isSymbolicLink()) {
                    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                    e.setLinkName(Files.readSymbolicLink(file).toString());
                    put(tar, e, uid, gid, attrs);
                    tar.closeArchiveEntry();
                } else if (attrs.isRegularFile()) {
                    TarArchiveEntry e = new TarArchiveEntry(name);
                    e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode(file, 0644));
                    e.setSize(attrs.size());
                    put(tar, e, uid, gid, attrs);
                    Files.copy(file, tar);
                    tar.closeArchiveEntry();
                }
                return FileVisitResult.CONTINUE;
            }

            private String rel(Path p) {
                return hostDir.relativize(p).toString().replace('\\', '/');
            }
        });
        tar.finish();
        tar.flush();
    }

    private static void put(TarArchiveOutputStream tar, TarArchiveEntry e, int uid, int gid, BasicFileAttributes a)
            throws IOException {
        e.setUserId(uid);
        e.setGroupId(gid);
        e.setModTime(a.lastModifiedTime().toMillis());
        tar.putArchiveEntry(e);
    }

    private static int mode(Path p, int fallback) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            int m = 0;
            for (PosixFilePermission perm : perms) m |= 1 << (8 - perm.ordinal());
            return m;
        } catch (UnsupportedOperationException | IOException e) {
            return fallback;
        }
    }

    /**
     * Extracts a Docker archive into hostDir, dropping the first path component (the name of the copied
     * directory). Refuses entries that would land outside hostDir.
     */
    public static void extract(InputStream in, Path hostDir) throws IOException {
        Path root = hostDir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        List<String[]> links = new ArrayList<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            String name = stripFirst(e.getName());
            if (name.isEmpty()) continue;
            Path target = root.resolve(name).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new IOException("archive entry escapes the target directory: " + e.getName());
            }
            if (e.isDirectory()) {
                Files.createDirectories(target);
            } else if (e.isSymbolicLink()) {
                links.add(new String[] {name, e.getLinkName()});
            } else if (e.isFile()) {
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                Files.copy(tar, target);
                setMode(target, e.getMode());
            }
        }
        for (String[] link : links) {
            Path target = root.resolve(link[0]).normalize();
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) continue;
            Files.createDirectories(target.getParent());
            Files.createSymbolicLink(target, Path.of(link[1]));
        }
    }

    /** Regular files in a Docker archive of a directory, relative to it. */
    public static List<String> listFiles(InputStream in) throws IOException {
        List<String> files = new ArrayList<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            String name = stripFirst(e.getName());
            if (e.isFile() && !name.isEmpty()) files.add(name);
        }
        return files;
    }

    private static String stripFirst(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(slash + 1).replaceAll("/+$", "");
    }

    private static void setMode(Path p, int mode) {
        try {
            Set<PosixFilePermission> perms = java.util.EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] all = PosixFilePermission.values();
            for (int i = 0; i < 9; i++) {
                if ((mode & (1 << (8 - i))) != 0) perms.add(all[i]);
            }
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("cannot set mode {} on {} (content is copied)", Integer.toOctalString(mode), p, e);
        }
    }
}
