package dev.fixpoint.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import dev.fixpoint.sandbox.testing.OwnerIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cleanup never touches what is not its own: another run's containers, or a container started by hand from our images. */
@Tag("docker")
@Tag("hostile-cleanup")
class CleanupScopeTest {

    static DockerTestSupport docker;

    @BeforeAll
    static void up() {
        docker = DockerTestSupport.create("sandbox-cleanup");
    }

    @AfterAll
    static void down() {
        docker.close();
    }

    @Test
    void aRunPrunesItsOwnLeftoversAndNeverAnotherRunsEvenWithADeadOwner() throws Exception {
        String deadOwner = OwnerIds.ofExitedProcess();
        String otherRun = docker.runId() + "-other";
        DockerClient raw = DockerClients.create(null);
        String ours = raw.createContainerCmd(DockerTestSupport.BASE).withCmd("true")
                .withLabels(Map.of(SandboxLabels.MANAGED, "true", SandboxLabels.RUN, docker.runId(),
                        SandboxLabels.OWNER, deadOwner)).exec().getId();
        String theirs = raw.createContainerCmd(DockerTestSupport.BASE).withCmd("true")
                .withLabels(Map.of(SandboxLabels.MANAGED, "true", SandboxLabels.RUN, otherRun,
                        SandboxLabels.OWNER, deadOwner)).exec().getId();
        try (DockerSandboxProvider same = DockerSandboxProvider.builder().runId(docker.runId()).build()) {
            assertEquals(1, same.pruneLeftovers(), "the earlier invocation's container of the same run");
            assertFalse(same.containers(Map.of()).contains(ours));
            assertTrue(same.containers(Map.of()).contains(theirs), "another run's container is not touched");
        } finally {
            raw.removeContainerCmd(theirs).withForce(true).exec();
            raw.close();
        }
    }

    @Test
    void aContainerStartedByHandFromABakedImageIsNoLeftover(@TempDir Path tree) throws Exception {
        Files.writeString(tree.resolve("a.txt"), "a\n");
        String key = "labels-" + docker.runId();
        String image = docker.provider().bakeImage(DockerTestSupport.BASE, tree, "/work", key);
        DockerClient raw = DockerClients.create(null);
        String byHand = null;
        try {
            Map<String, String> labels = raw.inspectImageCmd(image).exec().getConfig().getLabels();
            for (String k : SandboxLabels.ALL) {
                assertEquals("", labels.getOrDefault(k, ""), k + " is blank on the image: " + labels);
            }
            byHand = raw.createContainerCmd(image).withCmd("true").exec().getId();
            assertFalse(docker.provider().containers(Map.of()).contains(byHand), "not a Fixpoint container");
            docker.provider().prune(false);
            raw.inspectContainerCmd(byHand).exec(); // still there
        } finally {
            if (byHand != null) raw.removeContainerCmd(byHand).withForce(true).exec();
            raw.removeImageCmd(image).withForce(true).exec();
            raw.close();
        }
    }
}
