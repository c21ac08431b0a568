package dev.fixpoint.kubernetes;

import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import dev.fixpoint.sandbox.testing.HostileCommandsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The hostile commands every provider must survive, through the Kubernetes API (mock API server, pods run as
 * Docker containers by {@link DockerNode}). Not here: pids and file-size bounds (a pod spec has neither) and
 * network (the NetworkPolicy is checked as an object in {@link KubernetesProviderTest}; the mock enforces none).
 */
@Tag("docker")
class KubernetesHostileCommandsTest extends HostileCommandsContract {

    static DockerBackedCluster cluster;
    static Sandbox box;

    @BeforeAll
    static void up() {
        cluster = new DockerBackedCluster(null);
        box = cluster.provider().start(SandboxSpec.builder(DockerTestSupport.BASE).workdir("/work")
                .limits(DockerTestSupport.TEST_LIMITS).label(SandboxLabels.RUN, cluster.provider().runId()).build());
    }

    @AfterAll
    static void down() {
        cluster.close();
    }

    /** 128 MiB: every byte crosses the mock's websocket and the fake kubelet's pipes (1 GiB took over a minute). */
    @Override
    protected long floodBytes() {
        return 128L << 20;
    }

    @Override
    protected Sandbox box() {
        return box;
    }
}
