package dev.fixpoint.tasks.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.BundleWriter;

/**
 * Builds small real git repositories for tests, with fixed author and committer dates so that commit ids are the
 * same on every run. The n-th commit of a fixture is dated {@link #EPOCH} plus n minutes.
 *
 * <pre>{@code
 * try (GitFixture repo = GitFixture.init(tempDir.resolve("pycart"))) {
 *     String base = repo.write("cart.py", "def total(): ...\n").commit("initial");
 *     Path bundle = repo.bundle(tempDir.resolve("pycart.bundle"));
 * }
 * }</pre>
 */
public final class GitFixture implements AutoCloseable {

    /** Date of a fixture's first commit. */
    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private final Git git;
    private final Path dir;
    private int commits;

    private GitFixture(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /** Creates a non-bare repository in {@code dir} (created if missing) on branch {@code main}. */
    public static GitFixture init(Path dir) {
        try {
            Files.createDirectories(dir);
            Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            git.getRepository().getConfig().setBoolean("commit", null, "gpgsign", false);
            git.getRepository().getConfig().save();
            return new GitFixture(git, dir);
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot init fixture repo in " + dir, e);
        }
    }

    /** The working tree. */
    public Path dir() {
        return dir;
    }

    /** Writes a UTF-8 text file (parents created). */
    public GitFixture write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file's bytes (parents created). */
    public GitFixture write(String path, byte[] content) {
        Path file = dir.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes several text files. */
    public GitFixture write(Map<String, String> files) {
        files.forEach(this::write);
        return this;
    }

    /** Marks a file executable. */
    public GitFixture executable(String path) {
        try {
            Files.setPosixFilePermissions(dir.resolve(path), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Deletes a file from the working tree (the next commit records the deletion). */
    public GitFixture delete(String path) {
        try {
            Files.delete(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Stages everything (new, changed, deleted) and commits; returns the commit id. */
    public String commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent who = new PersonIdent("Fixture", "fixture@fixpoint.dev",
                    EPOCH.plusSeconds(60L * commits++), ZoneOffset.UTC);
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().name();
        } catch (GitAPIException e) {
            throw new IllegalStateException("commit failed in " + dir, e);
        }
    }

    /** Creates (or moves) a branch at the current HEAD. */
    public GitFixture branch(String name) {
        try {
            git.branchCreate().setName(name).setForce(true).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create branch " + name, e);
        }
    }

    /** Checks out a branch or commit (detached) in the working tree. */
    public GitFixture checkout(String rev) {
        try {
            git.checkout().setName(rev).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot check out " + rev, e);
        }
    }

    /** The commit HEAD points at. */
    public String head() {
        try {
            ObjectId id = git.getRepository().resolve(Constants.HEAD);
            return id == null ? null : id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a git bundle of every branch, tag and HEAD (like {@code git bundle create FILE --all}). */
    public Path bundle(Path file) {
        Repository repo = git.getRepository();
        BundleWriter writer = new BundleWriter(repo);
        try {
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_REFS)) {
                writer.include(ref.getName(), ref.getObjectId());
            }
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head != null) {
                writer.include(Constants.HEAD, head);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                writer.writeBundle(NullProgressMonitor.INSTANCE, out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bundle " + file, e);
        }
    }

    /** Makes a bare clone of this repository (all branches) at {@code target}. */
    public Path bareClone(Path target) {
        try {
            Git.cloneRepository().setURI(dir.toUri().toString()).setBare(true)
                    .setDirectory(target.toFile()).setCloneAllBranches(true).call().close();
            return target;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot clone " + dir + " to " + target, e);
        }
    }

    /** Paths of the files the given commit contains, for assertions. */
    public Set<String> filesAt(String commit) {
        try (var walk = new org.eclipse.jgit.treewalk.TreeWalk(git.getRepository());
                var revWalk = new org.eclipse.jgit.revwalk.RevWalk(git.getRepository())) {
            walk.addTree(revWalk.parseCommit(ObjectId.fromString(commit)).getTree());
            walk.setRecursive(true);
            Set<String> files = new java.util.TreeSet<>();
            while (walk.next()) {
                files.add(walk.getPathString());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
