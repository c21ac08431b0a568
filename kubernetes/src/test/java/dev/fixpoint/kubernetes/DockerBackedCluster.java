package dev.fixpoint.kubernetes;

/**
 * A {@link MockCluster} whose pods are Docker containers ({@link DockerNode}) and a provider on it; closing deletes
 * the provider's pods, then the containers left, then stops the API server. For tests tagged "docker".
 */
final class DockerBackedCluster implements AutoCloseable {

    private final MockCluster cluster = new MockCluster(new DockerNode());
    private final KubernetesSandboxProvider provider;

    /** @param runId the provider's run id, or null for a random one */
    DockerBackedCluster(String runId) {
        KubernetesSandboxProvider.Builder b = cluster.provider();
        this.provider = (runId == null ? b : b.runId(runId)).build();
    }

    KubernetesSandboxProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        try {
            provider.close();
        } finally {
            cluster.close();
        }
    }
}
