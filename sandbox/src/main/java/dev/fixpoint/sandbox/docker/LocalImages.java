package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Map;

/**
 * The images of the local daemon as {@link ImageBaker} and {@link EnvironmentImageBuilder} both need them: whether
 * one is there, and a container committed as one.
 */
final class LocalImages {

    private final DockerClient docker;

    LocalImages(DockerClient docker) {
        this.docker = docker;
    }

    boolean exists(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Commits a container (running or never started) as {@code image} ({@code repository:tag}).
     *
     * @param cmd the image's command, or null to keep the container's
     * @throws com.github.dockerjava.api.exception.DockerException when the daemon refuses; callers say what failed
     */
    void commit(String containerId, String image, String workdir, Map<String, String> labels, String cmd) {
        int colon = image.lastIndexOf(':');
        if (colon <= 0 || image.indexOf('/', colon) >= 0) {
            throw new IllegalArgumentException("not an image name with a tag: " + image);
        }
        var commit = docker.commitCmd(containerId).withRepository(image.substring(0, colon))
                .withTag(image.substring(colon + 1)).withWorkingDir(workdir).withLabels(labels);
        if (cmd != null) commit = commit.withCmd(cmd);
        commit.exec();
    }
}
