package dev.fixpoint.solver.prepare;

import com.google.common.hash.Hashing;
import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.InstanceImages;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.git.Workspace;
import dev.fixpoint.harness.TreeCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Prepares a task once for all its rollouts: checks the repository out of the shared mirror cache as a standalone
 * workspace (its {@code .git} a shallow clone at the real base commit, see {@link RepoCache#checkoutStandalone}) and
 * bakes that into a per-task instance image ({@code fixpoint/instance:<key>}, reused when it exists). Inside, git
 * resolves the task's base commit, so the agent diffs against it and its patches apply to any checkout of the base.
 *
 * <p>Every rollout, test writer and verifier sandbox of the task starts from that image, so its tree must be exactly
 * the base commit's. A new image is baked under a staging name ({@code <key>.unchecked}), checked once in a sandbox
 * ({@link TreeCheck}: HEAD at the base commit, {@code git status --porcelain} clean, ignored build outputs allowed),
 * and only then given its final name: an image under the final name has passed the check. A violation removes the
 * staging image (a re-run bakes and checks again) and fails the task with a message naming the stray paths.
 *
 * <p>With a publisher (a run with {@code --registry}), the ready image is pushed and the task's sandboxes use the
 * pushed name, which pods on other machines can pull. With {@link PrebuiltInstances} (a batch in a pod, with no
 * Docker daemon) nothing is baked: the task's image is the one pushed beforehand, by name, and only the host checkout
 * is made here.
 */
public final class InstancePreparer {

    private static final Logger log = LoggerFactory.getLogger(InstancePreparer.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(5);
    private static final String STAGING = ".unchecked";

    private final RepoCache cache;
    private final InstanceImages images;
    private final SandboxProvider sandboxes;
    private final UnaryOperator<String> publisher;
    private final PrebuiltInstances prebuilt;

    public <S extends SandboxProvider & InstanceImages> InstancePreparer(RepoCache cache, S docker) {
        this(cache, docker, UnaryOperator.identity());
    }

    /** @param publisher makes a ready instance image pullable and returns the name sandboxes use (e.g. a registry push) */
    public <S extends SandboxProvider & InstanceImages> InstancePreparer(RepoCache cache, S docker, UnaryOperator<String> publisher) {
        this.cache = cache;
        this.images = docker;
        this.sandboxes = docker;
        this.publisher = publisher;
        this.prebuilt = null;
    }

    /** Bakes nothing: each task's instance image is the one {@code prebuilt} names (see {@link PrebuiltInstances}). */
    public InstancePreparer(RepoCache cache, PrebuiltInstances prebuilt) {
        this.cache = cache;
        this.images = null;
        this.sandboxes = null;
        this.publisher = UnaryOperator.identity();
        this.prebuilt = java.util.Objects.requireNonNull(prebuilt, "prebuilt");
    }

    public PreparedTask prepare(Task task) {
        if (task.environment() == null) {
            throw new SolverException(task.instanceId() + ": the task has no environment (image, test command); add an \"environment\" object to its row");
        }
        long t0 = System.nanoTime();
        if (prebuilt != null) {
            String image = prebuilt.resolve(task);
            Workspace ws = cache.checkoutStandalone(task);
            return new PreparedTask(task, image, ws.directory(), ws::close);
        }
        Workspace ws = cache.checkoutStandalone(task);
        String image = imageName(task);
        try {
            if (!images.imageExists(image)) {
                String staging = images.bakeImage(task.environment().image(), ws.directory(),
                        task.environment().workdir(), key(task) + STAGING);
                try {
                    checkTree(task, staging, ws.baseCommit());
                    images.tagImage(staging, image);
                } finally {
                    removeQuietly(task, staging);
                }
            }
            image = publisher.apply(image);
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        log.info("{}: instance image {} ready in {} ms", task.instanceId(), image, (System.nanoTime() - t0) / 1_000_000);
        return new PreparedTask(task, image, ws.directory(), ws::close);
    }

    /** Runs the exact-tree check in a sandbox of {@code image}; throws naming the stray paths. */
    private void checkTree(Task task, String image, String baseCommit) {
        long t0 = System.nanoTime();
        SandboxSpec spec = SandboxSpec.builder(image).workdir(task.environment().workdir())
                .label(SandboxLabels.TASK, task.instanceId()).label(SandboxLabels.ROLLOUT, "tree-check").build();
        ExecResult r;
        try (Sandbox box = sandboxes.start(spec)) {
            r = box.exec(ExecRequest.of(TreeCheck.script(baseCommit), CHECK_TIMEOUT));
        }
        String what = task.instanceId() + ": instance image of " + task.environment().image() + " + base commit "
                + baseCommit;
        if (r.timedOut()) {
            throw new SolverException(what + ": the exact-tree check timed out after " + CHECK_TIMEOUT.toSeconds() + " s");
        }
        Optional<String> problem = TreeCheck.problem(r.combined());
        if (problem.isPresent() || r.exitCode() != 0) {
            throw new SolverException(what + ": " + problem.orElse("the exact-tree check exited " + r.exitCode()
                    + ": " + r.combined().strip()) + "; the image was not kept");
        }
        log.info("{}: exact-tree check of {} passed in {} ms", task.instanceId(), image,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private void removeQuietly(Task task, String staging) {
        try {
            images.removeImage(staging);
        } catch (RuntimeException e) {
            log.warn("{}: could not remove the staging image {}: {}", task.instanceId(), staging, e.getMessage());
        }
    }

    public static String imageName(Task task) {
        return InstanceImages.imageName(key(task));
    }

    static String key(Task task) {
        String id = task.instanceId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        if (id.length() > 80) id = id.substring(id.length() - 80);
        if (!Character.isLetterOrDigit(id.charAt(0))) id = "t" + id;
        // v3: images of v2 and before were never checked for an exact tree.
        return id + "-" + sha(task.environment().image() + "\n" + task.repo() + "\n" + task.baseCommit() + "\nv3").substring(0, 12);
    }

    static String sha(String s) {
        return Hashing.sha256().hashString(s, StandardCharsets.UTF_8).toString();
    }
}
