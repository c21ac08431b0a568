package dev.fixpoint.agent.testing;

import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Docker sandbox provider per test class (tag the class {@code @Tag("docker")}): opened before the class's
 * first test, closed after its last. Shared with the modules downstream through the test-jar.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DockerSandboxes docker = new DockerSandboxes();
 * ... try (Sandbox box = docker.provider().start(spec)) { ... }
 * }</pre>
 */
public final class DockerSandboxes implements BeforeAllCallback, AfterAllCallback {

    private DockerSandboxProvider provider;

    @Override
    public void beforeAll(ExtensionContext context) {
        provider = DockerSandboxProvider.create();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (provider != null) provider.close();
        provider = null;
    }

    /** The class's provider, between its first and last test. */
    public DockerSandboxProvider provider() {
        if (provider == null) throw new IllegalStateException("no provider: register DockerSandboxes as a static"
                + " @RegisterExtension field and use it inside tests only");
        return provider;
    }
}
