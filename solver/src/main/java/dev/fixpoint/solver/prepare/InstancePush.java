package dev.fixpoint.solver.prepare;

import dev.fixpoint.sandbox.ImageRegistry;
import dev.fixpoint.sandbox.InstanceImages;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.registry.RegistryClient;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.git.RepoCache;

import java.time.Duration;

/**
 * Puts images in a registry before a batch runs where there is no Docker daemon (the pods of a sharded Job): a task's
 * instance image is prepared as a batch prepares it ({@link InstancePreparer}: baked from the environment image and the
 * base commit, checked for an exact tree) and pushed under {@link PrebuiltInstances#remoteName}, the name the pods
 * compute; an environment image is pushed as it is. An image the registry already holds under that name is neither
 * prepared nor pushed again. A failure is an outcome, not an exception, so a caller can go on with the other tasks.
 */
public final class InstancePush {

    /** What happened to one image. */
    public enum Status { PUSHED, PRESENT, FAILED }

    /**
     * One image's outcome.
     *
     * @param subject the task's instance id, or the environment image
     * @param image   the registry name
     * @param status  pushed now, already in the registry, or failed
     * @param message why it failed, "" otherwise
     * @param took    wall time
     */
    public record Outcome(String subject, String image, Status status, String message, Duration took) {}

    private final String registry;
    private final RegistryClient client = new RegistryClient();
    private final ImageRegistry pusher;
    private final InstancePreparer preparer;

    /**
     * @param docker   the daemon that bakes and pushes
     * @param registry {@code HOST[:PORT][/PREFIX]}
     * @throws IllegalArgumentException naming the value when {@code registry} is not {@code HOST[:PORT][/PREFIX]}
     */
    public <S extends SandboxProvider & InstanceImages & ImageRegistry> InstancePush(RepoCache cache, S docker, String registry) {
        ImageRegistry.remoteName(registry, "fixpoint/check:x");
        this.registry = registry;
        this.pusher = docker;
        this.preparer = new InstancePreparer(cache, docker, image -> docker.push(image, registry));
    }

    /** Prepares and pushes {@code task}'s instance image unless the registry has it. */
    public Outcome instance(Task task) {
        long t0 = System.nanoTime();
        String target = PrebuiltInstances.remoteName(registry, task);
        try {
            if (client.find(target).state() == RegistryClient.State.PRESENT) {
                return new Outcome(task.instanceId(), target, Status.PRESENT, "", since(t0));
            }
            try (PreparedTask prepared = preparer.prepare(task)) {
                if (!prepared.image().equals(target)) {
                    throw new SolverException(task.instanceId() + ": pushed as " + prepared.image() + ", not as " + target
                            + " where the batch's pods look for it");
                }
            }
            return new Outcome(task.instanceId(), target, Status.PUSHED, "", since(t0));
        } catch (RuntimeException e) {
            return new Outcome(task.instanceId(), target, Status.FAILED, e.getMessage(), since(t0));
        }
    }

    /** Pushes a local environment image unless the registry has it. */
    public Outcome environment(String image) {
        long t0 = System.nanoTime();
        String target = ImageRegistry.remoteName(registry, image);
        try {
            if (client.find(target).state() == RegistryClient.State.PRESENT) {
                return new Outcome(image, target, Status.PRESENT, "", since(t0));
            }
            pusher.push(image, registry);
            return new Outcome(image, target, Status.PUSHED, "", since(t0));
        } catch (RuntimeException e) {
            return new Outcome(image, target, Status.FAILED, e.getMessage(), since(t0));
        }
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
