package dev.fixpoint.solver.verify;

import dev.fixpoint.sandbox.InstanceImages;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.tasks.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.Workspace;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Prepares a task once for all its rollouts: checks the repository out of the shared mirror cache and bakes it into
 * a per-task instance image ({@code fixpoint/instance:<key>}, reused when it exists). The baked repository has a
 * self-contained {@code .git} holding one commit of the base tree (a workspace's own {@code .git} borrows objects
 * from the host's mirror, which a container cannot see); the agent diffs against it.
 */
public final class InstancePreparer {

    private static final Logger log = LoggerFactory.getLogger(InstancePreparer.class);
    private static final PersonIdent BAKER = new PersonIdent("fixpoint", "fixpoint@localhost",
            Instant.parse("2000-01-01T00:00:00Z"), TimeZone.getTimeZone("UTC").toZoneId());

    private final RepoCache cache;
    private final InstanceImages images;

    public InstancePreparer(RepoCache cache, InstanceImages images) {
        this.cache = cache;
        this.images = images;
    }

    public PreparedTask prepare(Task task) {
        if (task.environment() == null) {
            throw new SolverException(task.instanceId() + ": the task has no environment (image, test command); add an \"environment\" object to its row");
        }
        long t0 = System.nanoTime();
        Workspace ws = cache.checkout(task);
        Path base = ws.directory();
        String image = imageName(task);
        try {
            if (!images.imageExists(image)) {
                Path staging = Files.createTempDirectory("fixpoint-bake-");
                try {
                    copyTree(base, staging);
                    commitBase(staging, task);
                    images.bakeImage(task.environment().image(), staging, task.environment().workdir(), key(task));
                } finally {
                    deleteTree(staging);
                }
            }
        } catch (IOException | GitAPIException e) {
            ws.close();
            throw new SolverException(task.instanceId() + ": cannot prepare the instance image " + image + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        log.info("{}: instance image {} ready in {} ms", task.instanceId(), image, (System.nanoTime() - t0) / 1_000_000);
        return new PreparedTask(task, image, base, ws::close);
    }

    public static String imageName(Task task) {
        return "fixpoint/instance:" + key(task);
    }

    static String key(Task task) {
        String id = task.instanceId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        if (id.length() > 80) id = id.substring(id.length() - 80);
        if (!Character.isLetterOrDigit(id.charAt(0))) id = "t" + id;
        return id + "-" + sha(task.environment().image() + "\n" + task.repo() + "\n" + task.baseCommit() + "\nv1").substring(0, 12);
    }

    private static void commitBase(Path dir, Task task) throws GitAPIException {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("fixpoint-base").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage(task.instanceId() + " at " + task.baseCommit()).setAuthor(BAKER).setCommitter(BAKER)
                    .setSign(false).setAllowEmpty(true).call();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(from)) return FileVisitResult.SKIP_SUBTREE;
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.toString());
        }
    }

    static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
