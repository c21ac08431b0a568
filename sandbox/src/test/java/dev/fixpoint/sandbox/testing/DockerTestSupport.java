package dev.fixpoint.sandbox.testing;

import dev.fixpoint.sandbox.Limits;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Shared fixture for tests that need real sandboxes (tag them {@code @Tag("docker")}): a provider whose
 * containers all carry one fresh run label, small limits, and a {@link #close()} that removes whatever
 * that run left, and nothing else (other people's tests share the daemon).
 *
 * <pre>{@code
 * static DockerTestSupport docker;
 * @BeforeAll static void up() { docker = DockerTestSupport.create("agent-tests"); }
 * @AfterAll static void down() { docker.close(); }
 * ... try (Sandbox box = docker.provider().start(docker.spec(DockerTestSupport.PYTHON).build())) { ... }
 * }</pre>
 */
public final class DockerTestSupport implements AutoCloseable {

    public static final String BASE = "fixpoint/base:latest";
    public static final String PYTHON = "fixpoint/python:latest";
    public static final String JAVA = "fixpoint/java:latest";

    /** Limits for tests: small, so hostile commands end quickly; lifetime bounds a crashed test's leftovers. */
    public static final Limits TEST_LIMITS = new Limits(512L << 20, 1.0, 128, 1L << 20, Duration.ofMinutes(15),
            256L << 20);

    private final String runId;
    private final DockerSandboxProvider provider;

    private DockerTestSupport(String runId) {
        this.runId = runId;
        this.provider = DockerSandboxProvider.builder().runId(runId).build();
    }

    /** A provider with run label {@code <prefix>-<random>}. */
    public static DockerTestSupport create(String prefix) {
        return new DockerTestSupport(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public DockerSandboxProvider provider() {
        return provider;
    }

    public String runId() {
        return runId;
    }

    /** A spec builder with this run's label and {@link #TEST_LIMITS}. */
    public SandboxSpec.Builder spec(String image) {
        return SandboxSpec.builder(image).limits(TEST_LIMITS).label(SandboxLabels.RUN, runId);
    }

    /** Ids of this run's containers still present (any state). */
    public List<String> leftovers() {
        return provider.containers(Map.of(SandboxLabels.RUN, runId));
    }

    /** Closes the provider's open sandboxes and removes any other container of this run. */
    @Override
    public void close() {
        try {
            provider.prune(true, Map.of(SandboxLabels.RUN, runId));
        } finally {
            provider.close();
        }
    }
}
