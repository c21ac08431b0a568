package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.runner.PendingExec;
import dev.fixpoint.sandbox.runner.RunnerLink;
import dev.fixpoint.sandbox.runner.RunnerProtocol;
import dev.fixpoint.sandbox.runner.RunnerSandbox;
import dev.fixpoint.sandbox.runner.TarIO;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Docker container with a long-lived command runner ({@link RunnerSandbox}): the runner's stream is a Docker
 * attach stream, the keeper is signalled with the Docker API, copies are Docker archive streams, and a disk watch
 * stops a command that takes the writable layer over the disk limit.
 */
final class DockerSandbox extends RunnerSandbox {

    private static final Logger LOG = LoggerFactory.getLogger(DockerSandbox.class);
    private static final Duration RUNNER_READY = Duration.ofSeconds(20);

    private final DockerClient docker;
    private final ContainerLauncher launcher;
    private final String id;
    private final String forcedMode;
    private final Consumer<DockerSandbox> onClose;
    private final DiskWatch disk;
    private int[] ownerIds;

    DockerSandbox(DockerClient docker, ContainerLauncher launcher, String id, SandboxSpec spec, String forcedMode,
                  Consumer<DockerSandbox> onClose) {
        super(ContainerLauncher.shortId(id), spec);
        this.docker = docker;
        this.launcher = launcher;
        this.id = id;
        this.forcedMode = forcedMode;
        this.onClose = onClose;
        this.disk = new DiskWatch(docker, id, spec.limits().diskBytes(), DiskWatch.DEFAULT_INTERVAL);
    }

    @Override public String id() { return id; }

    @Override
    protected RunnerLink startLink() {
        return RunnerSession.start(docker, id, forcedMode, RUNNER_READY);
    }

    /** Waits for the command, checking the disk limit; over it, the command is stopped and a note says so. */
    @Override
    protected String awaitCommand(PendingExec p, ExecRequest request, long startNanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        OptionalLong overDisk = awaitWithinDisk(p, request.timeout());
        boolean stopped = overDisk.isPresent();
        if (stopped) {
            killCommand(p, request.command());
        } else {
            overDisk = disk.overAfter(startNanos);
        }
        return overDisk.isPresent() ? disk.message(overDisk.getAsLong(), stopped) : null;
    }

    /**
     * Waits for the command, checking the disk limit every interval.
     *
     * @return the writable layer's size when it went over the limit (the command is still running), else empty
     * @throws TimeoutException when the command's timeout expires first
     */
    private OptionalLong awaitWithinDisk(PendingExec p, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new TimeoutException();
            try {
                p.done.get(Math.min(left, disk.interval().toNanos()), TimeUnit.NANOSECONDS);
                return OptionalLong.empty();
            } catch (TimeoutException e) {
                OptionalLong over = disk.over();
                if (over.isPresent()) return over;
            }
        }
    }

    /** SIGUSR1 through the Docker API: no new process, so it works even when the pids limit is exhausted. */
    @Override
    protected void signalKeeper() {
        docker.killContainerCmd(id).withSignal("USR1").exec();
    }

    @Override
    protected void plainExec(List<String> command) {
        PlainExec.run(docker, id, command, Duration.ofSeconds(30));
    }

    @Override
    public void copyIn(Path hostDir, String containerDir) {
        String dir = absolute(containerDir);
        int[] ids = ownerIds();
        // A new target directory gets an entry of its own (owner, mode); an existing one (e.g. /tmp) is left as is.
        boolean exists = dir.equals("/") || run(ExecRequest.of("test -d " + RunnerProtocol.quote(dir),
                ExecRequest.DEFAULT_TIMEOUT), 1 << 10).exitCode() == 0;
        try (InputStream tar = TarIO.streamDir(hostDir, dir.substring(1), !exists, ids[0], ids[1])) {
            docker.copyArchiveToContainerCmd(id).withRemotePath("/").withTarInputStream(tar)
                    .withCopyUIDGID(ids[0] != 0).exec();
        } catch (IOException | DockerException e) {
            requireRunning();
            throw new SandboxException(name + ": copying " + hostDir + " into " + dir + " failed", e);
        }
    }

    @Override
    public void copyOut(String containerDir, Path hostDir) {
        String dir = absolute(containerDir);
        checkOpen();
        try (InputStream tar = docker.copyArchiveFromContainerCmd(id, dir).exec()) {
            TarIO.extract(tar, hostDir);
        } catch (NotFoundException e) {
            throw new SandboxException(name + ": no such directory to copy out: " + dir, e);
        } catch (IOException | DockerException e) {
            throw new SandboxException(name + ": copying " + dir + " out to " + hostDir + " failed", e);
        }
    }

    @Override
    protected List<String> listFilesWithoutFind(String dir) {
        return listFilesByTar(dir);
    }

    private List<String> listFilesByTar(String dir) {
        try (InputStream tar = docker.copyArchiveFromContainerCmd(id, absolute(dir)).exec()) {
            return TarIO.listFiles(tar);
        } catch (IOException | DockerException e) {
            throw new SandboxException(name + ": cannot list " + dir, e);
        }
    }

    /** uid and gid that copied files get: the spec's user's, or root's. */
    private synchronized int[] ownerIds() {
        if (spec.user().isEmpty()) return new int[] {0, 0};
        if (ownerIds == null) {
            Outcome o = run(ExecRequest.of("id -u && id -g", Duration.ofSeconds(30)), 1 << 10);
            String[] f = text(o.stdout()).trim().split("\\s+");
            if (o.exitCode() != 0 || f.length != 2) {
                throw new SandboxException(name + ": cannot resolve uid/gid of user " + spec.user() + ": "
                        + text(o.stderr()));
            }
            ownerIds = new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])};
        }
        return ownerIds;
    }

    /** Throws a clear error if the container is gone (lifetime expired, removed, killed). */
    @Override
    protected void requireRunning() {
        checkOpen();
        try {
            Boolean running = docker.inspectContainerCmd(id).exec().getState().getRunning();
            if (!Boolean.TRUE.equals(running)) {
                throw new SandboxException(name + ": container is no longer running (lifetime " 
                        + spec.limits().lifetime() + " expired, or it was killed)");
            }
        } catch (NotFoundException e) {
            throw new SandboxException(name + ": container is gone (lifetime " + spec.limits().lifetime()
                    + " expired, or it was removed)", e);
        }
    }

    @Override
    protected void remove() {
        launcher.remove(id);
        LOG.debug("{}: removed", name);
    }

    @Override
    protected void onClosed() {
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "DockerSandbox[" + name + ", " + spec.image() + "]";
    }
}
