package dev.fixpoint.kubernetes;

import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import dev.fixpoint.sandbox.testing.SandboxProviderContract;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The provider contract through the Kubernetes API: the fabric8 mock API server (CRUD: pods, NetworkPolicies,
 * labels, deletes, prune) and the exec websocket, with a fake kubelet that runs each pod as a real Docker
 * container built from the pod spec ({@link DockerNode}). The runner, its markers, stdin, output caps, timeouts
 * and process-group kills are real; scheduling, image pulls and the NetworkPolicy's enforcement are not.
 */
@Tag("docker")
class KubernetesProviderContractTest extends SandboxProviderContract {

    static DockerBackedCluster cluster;
    static KubernetesSandboxProvider provider;
    static final String RUN = "k8s-contract-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void up() {
        cluster = new DockerBackedCluster(RUN);
        provider = cluster.provider();
    }

    @AfterAll
    static void down() {
        cluster.close();
    }

    @Override protected SandboxProvider provider() { return provider; }
    @Override protected String image() { return DockerTestSupport.BASE; }
    @Override protected String runId() { return RUN; }

    @Override
    protected List<String> sandboxes(String run) {
        return provider.pods(Map.of(SandboxLabels.RUN, run));
    }

    @Override
    protected int pruneRun(String run) {
        return provider.prune(true, Map.of(SandboxLabels.RUN, run));
    }
}
