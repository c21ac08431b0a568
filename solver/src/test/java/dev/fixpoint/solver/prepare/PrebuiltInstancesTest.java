package dev.fixpoint.solver.prepare;

import dev.fixpoint.sandbox.ImageUnavailableException;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.testing.LoopbackRegistry;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.testing.InstanceNames;
import dev.fixpoint.solver.testing.Samples;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoader;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.RepoLocator;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch with {@code --prebuilt-images} (the pods of a k8s job) prepares tasks with no Docker daemon: each task's
 * instance image is its registry name, computed from the task alone, checked against a real registry on loopback
 * (Debian's docker-registry, which needs no daemon either); the host checkout at the base commit is still made.
 */
class PrebuiltInstancesTest {

    static final List<Task> SAMPLES = TaskLoader.strict().load(Samples.TASKS).tasks();

    @TempDir
    Path tmp;

    @Test
    void everySampleIsNamedFromTheTaskAloneAsThePushStepNamesIt() {
        assertEquals(6, SAMPLES.size());
        for (Task t : SAMPLES) {
            assertEquals(InstanceNames.remote("reg.example.com:5000/team", t), PrebuiltInstances.remoteName("reg.example.com:5000/team", t));
        }
        assertEquals(6, SAMPLES.stream().map(t -> PrebuiltInstances.remoteName("r:1/x", t)).distinct().count(), "one image per task");
    }

    @Test
    void anImageInTheRegistryIsUsedAndAMissingOneFailsTheTaskNamingItAndThePushCommand() throws Exception {
        Files.createDirectories(tmp.resolve("registry"));
        try (LoopbackRegistry registry = LoopbackRegistry.start(tmp.resolve("registry"))) {
            String r = registry.address() + "/fx";
            Task pushed = SAMPLES.get(0);
            Task missing = SAMPLES.get(3);
            registry.putImage("fx/fixpoint/instance", InstanceNames.tag(pushed));
            RepoCache cache = RepoCache.open(tmp.resolve("cache"), RepoLocator.fromMirrorFile(Samples.MIRRORS));
            String push = "fixpoint images push --tasks /runs/tasks.jsonl --registry " + r;
            InstancePreparer preparer = new InstancePreparer(cache, new PrebuiltInstances(r, push));

            Path tree;
            try (PreparedTask p = preparer.prepare(pushed)) {
                assertEquals(InstanceNames.remote(r, pushed), p.image());
                tree = p.baseTree();
                try (Git git = Git.open(tree.toFile())) {
                    assertEquals(pushed.baseCommit(), git.getRepository().resolve("HEAD").name(), "the verifiers' checkout is at the base commit");
                }
            }
            assertFalse(Files.exists(tree), "closing the task removes its checkout");

            var e = assertThrows(SolverException.class, () -> preparer.prepare(missing));
            assertEquals(missing.instanceId() + ": instance image " + InstanceNames.remote(r, missing) + " is not in registry " + r
                    + ": this batch bakes nothing (--prebuilt-images); push it first, from a machine with Docker, with the same task "
                    + "file, specs and mirrors: " + push, e.getMessage());
        }
    }

    @Test
    void aRegistryThePodCannotAskLeavesTheDecisionToTheImagePull() throws Exception {
        String r = "127.0.0.1:" + LoopbackRegistry.freePort() + "/fx";
        RepoCache cache = RepoCache.open(tmp.resolve("cache"), RepoLocator.fromMirrorFile(Samples.MIRRORS));
        InstancePreparer preparer = new InstancePreparer(cache, new PrebuiltInstances(r, "fixpoint images push"));
        Task t = SAMPLES.get(1);
        try (PreparedTask p = preparer.prepare(t)) {
            assertEquals(InstanceNames.remote(r, t), p.image());
            assertTrue(Files.isDirectory(p.baseTree()));
        }
    }

    @Test
    void aPodThatCannotPullAnInstanceImageSaysHowToPushIt() {
        String r = "reg.example.com/fx";
        Task t = SAMPLES.get(2);
        String image = InstanceNames.remote(r, t);
        SandboxProvider pods = new SandboxProvider() {
            @Override public Sandbox start(SandboxSpec spec) {
                throw new ImageUnavailableException("fixpoint-0a: pod of " + spec.image() + " cannot start: ErrImagePull not found", spec.image());
            }
            @Override public int prune(boolean all) { return 7; }
            @Override public void close() {}
        };
        SandboxProvider explained = new PrebuiltInstances(r, "fixpoint images push --tasks T --registry " + r).explainingPulls(pods);
        var e = assertThrows(ImageUnavailableException.class, () -> explained.start(SandboxSpec.builder(image).build()));
        assertEquals("instance image " + image + " is not in registry " + r + ", or the nodes cannot pull from it; push it first, from a "
                + "machine with Docker: fixpoint images push --tasks T --registry " + r + " (fixpoint-0a: pod of " + image
                + " cannot start: ErrImagePull not found)", e.getMessage());
        assertEquals(image, e.image());
        var other = assertThrows(ImageUnavailableException.class, () -> explained.start(SandboxSpec.builder("python:3.11").build()));
        assertEquals("fixpoint-0a: pod of python:3.11 cannot start: ErrImagePull not found", other.getMessage(), "not an instance image: as it was");
        assertEquals(7, explained.prune(false));
    }

    @Test
    void aBadRegistryIsRefusedByValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PrebuiltInstances("http://reg:5000", "x"));
        assertTrue(e.getMessage().startsWith("--registry 'http://reg:5000' is not HOST[:PORT][/PREFIX]"), e.getMessage());
    }
}
