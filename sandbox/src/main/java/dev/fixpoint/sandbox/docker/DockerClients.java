package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/** Builds the docker-java client: DOCKER_HOST or the local unix socket, API version 1.41 (Docker 20.10). */
final class DockerClients {

    /** Docker 20.10 speaks 1.41; docker-java does not negotiate and newer versions are refused. */
    static final String API_VERSION = "1.41";

    private DockerClients() {}

    /** @param dockerHost e.g. "unix:///var/run/docker.sock"; null for DOCKER_HOST or the default socket */
    static DockerClient create(String dockerHost) {
        DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withApiVersion(API_VERSION);
        if (dockerHost != null) b.withDockerHost(dockerHost);
        DefaultDockerClientConfig config = b.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                // every runner holds one connection for the sandbox's whole life
                .maxConnections(1024)
                .connectionTimeout(Duration.ofSeconds(30))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
