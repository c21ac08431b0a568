package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import dev.fixpoint.sandbox.Limits;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.runner.RunnerScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Container lifecycle: creates a container from a {@link SandboxSpec} with every bound applied, starts it,
 * and removes it. The container's main process is {@code keeper.sh}: it ends the container after the
 * spec's lifetime (the container is auto-removed then) and kills the running command on SIGUSR1.
 */
final class ContainerLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerLauncher.class);
    /** What package managers, build tools and test suites need as root; everything else is dropped. */
    static final List<Capability> CAPABILITIES = List.of(Capability.CHOWN, Capability.DAC_OVERRIDE,
            Capability.FOWNER, Capability.FSETID, Capability.SETUID, Capability.SETGID, Capability.KILL,
            Capability.NET_BIND_SERVICE);
    /** Below the daemon's own hard limit (20000 here): raising above it fails with EPERM. */
    static final long NOFILE = 8_192;

    private final DockerClient docker;
    private final Map<String, String> ownLabels;

    /** @param ownLabels labels every container gets (managed, owner, default run id), spec labels override run */
    ContainerLauncher(DockerClient docker, Map<String, String> ownLabels) {
        this.docker = docker;
        this.ownLabels = Map.copyOf(ownLabels);
    }

    /** Creates and starts the container; returns its id. Nothing from the host environment is passed. */
    String start(SandboxSpec spec) {
        Map<String, String> labels = new LinkedHashMap<>(ownLabels);
        labels.putAll(spec.labels());
        labels.put(SandboxLabels.MANAGED, "true");
        labels.put(SandboxLabels.OWNER, ownLabels.get(SandboxLabels.OWNER));
        List<String> env = new ArrayList<>();
        spec.env().forEach((k, v) -> env.add(k + "=" + v));
        CreateContainerCmd create = docker.createContainerCmd(spec.image())
                .withEntrypoint(RunnerScript.keeperCommand(spec.limits()))
                .withEnv(env)
                .withWorkingDir(spec.workdir())
                .withLabels(labels)
                .withTty(false)
                .withStdinOpen(false)
                .withHostConfig(hostConfig(spec));
        if (!spec.user().isEmpty()) create.withUser(spec.user());
        String id;
        try {
            id = create.exec().getId();
        } catch (NotFoundException e) {
            throw new SandboxException("image not found (nothing is pulled): " + spec.image(), e);
        }
        try {
            docker.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            remove(id);
            throw new SandboxException(shortId(id) + ": could not start container of image " + spec.image(), e);
        }
        return id;
    }

    static HostConfig hostConfig(SandboxSpec spec) {
        Limits l = spec.limits();
        return HostConfig.newHostConfig()
                .withMemory(l.memoryBytes())
                .withMemorySwap(l.memoryBytes())
                .withNanoCPUs((long) (l.cpus() * 1e9))
                .withPidsLimit((long) l.pids())
                .withNetworkMode(spec.network() ? "bridge" : "none")
                .withCapDrop(Capability.ALL)
                .withCapAdd(CAPABILITIES.toArray(new Capability[0]))
                .withSecurityOpts(List.of("no-new-privileges"))
                // fsize bounds every file a process writes (overlay2 on ext4 cannot bound the layer's size);
                // no nproc: it counts the user's processes host-wide; the pids limit bounds the container.
                .withUlimits(List.of(new Ulimit("nofile", NOFILE, NOFILE),
                        new Ulimit("fsize", l.diskBytes(), l.diskBytes())))
                .withOomScoreAdj(500)
                .withAutoRemove(true)
                .withInit(false)
                .withBinds(List.of());
    }

    /** Force-removes the container; a container that is already gone or being removed is fine. */
    void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            LOG.debug("{}: already removed", shortId(id));
        } catch (ConflictException e) {
            // Auto-removal is in progress: wait until it is done, so "closed" means "gone".
            awaitGone(id);
        }
    }

    private void awaitGone(String id) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                docker.inspectContainerCmd(id).exec();
            } catch (NotFoundException e) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxException(shortId(id) + ": interrupted while waiting for removal", e);
            }
        }
        throw new SandboxException(shortId(id) + ": container still exists 10 s after its removal began");
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
