package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.fixpoint.sandbox.SandboxLabels;
import java.util.LinkedHashMap;
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
                .withTag(image.substring(colon + 1)).withWorkingDir(workdir).withLabels(imageLabels(labels));
        if (cmd != null) commit = commit.withCmd(cmd);
        commit.exec();
    }

    /**
     * The image's labels: {@code labels}, with the sandbox labels of the committed container (managed, owner, run,
     * task, rollout) blanked. A commit keeps the container's labels unless given others, and a container a user
     * starts from the image by hand inherits them: with "managed" and the dead owner it would look like a leftover
     * to every pruner. Docker cannot drop a label in a commit, so they are set empty, which no pruner matches.
     */
    static Map<String, String> imageLabels(Map<String, String> labels) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String k : SandboxLabels.ALL) all.put(k, "");
        all.putAll(labels);
        return all;
    }
}
