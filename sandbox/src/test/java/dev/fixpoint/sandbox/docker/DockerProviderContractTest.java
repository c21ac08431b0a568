package dev.fixpoint.sandbox.docker;

import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import dev.fixpoint.sandbox.testing.SandboxProviderContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The provider contract against the real Docker daemon. */
@Tag("docker")
class DockerProviderContractTest extends SandboxProviderContract {

    static DockerTestSupport docker;

    @BeforeAll
    static void up() {
        docker = DockerTestSupport.create("sandbox-contract");
    }

    @AfterAll
    static void down() {
        docker.close();
    }

    @Override protected SandboxProvider provider() { return docker.provider(); }
    @Override protected String image() { return DockerTestSupport.BASE; }
    @Override protected String runId() { return docker.runId(); }

    @Override
    protected List<String> sandboxes(String run) {
        return docker.provider().containers(Map.of(SandboxLabels.RUN, run));
    }

    @Override
    protected int pruneRun(String run) {
        return docker.provider().prune(true, Map.of(SandboxLabels.RUN, run));
    }
}
