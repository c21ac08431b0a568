package dev.fixpoint.kubernetes;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * The fabric8 mock API server in CRUD mode (plain HTTP on loopback) with a {@link FakeKubelet} in front: a
 * "cluster" whose pods run on {@code node}.
 */
final class MockCluster implements AutoCloseable {

    private final KubernetesMockServer server;
    private final FakeKubelet kubelet;
    private final FakeKubelet.Node node;

    MockCluster(FakeKubelet.Node node) {
        this.node = node;
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        this.kubelet = new FakeKubelet(new KubernetesMixedDispatcher(responses), node);
        this.server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, kubelet, false);
        server.init();
    }

    /** The API server's URL, for {@link KubernetesSandboxProvider.Builder#masterUrl}. */
    String url() {
        return server.url("/");
    }

    FakeKubelet kubelet() {
        return kubelet;
    }

    /** A provider on this cluster, namespace "fixpoint-test". */
    KubernetesSandboxProvider.Builder provider() {
        return KubernetesSandboxProvider.builder().masterUrl(url()).namespace("fixpoint-test");
    }

    @Override
    public void close() {
        try {
            server.destroy();
        } finally {
            node.close();
        }
    }
}
