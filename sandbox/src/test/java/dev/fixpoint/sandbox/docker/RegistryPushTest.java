package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.fixpoint.sandbox.ImageRegistry;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import dev.fixpoint.sandbox.testing.LoopbackRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ImageRegistry#push} against a real registry: Debian's {@code docker-registry} (distribution v2) serving on a
 * free loopback port ({@link LoopbackRegistry}). An image baked here is pushed,
 * removed locally, pulled back by its registry name: the same image id.
 */
@Tag("docker")
class RegistryPushTest {

    static DockerTestSupport docker;
    static LoopbackRegistry registry;
    static String address;
    @TempDir
    static Path state;

    @BeforeAll
    static void up() throws Exception {
        docker = DockerTestSupport.create("registry-tests");
        registry = LoopbackRegistry.start(state);
        address = registry.address();
    }

    @AfterAll
    static void down() throws Exception {
        if (registry != null) registry.close();
        if (docker != null) docker.close();
    }

    @Test
    void aPushedImageIsPulledBackWithTheSameId(@TempDir Path tree) throws Exception {
        Files.writeString(tree.resolve("hello.txt"), "pushed " + docker.runId() + "\n");
        String image = docker.provider().bakeImage(DockerTestSupport.BASE, tree, "/work", "registry-" + docker.runId());
        List<String> made = new ArrayList<>(List.of(image));
        DockerClient raw = DockerClients.create(null);
        try {
            String id = raw.inspectImageCmd(image).exec().getId();
            String pushed = docker.provider().push(image, address + "/fx-test");
            made.add(pushed);
            assertEquals(address + "/fx-test/" + image, pushed);
            raw.removeImageCmd(pushed).exec();
            raw.removeImageCmd(image).exec();
            assertFalse(docker.provider().imageExists(pushed), "removed locally");
            assertThrows(NotFoundException.class, () -> raw.inspectImageCmd(id).exec(), "no local copy left");

            docker.provider().pull(pushed);
            assertEquals(id, raw.inspectImageCmd(pushed).exec().getId(), "pulled back from the registry: the same image");
            String tag = image.substring(image.indexOf(':') + 1);
            String catalog = registry.get("/v2/fx-test/fixpoint/instance/tags/list");
            assertTrue(catalog.contains(tag), catalog);
        } finally {
            for (String m : made) {
                try {
                    raw.removeImageCmd(m).withForce(true).exec();
                } catch (NotFoundException e) {
                    // removed by the test already
                }
            }
            raw.close();
        }
    }

    @Test
    void aRegistryThatDoesNotAnswerIsAnErrorNamingImageAndRegistry(@TempDir Path tree) throws Exception {
        Files.writeString(tree.resolve("a.txt"), "a\n");
        String image = docker.provider().bakeImage(DockerTestSupport.BASE, tree, "/work", "registry-down-" + docker.runId());
        String nowhere = "127.0.0.1:" + LoopbackRegistry.freePort() + "/fx-test";
        try {
            var e = assertThrows(SandboxException.class, () -> docker.provider().push(image, nowhere));
            assertTrue(e.getMessage().startsWith("pushing " + image + " to " + nowhere + " as " + nowhere + "/" + image + " failed: "),
                    e.getMessage());
        } finally {
            docker.provider().removeImage(nowhere + "/" + image);
            docker.provider().removeImage(image);
        }
    }

    @Test
    void aBadRegistryValueIsRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> ImageRegistry.remoteName("http://reg:5000", "fixpoint/env:x"));
        assertTrue(e.getMessage().startsWith("--registry 'http://reg:5000' is not HOST[:PORT][/PREFIX]"), e.getMessage());
        assertEquals("reg.example.com/team/fixpoint/env:x", ImageRegistry.remoteName("reg.example.com/team/", "fixpoint/env:x"));
        assertThrows(IllegalArgumentException.class, () -> ImageRegistry.remoteName("reg:5000/Team", "fixpoint/env:x"));
    }
}
