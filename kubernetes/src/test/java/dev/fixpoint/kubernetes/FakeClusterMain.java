package dev.fixpoint.kubernetes;

import java.io.IOException;

/**
 * Runs a {@link MockCluster} with the {@link ScriptedNode} in its own JVM (so the benchmark's controller JVM holds
 * only the provider): prints the API server's URL, serves until its stdin ends.
 */
public final class FakeClusterMain {

    private FakeClusterMain() {}

    public static void main(String[] args) throws IOException {
        try (MockCluster cluster = new MockCluster(new ScriptedNode())) {
            System.out.println(cluster.url());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark closes our stdin
            }
        }
    }
}
