package dev.fixpoint.solver.prepare;

import dev.fixpoint.sandbox.ImageRegistry;
import dev.fixpoint.sandbox.ImageUnavailableException;
import dev.fixpoint.sandbox.InstanceImages;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.registry.RegistryClient;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.tasks.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Instance images pushed beforehand (by {@code fixpoint images push}) to a registry, for a batch that bakes nothing:
 * the pods of a sharded Job, which have no Docker daemon. A task's image name is computed from the task alone (its
 * environment image, repository and base commit: {@link InstancePreparer#imageName}), put under the registry
 * ({@link ImageRegistry#remoteName}), exactly as the push step names what it pushes; then the registry is asked
 * whether it holds that image. Absent: the task fails naming the image and the command that pushes it. No answer
 * (a registry only the cluster's nodes reach): the name is used as is and the kubelet's pull decides (said once), its
 * {@code ErrImagePull} then naming the push command too ({@link #explainingPulls}).
 * Thread-safe.
 */
public final class PrebuiltInstances {

    private static final Logger log = LoggerFactory.getLogger(PrebuiltInstances.class);

    private final String registry;
    private final RegistryClient client;
    private final String pushCommand;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * @param registry    {@code HOST[:PORT][/PREFIX]} the images were pushed to
     * @param pushCommand the command line that pushes them, for the error of a missing image
     * @throws IllegalArgumentException naming the value when {@code registry} is not {@code HOST[:PORT][/PREFIX]}
     */
    public PrebuiltInstances(String registry, String pushCommand) {
        ImageRegistry.remoteName(registry, "fixpoint/check:x");
        this.registry = registry;
        this.client = new RegistryClient();
        this.pushCommand = pushCommand;
    }

    /** The registry name of {@code task}'s instance image: what {@code fixpoint images push} pushes it as. */
    public static String remoteName(String registry, Task task) {
        return ImageRegistry.remoteName(registry, InstancePreparer.imageName(task));
    }

    /**
     * {@code pods}, whose start failures for an instance image of this registry that cannot be pulled (the kubelet's
     * {@code ErrImagePull}) say first how to push it, then the pod's error. Closing the result does not close {@code pods}.
     */
    public SandboxProvider explainingPulls(SandboxProvider pods) {
        String prefix = ImageRegistry.remoteName(registry, InstanceImages.REPOSITORY + ":");
        return new SandboxProvider() {
            @Override
            public Sandbox start(SandboxSpec spec) {
                try {
                    return pods.start(spec);
                } catch (ImageUnavailableException e) {
                    if (!e.image().startsWith(prefix)) throw e;
                    // The advice first: a task's reasons keep the first 300 characters of a rollout's error.
                    throw new ImageUnavailableException("instance image " + e.image() + " is not in registry " + registry + ", or the nodes "
                            + "cannot pull from it; push it first, from a machine with Docker: " + pushCommand + " (" + e.getMessage() + ")",
                            e.image());
                }
            }

            @Override
            public int prune(boolean all) {
                return pods.prune(all);
            }

            @Override
            public void close() {
                // pods belongs to the caller
            }
        };
    }

    /**
     * The task's instance image in the registry.
     *
     * @throws SolverException naming the image and the push command when the registry says it has no such image
     */
    String resolve(Task task) {
        String image = remoteName(registry, task);
        RegistryClient.Presence p = client.find(image);
        switch (p.state()) {
            case PRESENT -> log.info("{}: instance image {} is in the registry", task.instanceId(), image);
            case ABSENT -> throw new SolverException(task.instanceId() + ": instance image " + image + " is not in registry "
                    + registry + ": this batch bakes nothing (--prebuilt-images); push it first, from a machine with Docker, "
                    + "with the same task file, specs and mirrors: " + pushCommand);
            case UNKNOWN -> {
                if (warned.compareAndSet(false, true)) {
                    log.warn("cannot ask registry {} whether it holds the instance images ({}); using their names as they are: "
                            + "a missing one fails at the pod's image pull (ErrImagePull)", registry, p.detail());
                }
            }
        }
        return image;
    }

}
