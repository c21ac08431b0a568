package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import dev.fixpoint.sandbox.EnvironmentImages;
import dev.fixpoint.sandbox.ImageBuild;
import dev.fixpoint.sandbox.ImageSummary;
import dev.fixpoint.sandbox.InstanceImages;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.LabelledSandboxes;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.runner.OpenSandboxes;
import dev.fixpoint.sandbox.runner.OwnerId;
import dev.fixpoint.sandbox.runner.RunnerCommands;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandboxes as Docker containers on the local daemon (unix socket, or {@code DOCKER_HOST}), each with a
 * long-lived command runner so an exec costs about what the command costs. Thread-safe; share one per process.
 *
 * <pre>{@code
 * try (DockerSandboxProvider docker = DockerSandboxProvider.create();
 *      Sandbox box = docker.start(SandboxSpec.builder("fixpoint/python:latest").workdir("/work").build())) {
 *     ExecResult r = box.exec("python3 -V", Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Every container is labelled ({@link SandboxLabels}): managed, run (the spec's, else this provider's run
 * id), owner (host:pid). {@link #close()} and a JVM shutdown hook remove this provider's open containers;
 * {@link #prune} removes those of dead processes; each container also ends itself after its lifetime.
 */
public final class DockerSandboxProvider implements LabelledSandboxes, InstanceImages, EnvironmentImages, dev.fixpoint.sandbox.ImageRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DockerSandboxProvider.class);

    private final DockerClient docker;
    private final String runId;
    private final String runnerMode;
    private final ContainerLauncher launcher;
    private final Pruner pruner;
    private final LocalImages images;
    private final ImageBaker baker;
    private final EnvironmentImageBuilder environments;
    private final OpenSandboxes<DockerSandbox> open;
    private volatile boolean closed;

    private DockerSandboxProvider(Builder b) {
        this.docker = DockerClients.create(b.dockerHost);
        this.runId = b.runId != null ? b.runId : "run-" + UUID.randomUUID().toString().substring(0, 8);
        this.runnerMode = b.runnerMode;
        Map<String, String> own = Map.of(SandboxLabels.MANAGED, "true", SandboxLabels.RUN, runId,
                SandboxLabels.OWNER, OwnerId.current().toString());
        this.launcher = new ContainerLauncher(docker, own);
        this.pruner = new Pruner(docker, launcher);
        this.images = new LocalImages(docker);
        this.baker = new ImageBaker(docker, images, launcher, own);
        this.environments = new EnvironmentImageBuilder(docker, images, this);
        this.open = new OpenSandboxes<>(runId);
    }

    /** A provider for the local daemon (DOCKER_HOST or the default socket) with a random run id. */
    public static DockerSandboxProvider create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The run label given to containers whose spec names no run. */
    public String runId() {
        return runId;
    }

    /** Creates the container, starts it and its command runner; ready for {@link Sandbox#exec}. */
    @Override
    public Sandbox start(SandboxSpec spec) {
        if (closed) throw new SandboxException("sandbox provider is closed");
        long t0 = System.nanoTime();
        String id = launcher.start(spec);
        DockerSandbox box = new DockerSandbox(docker, launcher, id, spec, runnerMode, open::remove);
        open.add(box);
        box.startRunner();
        LOG.debug("{}: started {} in {} ms (runner mode {})", ContainerLauncher.shortId(id), spec.image(),
                (System.nanoTime() - t0) / 1_000_000, box.runnerMode());
        return box;
    }

    /** Removes the containers carrying all the given labels whose owner is gone, or all of them. */
    @Override
    public int prune(boolean all, Map<String, String> labels) {
        try {
            return pruner.prune(all, labels);
        } catch (SandboxException e) {
            throw e;
        } catch (RuntimeException e) { // docker-java's exceptions, and I/O failures it wraps
            throw new SandboxException("pruning containers " + labels + " failed (is the Docker daemon up?)", e);
        }
    }

    /** Ids of Fixpoint containers, in any state, carrying all the given labels (e.g. one run's). */
    public List<String> containers(Map<String, String> labels) {
        return pruner.list(labels);
    }

    @Override
    public String bakeImage(String baseImage, Path hostDir, String workdir, String key) {
        return baker.bake(baseImage, hostDir, workdir, key);
    }

    @Override
    public boolean imageExists(String image) {
        return images.exists(image);
    }

    @Override
    public void tagImage(String image, String target) {
        baker.tag(image, target);
    }

    @Override
    public void removeImage(String image) {
        baker.remove(image);
    }

    @Override
    public boolean build(ImageBuild build, Consumer<String> log) {
        return environments.build(build, log);
    }

    @Override
    public void pull(String image) {
        environments.pull(image);
    }

    @Override
    public String push(String image, String registry) {
        return new RegistryPusher(docker).push(image, registry);
    }

    @Override
    public List<ImageSummary> images(String repository) {
        try {
            return environments.images(repository);
        } catch (RuntimeException e) { // docker-java's exceptions
            throw new SandboxException("listing images of " + repository + " failed (is the Docker daemon up?)", e);
        }
    }

    /** Removes the sandboxes still open and releases the Docker client. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            open.close();
        } finally {
            try {
                docker.close();
            } catch (IOException e) {
                throw new SandboxException("closing the Docker client", e);
            }
        }
    }

    /** Options of {@link DockerSandboxProvider}. */
    public static final class Builder {
        private String dockerHost;
        private String runId;
        private String runnerMode;

        private Builder() {}

        /** e.g. {@code unix:///var/run/docker.sock} or {@code tcp://host:2375}; default: DOCKER_HOST or the socket. */
        public Builder dockerHost(String v) { dockerHost = v; return this; }

        /** Run label for containers whose spec names none; default: a random id. */
        public Builder runId(String v) { runId = v; return this; }

        /**
         * Forces the runner's process-group strategy: "jobctl" (bash {@code set -m}), "setsid" or "none";
         * default: the best the image supports. For tests.
         */
        public Builder runnerMode(String v) {
            runnerMode = RunnerCommands.requireMode(v);
            return this;
        }

        public DockerSandboxProvider build() {
            return new DockerSandboxProvider(this);
        }
    }
}
