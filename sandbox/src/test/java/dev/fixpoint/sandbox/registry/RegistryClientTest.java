package dev.fixpoint.sandbox.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.registry.RegistryClient.State;
import dev.fixpoint.sandbox.testing.LoopbackRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RegistryClient} against a real registry on loopback (Debian's docker-registry), with no Docker daemon. */
class RegistryClientTest {

    @Test
    void anImageIsPresentOnlyUnderItsOwnNameAndTag(@TempDir Path state) throws Exception {
        try (LoopbackRegistry registry = LoopbackRegistry.start(state)) {
            String stored = registry.putImage("fx/fixpoint/instance", "verspec-1-abc");
            RegistryClient client = new RegistryClient();
            assertEquals(new RegistryClient.Presence(stored, State.PRESENT, ""), client.find(stored));
            assertEquals(State.ABSENT, client.find(registry.address() + "/fx/fixpoint/instance:verspec-1-abd").state());
            assertEquals(State.ABSENT, client.find(registry.address() + "/other/fixpoint/instance:verspec-1-abc").state());
        }
    }

    @Test
    void aRegistryThatDoesNotAnswerIsUnknownNamingTheHost() throws Exception {
        String nowhere = "127.0.0.1:" + LoopbackRegistry.freePort();
        RegistryClient.Presence p = new RegistryClient().find(nowhere + "/fx/fixpoint/instance:k");
        assertEquals(State.UNKNOWN, p.state());
        assertTrue(p.detail().startsWith("registry " + nowhere + " did not answer: "), p.detail());
    }

    @Test
    void credentialsTravelOnlyOverHttpsOrToLoopback() {
        assertTrue(RegistryClient.secure(java.net.URI.create("https://registry.example.com/v2/")));
        assertTrue(RegistryClient.secure(java.net.URI.create("http://127.0.0.1:5000/v2/")));
        assertTrue(RegistryClient.secure(java.net.URI.create("http://localhost:5000/token")));
        assertTrue(RegistryClient.secure(java.net.URI.create("http://[::1]:5000/v2/")));
        assertEquals(false, RegistryClient.secure(java.net.URI.create("http://registry.example.com:5000/v2/")));
        assertEquals(false, RegistryClient.secure(java.net.URI.create("http://10.0.0.7:5000/v2/")));
        assertEquals(false, RegistryClient.secure(java.net.URI.create("http://127.0.0.1.example.com/v2/")));
    }

    @Test
    void aNameWithoutRegistryOrTagIsRefusedByValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RegistryClient().find("fixpoint/instance"));
        assertEquals("not a registry image name HOST[:PORT]/PATH:TAG: fixpoint/instance", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RegistryClient().find("reg:5000/fixpoint/instance"));
    }
}
