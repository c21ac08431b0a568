package dev.fixpoint.kubernetes;

import java.io.IOException;

/**
 * Runs a {@link MockCluster} in its own JVM (so the benchmark's controller JVM holds only the provider): prints the API
 * server's URL, serves until its stdin ends. Its pods run on the {@link ScriptedNode}, or with the argument
 * {@code docker} as Docker containers ({@link DockerNode}, which pulls what the local daemon lacks, as a node does): so a
 * {@code fixpoint batch --kubernetes} in another process, without Docker of its own, runs on a cluster.
 */
public final class FakeClusterMain {

    private FakeClusterMain() {}

    public static void main(String[] args) throws IOException {
        boolean docker = args.length > 0 && args[0].equals("docker");
        try (MockCluster cluster = new MockCluster(docker ? new DockerNode() : new ScriptedNode())) {
            System.out.println(cluster.url());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark closes our stdin
            }
        }
    }
}
