package dev.fixpoint.kubernetes;

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
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pod with a long-lived command runner reached through the Kubernetes exec API. Execs are serialized (the
 * runner has one stdin); {@link #close()} may come from any thread and deletes the pod and its NetworkPolicy.
 * Holds no thread: output arrives on the client's shared event loop.
 */
final class KubernetesSandbox implements Sandbox {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesSandbox.class);
    private static final Duration RUNNER_READY = Duration.ofSeconds(30);
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);
    private static final Duration PLAIN_KILL_GRACE = Duration.ofSeconds(5);
    private static final long RAW_CAP = RunnerCommands.RAW_CAP;

    private final KubernetesClient client;
    private final PodLauncher launcher;
    private final String name;
    private final SandboxSpec spec;
    private final String forcedMode;
    private final Consumer<KubernetesSandbox> onClose;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile PodRunnerSession runner;

    KubernetesSandbox(KubernetesClient client, PodLauncher launcher, String name, SandboxSpec spec, String forcedMode,
                      Consumer<KubernetesSandbox> onClose) {
        this.client = client;
        this.launcher = launcher;
        this.name = name;
        this.spec = spec;
        this.forcedMode = forcedMode;
        this.onClose = onClose;
    }

    /** Starts the runner; on failure deletes the pod. */
    void startRunner() {
        try {
            runner = PodRunnerSession.start(client, launcher.namespace(), name, forcedMode, RUNNER_READY);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override public String id() { return name; }
    @Override public SandboxSpec spec() { return spec; }

    /** The runner's mode ("jobctl", "setsid" or "none"). */
    String runnerMode() { return runner == null ? "?" : runner.mode(); }

    @Override
    public ExecResult exec(ExecRequest request) {
        Outcome o = run(request, spec.limits().outputBytes());
        return new ExecResult(o.exitCode, text(o.stdout), text(o.stderr), o.duration, o.timedOut, o.truncated,
                o.oomKilled);
    }

    /** What a command did, with raw bytes (file reads need them). */
    private record Outcome(int exitCode, byte[] stdout, byte[] stderr, Duration duration, boolean timedOut,
                           boolean truncated, boolean oomKilled) {}

    private Outcome run(ExecRequest request, long cap) {
        lock.lock();
        try {
            checkOpen();
            String token = RunnerProtocol.newToken();
            byte[] frame = RunnerProtocol.execRequest(token, request.command(), request.stdin(), request.env(),
                    request.workdir());
            long t0 = System.nanoTime();
            PendingExec p = submit(token, frame, cap);
            boolean timedOut = false;
            String note = null;
            try {
                p.done.get(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                timedOut = true;
                killCommand(p, request.command());
            } catch (ExecutionException e) {
                checkOpen();
                LOG.warn("{}: command runner died during exec {}; it will be restarted", name, RunnerCommands.abbreviate(request.command()));
                killGroupPlain(p);
                note = "fixpoint: the command runner died during this command (it was restarted)\n";
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            err.writeBytes(p.stderr.bytes());
            if (note != null) err.writeBytes(note.getBytes(StandardCharsets.UTF_8));
            boolean ended = p.done.isDone() && !p.done.isCompletedExceptionally();
            int exit = timedOut || note != null || !ended ? -1 : p.stdout.exitCode();
            boolean oom = p.stdout.oomKills() > 0 || p.stderr.oomKills() > 0;
            return new Outcome(exit, p.stdout.bytes(), err.toByteArray(), took, timedOut,
                    p.stdout.truncated() || p.stderr.truncated(), oom);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException(name + ": interrupted during exec " + RunnerCommands.abbreviate(request.command()), e);
        } finally {
            lock.unlock();
        }
    }

    /** Sends the request to a live runner, restarting it once if it is gone (the command has not run yet). */
    private PendingExec submit(String token, byte[] frame, long cap) {
        for (int attempt = 0; ; attempt++) {
            PodRunnerSession r = liveRunner();
            try {
                return r.submit(token, frame, cap);
            } catch (RunnerDiedException e) {
                if (attempt > 0) throw new SandboxException(name + ": command runner keeps dying", e);
                r.close();
            }
        }
    }

    private PodRunnerSession liveRunner() {
        PodRunnerSession r = runner;
        if (r != null && r.alive()) return r;
        if (r != null) r.close();
        launcher.requireRunning(name, spec);
        LOG.warn("{}: restarting the command runner (the previous one exited)", name);
        runner = PodRunnerSession.start(client, launcher.namespace(), name, forcedMode, RUNNER_READY);
        return runner;
    }

    /**
     * Timeout: Kubernetes cannot signal a container's PID 1, so a plain exec sends SIGUSR1 to the keeper, which
     * kills the command's process group with a shell builtin; then a plain exec kill of the group; then the runner
     * is abandoned (the next exec starts a new one).
     */
    private void killCommand(PendingExec p, String command) throws InterruptedException {
        try {
            PlainPodExec.run(client, launcher.namespace(), name, List.of("kill", "-USR1", "1"), Duration.ofSeconds(30));
            if (RunnerCommands.await(p, KILL_GRACE)) return;
            LOG.warn("{}: keeper did not end timed-out command {}; trying a plain exec kill", name, command);
            killGroupPlain(p);
            if (RunnerCommands.await(p, PLAIN_KILL_GRACE)) return;
        } catch (SandboxException e) {
            launcher.requireRunning(name, spec);
            LOG.warn("{}: killing timed-out command {} failed: {}", name, command, e.toString());
        }
        LOG.warn("{}: timed-out command {} did not end; abandoning the runner", name, command);
        runner.close();
    }

    private void killGroupPlain(PendingExec p) {
        long pid = RunnerCommands.pid(p);
        if (pid <= 0) return;
        try {
            PlainPodExec.run(client, launcher.namespace(), name, RunnerCommands.killGroup(pid), Duration.ofSeconds(30));
        } catch (SandboxException e) {
            LOG.warn("{}: plain exec kill of process group {} failed: {}", name, pid, e.toString());
        }
    }

    @Override
    public byte[] readFile(String path) {
        Outcome o = run(ExecRequest.of(RunnerCommands.readFile(path), ExecRequest.DEFAULT_TIMEOUT), RAW_CAP);
        requireOk(o, "cannot read " + path);
        return o.stdout;
    }

    @Override
    public void writeFile(String path, byte[] content) {
        requireOk(run(ExecRequest.of(RunnerCommands.writeFile(path), ExecRequest.DEFAULT_TIMEOUT).withStdin(content), 1 << 16),
                "cannot write " + path);
    }

    /** Streams a tar of hostDir through the runner's stdin into {@code tar -x} (no second exec, no thread). */
    @Override
    public void copyIn(Path hostDir, String containerDir) {
        String dir = absolute(containerDir);
        boolean exists = dir.equals("/") || run(ExecRequest.of("test -d " + RunnerProtocol.quote(dir),
                ExecRequest.DEFAULT_TIMEOUT), 1 << 10).exitCode == 0;
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try {
            TarIO.writeDir(hostDir, dir.substring(1), !exists, 0, 0, tar);
        } catch (IOException e) {
            throw new SandboxException(name + ": packing " + hostDir + " for " + dir + " failed", e);
        }
        // As root, tar keeps the entries' owner (root); as the spec's user, files are that user's.
        requireOk(run(ExecRequest.of("tar -x -f - -C /", ExecRequest.DEFAULT_TIMEOUT)
                .withStdin(tar.toByteArray()), 1 << 16), "copying " + hostDir + " into " + dir + " failed");
    }

    @Override
    public void copyOut(String containerDir, Path hostDir) {
        String dir = absolute(containerDir);
        Outcome o = run(ExecRequest.of("tar -c -f - -C " + RunnerProtocol.quote(dir) + " .",
                ExecRequest.DEFAULT_TIMEOUT), RAW_CAP);
        requireOk(o, "no such directory to copy out, or it cannot be read: " + dir);
        try {
            TarIO.extract(new ByteArrayInputStream(o.stdout), hostDir);
        } catch (IOException e) {
            throw new SandboxException(name + ": copying " + dir + " out to " + hostDir + " failed", e);
        }
    }

    @Override
    public List<String> listFiles(String dir) {
        Outcome o = run(ExecRequest.of(RunnerCommands.listFiles(dir), ExecRequest.DEFAULT_TIMEOUT), RAW_CAP);
        requireOk(o, "cannot list " + dir);
        List<String> files = new ArrayList<>(RunnerCommands.parseFileList(o.stdout));
        files.sort(null);
        return files;
    }

    private void requireOk(Outcome o, String what) {
        if (o.exitCode != 0) {
            throw new SandboxException(name + ": " + what + " (exit " + o.exitCode + "): " + text(o.stderr).strip());
        }
        if (o.truncated) throw new SandboxException(name + ": " + what + ": output too large to hold in memory");
    }

    private String absolute(String dir) {
        return RunnerCommands.absolute(spec.workdir(), dir);
    }

    private void checkOpen() {
        if (closed.get()) throw new SandboxException(name + ": sandbox is closed");
    }

    /** Deletes the pod and its NetworkPolicy; idempotent, callable from any thread (a running exec then fails). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        boolean interrupted = Thread.interrupted();
        PodRunnerSession r = runner;
        try {
            if (r != null) r.close();
        } finally {
            try {
                launcher.delete(name);
            } finally {
                onClose.accept(this);
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "KubernetesSandbox[" + name + ", " + spec.image() + "]";
    }
}
