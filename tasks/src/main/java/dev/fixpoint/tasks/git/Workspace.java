package dev.fixpoint.tasks.git;

import dev.fixpoint.tasks.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.PatchApplier;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checkout of one task at its base commit, in its own directory, made from the shared mirror without copying its
 * objects (the workspace's {@code .git/objects/info/alternates} points at the mirror). Get one from
 * {@link RepoCache#checkout(Task)}; {@link #close()} deletes the directory unless {@link #keepOnClose(boolean)}.
 *
 * <p>{@link #diff()} is the working tree against the base commit, untracked files included and ignored files left out
 * (the repo's .gitignore, plus {@code __pycache__/}, {@code *.py[cod]} and {@code .pytest_cache/}).
 * A workspace belongs to one rollout: it is not thread-safe.
 *
 * <p>A workspace from {@link RepoCache#checkout(Task)} borrows objects from the mirror by absolute path: a copy of the
 * directory on another machine or in a container has working files and an index, but git there cannot read the base
 * commit. One from {@link RepoCache#checkoutStandalone(Task)} owns them instead, as a shallow clone of depth 1 would
 * ({@link #standalone()}): one pack holding the base commit (same id) and its tree, {@code .git/shallow} naming it,
 * HEAD detached at it, no alternates. Copied anywhere, {@code git status} is clean and {@code git diff <base>} works.
 */
public final class Workspace implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);
    static final String DEFAULT_EXCLUDES = "# fixpoint: build droppings that never belong in a patch\n"
            + "__pycache__/\n*.py[cod]\n.pytest_cache/\n";

    private final Task task;
    private final Path directory;
    private final Repository repo;
    private final ObjectId base;
    private final int fileCount;
    private final Duration checkoutTime;
    private final boolean standalone;
    private boolean keep;
    private boolean closed;

    private Workspace(Task task, Path directory, Repository repo, ObjectId base, int fileCount, Duration checkoutTime,
            boolean standalone) {
        this.task = task;
        this.directory = directory;
        this.repo = repo;
        this.base = base;
        this.fileCount = fileCount;
        this.checkoutTime = checkoutTime;
        this.standalone = standalone;
    }

    /**
     * Checks {@code commit} out of {@code mirror} into {@code directory} (missing or empty), borrowing the mirror's
     * objects or, if {@code standalone}, with a shallow pack of its own. On failure the directory is removed again.
     */
    static Workspace create(Task task, Path mirror, String commit, Path directory, boolean standalone)
            throws IOException {
        long start = System.nanoTime();
        Path dir = directory.toAbsolutePath().normalize();
        requireEmpty(dir);
        Path gitDir = dir.resolve(".git");
        Repository repo = null;
        try {
            repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setWorkTree(dir.toFile()).build();
            repo.create(false);
            Files.createDirectories(gitDir.resolve("info"));
            Files.writeString(gitDir.resolve("info/exclude"), DEFAULT_EXCLUDES);
            int files;
            RevCommit baseCommit;
            try (Repository objects = MirrorRepo.open(mirror)) {
                // Read lazily by JGit: both are written before the first object lookup, so this Repository sees them.
                if (standalone) {
                    try (ObjectReader reader = objects.newObjectReader()) {
                        ShallowPack.write(repo, reader, ObjectId.fromString(commit));
                    }
                } else {
                    Files.writeString(gitDir.resolve("objects/info/alternates"),
                            mirror.toAbsolutePath().resolve("objects") + "\n");
                }
                try (RevWalk walk = new RevWalk(repo)) {
                    baseCommit = walk.parseCommit(ObjectId.fromString(commit));
                }
                files = TreeCheckout.run(repo, objects, baseCommit);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            LOG.debug("{}: checked out {} ({} files{}) in {} ms at {}", task.instanceId(), commit, files,
                    standalone ? ", standalone" : "", took.toMillis(), dir);
            return new Workspace(task, dir, repo, baseCommit.copy(), files, took, standalone);
        } catch (IOException | RuntimeException e) {
            if (repo != null) {
                repo.close();
            }
            try {
                deleteTree(dir);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void requireEmpty(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IOException("workspace path exists and is not a directory: " + dir);
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("workspace directory is not empty: " + dir + " (remove it or pick another)");
                }
            }
        }
    }

    public Task task() {
        return task;
    }

    /** The working tree. */
    public Path directory() {
        return directory;
    }

    /** The full id of the commit this workspace was checked out at. */
    public String baseCommit() {
        return base.name();
    }

    /** How many files the checkout wrote. */
    public int fileCount() {
        return fileCount;
    }

    /**
     * Whether the workspace's {@code .git} owns the base commit's objects (a shallow pack), so that a copy of the
     * directory works anywhere; false when it borrows them from the host's mirror.
     */
    public boolean standalone() {
        return standalone;
    }

    /** How long the checkout took (not counting fetching the mirror). */
    public Duration checkoutTime() {
        return checkoutTime;
    }

    /** Whether {@link #close()} leaves the directory in place (for debugging). Returns this workspace. */
    public Workspace keepOnClose(boolean keepDirectory) {
        this.keep = keepDirectory;
        return this;
    }

    /**
     * The working tree against the base commit as a git patch: changed, new (untracked), deleted and renamed files;
     * binary files appear as "Binary files ... differ" and are flagged in {@link Patch#binaryFiles()}.
     * Like {@code git add -A && git diff --cached <base>}: it stages everything in the workspace's own index.
     */
    public Patch diff() {
        ensureOpen();
        try (Git git = Git.wrap(repo); ObjectReader reader = repo.newObjectReader();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                DiffFormatter formatter = new DiffFormatter(out)) {
            git.add().addFilepattern(".").setAll(true).call();
            formatter.setRepository(repo);
            formatter.setDetectRenames(true);
            CanonicalTreeParser baseTree = new CanonicalTreeParser();
            try (RevWalk walk = new RevWalk(reader)) {
                baseTree.reset(reader, walk.parseCommit(base).getTree());
            }
            formatter.format(formatter.scan(baseTree, new DirCacheIterator(repo.readDirCache())));
            formatter.flush();
            return Patch.parse(out.toString(StandardCharsets.UTF_8));
        } catch (IOException | GitAPIException e) {
            throw failure("diff", e);
        }
    }

    /** Applies patch text; a patch that does not parse is a failed result, not an exception. */
    public ApplyResult apply(String patchText) {
        Patch patch;
        try {
            patch = Patch.parse(patchText);
        } catch (IllegalArgumentException e) {
            return ApplyResult.failure(List.of(new ApplyResult.Failure(null, e.getMessage())));
        }
        return apply(patch);
    }

    /**
     * Applies a patch to the working tree, all or nothing: if any file or hunk does not fit, every file is restored
     * and the result lists what failed.
     *
     * @throws WorkspaceException only for local I/O failures
     */
    public ApplyResult apply(Patch patch) {
        ensureOpen();
        if (patch.isEmpty()) {
            return ApplyResult.success(List.of());
        }
        List<ApplyResult.Failure> outside = new ArrayList<>();
        for (String path : patch.paths()) {
            Path target = directory.resolve(path).normalize();
            if (!target.startsWith(directory) || target.equals(directory)
                    || directory.relativize(target).startsWith(".git")) {
                outside.add(new ApplyResult.Failure(path, "path is outside the work tree or inside .git"));
            }
        }
        if (!outside.isEmpty()) {
            return ApplyResult.failure(outside);
        }
        try {
            FileSnapshot before = FileSnapshot.take(directory, patch.paths());
            PatchApplier.Result result = new PatchApplier(repo).applyPatch(patch.toJGit());
            if (result.getErrors().isEmpty()) {
                return ApplyResult.success(result.getPaths());
            }
            before.restore();
            List<ApplyResult.Failure> failures = new ArrayList<>();
            for (PatchApplier.Result.Error error : result.getErrors()) {
                String file = fileNamedIn(error.toString(), patch);
                failures.add(new ApplyResult.Failure(file, readable(error.toString(), file)));
            }
            LOG.debug("{}: patch did not apply: {}", task.instanceId(), failures);
            return ApplyResult.failure(failures);
        } catch (IOException e) {
            throw failure("apply a patch", e);
        }
    }

    /** JGit's "Error applying patch in f, hunk HunkHeader[1,1->1,1]: msg" as "hunk @@ -1,1 +1,1 @@: msg". */
    private static String readable(String message, String file) {
        String m = message.strip();
        if (file != null) {
            m = m.replaceFirst("^Error applying patch in " + java.util.regex.Pattern.quote(file) + "[,:] ?", "");
        }
        return m.replaceAll("HunkHeader\\[(\\d+),(\\d+)->(\\d+),(\\d+)\\]", "@@ -$1,$2 +$3,$4 @@");
    }

    private static String fileNamedIn(String message, Patch patch) {
        return patch.paths().stream().filter(message::contains).findFirst().orElse(null);
    }

    /** Back to the base commit, clean: tracked files restored, untracked and ignored files removed. */
    public void reset() {
        ensureOpen();
        try (Git git = Git.wrap(repo)) {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(base.name()).call();
            git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
        } catch (GitAPIException e) {
            throw failure("reset", e);
        }
    }

    /** Closes the repository and deletes the directory (unless kept). Safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        repo.close();
        if (keep) {
            LOG.info("{}: keeping workspace {}", task.instanceId(), directory);
            return;
        }
        try {
            deleteTree(directory);
        } catch (IOException e) {
            throw failure("delete the workspace", e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(task.instanceId() + ": workspace " + directory + " is closed");
        }
    }

    private WorkspaceException failure(String what, Exception e) {
        return new WorkspaceException(WorkspaceException.Reason.IO, task.instanceId() + ": cannot " + what
                + " in workspace " + directory + " (repo " + task.repo() + "): " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "Workspace[" + task.instanceId() + " @ " + base.name() + " in " + directory + "]";
    }
}
