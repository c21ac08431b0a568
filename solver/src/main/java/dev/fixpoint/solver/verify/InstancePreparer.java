package dev.fixpoint.solver.verify;

import com.google.common.hash.Hashing;
import dev.fixpoint.sandbox.InstanceImages;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.tasks.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Prepares a task once for all its rollouts: checks the repository out of the shared mirror cache as a standalone
 * workspace (its {@code .git} a shallow clone at the real base commit, see {@link RepoCache#checkoutStandalone}) and
 * bakes that into a per-task instance image ({@code fixpoint/instance:<key>}, reused when it exists). Inside, git
 * resolves the task's base commit, so the agent diffs against it and its patches apply to any checkout of the base.
 */
public final class InstancePreparer {

    private static final Logger log = LoggerFactory.getLogger(InstancePreparer.class);

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
        Workspace ws = cache.checkoutStandalone(task);
        String image = imageName(task);
        try {
            if (!images.imageExists(image)) {
                images.bakeImage(task.environment().image(), ws.directory(), task.environment().workdir(), key(task));
            }
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        log.info("{}: instance image {} ready in {} ms", task.instanceId(), image, (System.nanoTime() - t0) / 1_000_000);
        return new PreparedTask(task, image, ws.directory(), ws::close);
    }

    public static String imageName(Task task) {
        return "fixpoint/instance:" + key(task);
    }

    static String key(Task task) {
        String id = task.instanceId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        if (id.length() > 80) id = id.substring(id.length() - 80);
        if (!Character.isLetterOrDigit(id.charAt(0))) id = "t" + id;
        return id + "-" + sha(task.environment().image() + "\n" + task.repo() + "\n" + task.baseCommit() + "\nv2").substring(0, 12);
    }

    static String sha(String s) {
        return Hashing.sha256().hashString(s, StandardCharsets.UTF_8).toString();
    }
}
