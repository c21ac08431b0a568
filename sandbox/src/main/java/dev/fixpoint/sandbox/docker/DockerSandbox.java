package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.runner.PendingExec;
import dev.fixpoint.sandbox.runner.RunnerCommands;
import dev.fixpoint.sandbox.runner.RunnerDiedException;
import dev.fixpoint.sandbox.runner.RunnerProtocol;
import dev.fixpoint.sandbox.runner.TarIO;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Docker container with a long-lived command runner. Execs are serialized (one at a time per sandbox: the
 * runner has one stdin); callers on other threads wait their turn. {@link #close()} may come from any thread.
 */
final class DockerSandbox implements Sandbox {

    private static final Logger LOG = LoggerFactory.getLogger(DockerSandbox.class);
    private static final Duration RUNNER_READY = Duration.ofSeconds(20);
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);
    private static final Duration PLAIN_KILL_GRACE = Duration.ofSeconds(5);
    private static final long RAW_CAP = RunnerCommands.RAW_CAP;

    private final DockerClient docker;
    private final ContainerLauncher launcher;
    private final String id;
    private final String name;
    private final SandboxSpec spec;
    private final String forcedMode;
    private final Consumer<DockerSandbox> onClose;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final DiskWatch disk;
    private volatile RunnerSession runner;
    private int[] ownerIds;

    DockerSandbox(DockerClient docker, ContainerLauncher launcher, String id, SandboxSpec spec, String forcedMode,
                  Consumer<DockerSandbox> onClose) {
        this.docker = docker;
        this.launcher = launcher;
        this.id = id;
        this.name = ContainerLauncher.shortId(id);
        this.spec = spec;
        this.forcedMode = forcedMode;
        this.onClose = onClose;
        this.disk = new DiskWatch(docker, id, spec.limits().diskBytes(), DiskWatch.DEFAULT_INTERVAL);
    }

    /** Starts the runner; on failure removes the container. */
    void startRunner() {
        try {
            runner = RunnerSession.start(docker, id, forcedMode, RUNNER_READY);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override public String id() { return id; }
    @Override public SandboxSpec spec() { return spec; }

    /** The runner's mode ("jobctl", "setsid" or "none"), for tests and logs. */
    String runnerMode() { return runner == null ? "?" : runner.mode(); }

    @Override
    public ExecResult exec(ExecRequest request) {
        Outcome o = run(request, spec.limits().outputBytes());
        ExecResult r = new ExecResult(o.exitCode, text(o.stdout), text(o.stderr), o.duration, o.timedOut,
                o.truncated, o.oomKilled, o.diskFull);
        LOG.debug("{}: exec {} -> exit {} in {} ms{}{}", name, abbreviate(request.command()), r.exitCode(),
                o.duration.toMillis(), o.timedOut ? " (timed out)" : "", o.oomKilled ? " (OOM killed)" : "");
        return r;
    }

    /** What a command did, with raw bytes (file reads need them). */
    record Outcome(int exitCode, byte[] stdout, byte[] stderr, Duration duration, boolean timedOut,
                   boolean truncated, boolean oomKilled, boolean diskFull) {}

    Outcome run(ExecRequest request, long cap) {
        lock.lock();
        try {
            checkOpen();
            String token = RunnerProtocol.newToken();
            byte[] frame = RunnerProtocol.execRequest(token, request.command(), request.stdin(), request.env(),
                    request.workdir());
            long t0 = System.nanoTime();
            PendingExec p = submit(token, frame, cap);
            boolean timedOut = false;
            boolean runnerDied = false;
            String note = null;
            try {
                OptionalLong overDisk = awaitWithinDisk(p, request.timeout());
                boolean stopped = overDisk.isPresent();
                if (stopped) {
                    killCommand(p, request.command());
                } else {
                    overDisk = disk.overAfter(t0);
                }
                if (overDisk.isPresent()) note = disk.message(overDisk.getAsLong(), stopped);
            } catch (TimeoutException e) {
                timedOut = true;
                killCommand(p, request.command());
            } catch (ExecutionException e) {
                checkOpen();
                LOG.warn("{}: command runner died during exec {}; it will be restarted", name,
                        abbreviate(request.command()));
                killGroupPlain(p);
                runnerDied = true;
                note = "fixpoint: the command runner died during this command (it was restarted)\n";
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            byte[] err = p.stderr.bytes();
            if (note != null) err = concat(err, note.getBytes(StandardCharsets.UTF_8));
            boolean diskFull = note != null && !runnerDied;
            boolean ended = p.done.isDone() && !p.done.isCompletedExceptionally();
            int exit = timedOut || runnerDied || !ended ? -1 : p.stdout.exitCode();
            boolean oom = p.stdout.oomKills() > 0 || p.stderr.oomKills() > 0;
            return new Outcome(exit, p.stdout.bytes(), err, took, timedOut,
                    p.stdout.truncated() || p.stderr.truncated(), oom, diskFull);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException(name + ": interrupted during exec " + abbreviate(request.command()), e);
        } finally {
            lock.unlock();
        }
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

    /** Sends the request to a live runner, restarting it once if it is gone (the command has not run yet). */
    private PendingExec submit(String token, byte[] frame, long cap) {
        for (int attempt = 0; ; attempt++) {
            RunnerSession r = liveRunner();
            try {
                return r.submit(token, frame, cap);
            } catch (RunnerDiedException e) {
                if (attempt > 0) throw new SandboxException(name + ": command runner keeps dying", e);
                r.close();
            }
        }
    }

    private RunnerSession liveRunner() {
        RunnerSession r = runner;
        if (r != null && r.alive()) return r;
        if (r != null) r.close();
        requireRunning();
        LOG.warn("{}: restarting the command runner (the previous one exited)", name);
        runner = RunnerSession.start(docker, id, forcedMode, RUNNER_READY);
        LOG.info("{}: command runner restarted (mode {})", name, runner.mode());
        return runner;
    }

    /**
     * Timeout: SIGUSR1 to the keeper (PID 1) kills the command's process group with a shell builtin, so it
     * works even when the pids limit is exhausted; then a plain exec kill; then the runner is abandoned.
     */
    private void killCommand(PendingExec p, String command) throws InterruptedException {
        LOG.debug("{}: exec {} timed out; killing its process group", name, abbreviate(command));
        try {
            docker.killContainerCmd(id).withSignal("USR1").exec();
            if (RunnerCommands.await(p, KILL_GRACE)) return;
            LOG.warn("{}: keeper did not end timed-out command {}; trying a plain exec kill", name, abbreviate(command));
            killGroupPlain(p);
            if (RunnerCommands.await(p, PLAIN_KILL_GRACE)) return;
        } catch (DockerException e) {
            requireRunning();
            LOG.warn("{}: killing timed-out command {} failed: {}", name, abbreviate(command), e.toString());
        }
        LOG.warn("{}: timed-out command {} did not end; abandoning the runner", name, abbreviate(command));
        runner.close();
    }

    private void killGroupPlain(PendingExec p) {
        long pid = RunnerCommands.pid(p);
        if (pid <= 0) return;
        try {
            PlainExec.run(docker, id, RunnerCommands.killGroup(pid), Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            LOG.warn("{}: plain exec kill of process group {} failed: {}", name, pid, e.toString());
        }
    }

    @Override
    public byte[] readFile(String path) {
        Outcome o = run(ExecRequest.of(RunnerCommands.readFile(path), ExecRequest.DEFAULT_TIMEOUT), RAW_CAP);
        if (o.exitCode != 0) {
            throw new SandboxException(name + ": cannot read " + path + " (exit " + o.exitCode + "): "
                    + text(o.stderr).strip());
        }
        if (o.truncated) throw new SandboxException(name + ": file too large to read into memory: " + path);
        return o.stdout;
    }

    @Override
    public void writeFile(String path, byte[] content) {
        Outcome o = run(ExecRequest.of(RunnerCommands.writeFile(path), ExecRequest.DEFAULT_TIMEOUT).withStdin(content), 1 << 16);
        if (o.exitCode != 0) {
            throw new SandboxException(name + ": cannot write " + path + " (exit " + o.exitCode + "): "
                    + text(o.stderr).strip());
        }
    }

    @Override
    public void copyIn(Path hostDir, String containerDir) {
        String dir = absolute(containerDir);
        int[] ids = ownerIds();
        // A new target directory gets an entry of its own (owner, mode); an existing one (e.g. /tmp) is left as is.
        boolean exists = dir.equals("/") || run(ExecRequest.of("test -d " + RunnerProtocol.quote(dir),
                ExecRequest.DEFAULT_TIMEOUT), 1 << 10).exitCode == 0;
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
    public List<String> listFiles(String dir) {
        Outcome o = run(ExecRequest.of(RunnerCommands.listFiles(dir), ExecRequest.DEFAULT_TIMEOUT), RAW_CAP);
        List<String> files = new ArrayList<>();
        if (o.exitCode == 127) {
            files.addAll(listFilesByTar(dir));
        } else if (o.exitCode != 0) {
            throw new SandboxException(name + ": cannot list " + dir + " (exit " + o.exitCode + "): "
                    + text(o.stderr).strip());
        } else {
            files.addAll(RunnerCommands.parseFileList(o.stdout));
        }
        files.sort(null);
        return files;
    }

    private List<String> listFilesByTar(String dir) {
        try (InputStream tar = docker.copyArchiveFromContainerCmd(id, absolute(dir)).exec()) {
            return TarIO.listFiles(tar);
        } catch (IOException | DockerException e) {
            throw new SandboxException(name + ": cannot list " + dir, e);
        }
    }

    /** uid and gid that copied files get: the spec's user's, or root's. */
    private int[] ownerIds() {
        if (spec.user().isEmpty()) return new int[] {0, 0};
        lock.lock();
        try {
            if (ownerIds == null) {
                Outcome o = run(ExecRequest.of("id -u && id -g", Duration.ofSeconds(30)), 1 << 10);
                String[] f = text(o.stdout).trim().split("\\s+");
                if (o.exitCode != 0 || f.length != 2) {
                    throw new SandboxException(name + ": cannot resolve uid/gid of user " + spec.user() + ": "
                            + text(o.stderr));
                }
                ownerIds = new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])};
            }
            return ownerIds;
        } finally {
            lock.unlock();
        }
    }

    private String absolute(String dir) {
        return RunnerCommands.absolute(spec.workdir(), dir);
    }

    private void checkOpen() {
        if (closed.get()) throw new SandboxException(name + ": sandbox is closed");
    }

    /** Throws a clear error if the container is gone (lifetime expired, removed, killed). */
    private void requireRunning() {
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

    /** Removes the container; idempotent, callable from any thread (a running exec then fails). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        // A sandbox closed by an interrupted thread (a cancelled session) must still be removed: the Docker calls
        // would fail on the interrupt flag, so it is cleared while closing and set again afterwards.
        boolean interrupted = Thread.interrupted();
        RunnerSession r = runner;
        try {
            if (r != null) r.close();
        } finally {
            try {
                launcher.remove(id);
                LOG.debug("{}: removed", name);
            } finally {
                onClose.accept(this);
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
    }

    boolean isClosed() { return closed.get(); }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static String abbreviate(String command) {
        return RunnerCommands.abbreviate(command);
    }

    @Override
    public String toString() {
        return "DockerSandbox[" + name + ", " + spec.image() + "]";
    }
}
