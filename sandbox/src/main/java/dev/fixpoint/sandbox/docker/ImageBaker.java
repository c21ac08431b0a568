package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.fixpoint.sandbox.InstanceImages;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.runner.TarIO;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bakes a host directory into an image: a created (never started) container of the base image receives the
 * tree through the archive API and is committed as {@code fixpoint/instance:<key>}. No process runs, so this
 * works for any image and costs about one tar copy plus one layer commit.
 */
final class ImageBaker {

    /** Image label naming the run that baked the image (provenance only: pruners never read it). */
    static final String BAKED_BY_LABEL = "dev.fixpoint.image.baked-by-run";
    /** Image label holding the bake key. */
    static final String INSTANCE_LABEL = "dev.fixpoint.instance";
    private static final Logger LOG = LoggerFactory.getLogger(ImageBaker.class);
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

    private final DockerClient docker;
    private final LocalImages images;
    private final ContainerLauncher launcher;
    private final Map<String, String> ownLabels;

    ImageBaker(DockerClient docker, LocalImages images, ContainerLauncher launcher, Map<String, String> ownLabels) {
        this.docker = docker;
        this.images = images;
        this.launcher = launcher;
        this.ownLabels = ownLabels;
    }

    String bake(String baseImage, Path hostDir, String workdir, String key) {
        if (key == null || !KEY.matcher(key).matches()) throw new IllegalArgumentException("not a valid image key: " + key);
        if (workdir == null || !workdir.startsWith("/")) {
            throw new IllegalArgumentException("instance workdir must be an absolute path, not: " + workdir);
        }
        String image = InstanceImages.imageName(key);
        if (images.exists(image)) {
            LOG.debug("{}: instance image exists, not baking", image);
            return image;
        }
        Map<String, String> labels = new LinkedHashMap<>(ownLabels);
        labels.put(SandboxLabels.MANAGED, "true");
        String id;
        try {
            id = docker.createContainerCmd(baseImage).withLabels(labels).withCmd("sh").exec().getId();
        } catch (NotFoundException e) {
            throw new SandboxException("base image not found (nothing is pulled): " + baseImage, e);
        }
        String name = ContainerLauncher.shortId(id);
        try {
            String prefix = workdir.replaceAll("/+$", "").substring(1);
            try (InputStream tar = TarIO.streamDir(hostDir, prefix, true, 0, 0)) {
                docker.copyArchiveToContainerCmd(id).withRemotePath("/").withTarInputStream(tar).exec();
            }
            // Never started: commit takes the base image's config plus the copied tree as one layer.
            images.commit(id, image, workdir, Map.of(INSTANCE_LABEL, key, BAKED_BY_LABEL, ownLabels.getOrDefault(SandboxLabels.RUN, "")), null);
            LOG.info("{}: baked {} from {} + {} at {}", name, image, baseImage, hostDir, workdir);
            return image;
        } catch (IOException | DockerException e) {
            throw new SandboxException(name + ": baking " + image + " from " + baseImage + " + " + hostDir
                    + " failed", e);
        } finally {
            launcher.remove(id);
        }
    }

    void tag(String image, String target) {
        int colon = target == null ? -1 : target.lastIndexOf(':');
        if (colon <= 0 || target.indexOf('/', colon) >= 0) {
            throw new IllegalArgumentException("not an image name with a tag: " + target);
        }
        try {
            docker.tagImageCmd(image, target.substring(0, colon), target.substring(colon + 1)).withForce().exec();
        } catch (DockerException e) {
            throw new SandboxException("cannot tag image " + image + " as " + target + ": " + e.getMessage(), e);
        }
    }

    void remove(String image) {
        try {
            docker.removeImageCmd(image).withForce(false).exec();
        } catch (NotFoundException e) {
            LOG.debug("{}: no such image to remove", image);
        } catch (ConflictException e) {
            throw new SandboxException("image " + image + " is still used by a container", e);
        }
    }
}
