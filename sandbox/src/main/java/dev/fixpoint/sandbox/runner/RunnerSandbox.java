package dev.fixpoint.sandbox.runner;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sandbox whose commands go through a long-lived runner ({@link RunnerLink}), whatever runs it: execs are
 * serialized (the runner has one stdin), a timeout kills the command's process group through the keeper (then a
 * plain kill, then the runner is abandoned), a dead runner is restarted once, files are read, written and listed
 * through the runner. {@link #close()} may come from any thread. A provider supplies the transport and the removal.
 */
public abstract class RunnerSandbox implements Sandbox {

    private static final Logger LOG = LoggerFactory.getLogger(RunnerSandbox.class);
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);
    private static final Duration PLAIN_KILL_GRACE = Duration.ofSeconds(5);

    /** Short name for messages (short container id, pod name). */
    protected final String name;
    protected final SandboxSpec spec;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile RunnerLink runner;

    protected RunnerSandbox(String name, SandboxSpec spec) {
        this.name = name;
        this.spec = spec;
    }

    /** Starts a new runner in the running sandbox, ready for requests. */
    protected abstract RunnerLink startLink();

    /** Throws a {@link SandboxException} saying why when the sandbox no longer runs (lifetime, removal). */
    protected abstract void requireRunning();

    /** Sends SIGUSR1 to the keeper (PID 1): it kills the running command's process group. */
    protected abstract void signalKeeper();

    /** Runs a one-off command beside the runner (not through it), e.g. a kill. */
    protected abstract void plainExec(List<String> command);

    /** Removes the container or pod; a missing one is fine. */
    protected abstract void remove();

    /** Called once after {@link #remove()} on close, even if it failed. */
    protected void onClosed() {}

    /**
     * Waits for the command within {@code request}'s timeout. A provider watching more bounds (disk) may stop the
     * command early ({@link #killCommand}) and returns a note for its stderr; the default waits and returns null.
     *
     * @throws TimeoutException when the timeout expires
     * @throws ExecutionException when the runner died during the command
     */
    protected String awaitCommand(PendingExec p, ExecRequest request, long startNanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        p.done.get(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
        return null;
    }

    /** Starts the first runner; on failure removes the sandbox. */
    public final void startRunner() {
        try {
            runner = startLink();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override public SandboxSpec spec() { return spec; }

    /** The runner's mode ("jobctl", "setsid" or "none"), for tests and logs. */
    public final String runnerMode() {
        RunnerLink r = runner;
        return r == null ? "?" : r.mode();
    }

    @Override
    public ExecResult exec(ExecRequest request) {
        Outcome o = run(request, spec.limits().outputBytes());
        ExecResult r = new ExecResult(o.exitCode, text(o.stdout), text(o.stderr), o.duration, o.timedOut,
                o.truncated, o.oomKilled, o.diskFull);
        LOG.debug("{}: exec {} -> exit {} in {} ms{}{}", name, RunnerCommands.abbreviate(request.command()),
                r.exitCode(), o.duration.toMillis(), o.timedOut ? " (timed out)" : "",
                o.oomKilled ? " (OOM killed)" : "");
        return r;
    }

    /** What a command did, with raw bytes (file reads need them). */
    protected record Outcome(int exitCode, byte[] stdout, byte[] stderr, Duration duration, boolean timedOut,
                             boolean truncated, boolean oomKilled, boolean diskFull) {}

    /** Runs a command keeping at most {@code cap} bytes of each stream. */
    protected final Outcome run(ExecRequest request, long cap) {
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
                note = awaitCommand(p, request, t0);
            } catch (TimeoutException e) {
                timedOut = true;
                killCommand(p, request.command());
            } catch (ExecutionException e) {
                checkOpen();
                LOG.warn("{}: command runner died during exec {}; it will be restarted", name,
                        RunnerCommands.abbreviate(request.command()));
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
            throw new SandboxException(name + ": interrupted during exec " + RunnerCommands.abbreviate(request.command()),
                    e);
        } finally {
            lock.unlock();
        }
    }

    /** Sends the request to a live runner, restarting it once if it is gone (the command has not run yet). */
    private PendingExec submit(String token, byte[] frame, long cap) {
        for (int attempt = 0; ; attempt++) {
            RunnerLink r = liveRunner();
            try {
                return r.submit(token, frame, cap);
            } catch (RunnerDiedException e) {
                if (attempt > 0) throw new SandboxException(name + ": command runner keeps dying", e);
                r.close();
            }
        }
    }

    private RunnerLink liveRunner() {
        RunnerLink r = runner;
        if (r != null && r.alive()) return r;
        if (r != null) r.close();
        requireRunning();
        LOG.warn("{}: restarting the command runner (the previous one exited)", name);
        runner = startLink();
        LOG.info("{}: command runner restarted (mode {})", name, runner.mode());
        return runner;
    }

    /**
     * Stops a running command: SIGUSR1 to the keeper kills its process group with a shell builtin (works even when
     * the pids limit is exhausted); then a plain exec kill; then the runner is abandoned.
     */
    protected final void killCommand(PendingExec p, String command) throws InterruptedException {
        String c = RunnerCommands.abbreviate(command);
        LOG.debug("{}: exec {} timed out; killing its process group", name, c);
        try {
            signalKeeper();
            if (RunnerCommands.await(p, KILL_GRACE)) return;
            LOG.warn("{}: keeper did not end timed-out command {}; trying a plain exec kill", name, c);
            killGroupPlain(p);
            if (RunnerCommands.await(p, PLAIN_KILL_GRACE)) return;
        } catch (RuntimeException e) {
            requireRunning();
            LOG.warn("{}: killing timed-out command {} failed: {}", name, c, e.toString());
        }
        LOG.warn("{}: timed-out command {} did not end; abandoning the runner", name, c);
        runner.close();
    }

    private void killGroupPlain(PendingExec p) {
        long pid = RunnerCommands.pid(p);
        if (pid <= 0) return;
        try {
            plainExec(RunnerCommands.killGroup(pid));
        } catch (RuntimeException e) {
            LOG.warn("{}: plain exec kill of process group {} failed: {}", name, pid, e.toString());
        }
    }

    @Override
    public byte[] readFile(String path) {
        Outcome o = run(ExecRequest.of(RunnerCommands.readFile(path), ExecRequest.DEFAULT_TIMEOUT),
                RunnerCommands.RAW_CAP);
        if (o.exitCode != 0) {
            throw new SandboxException(name + ": cannot read " + path + " (exit " + o.exitCode + "): "
                    + text(o.stderr).strip());
        }
        if (o.truncated) throw new SandboxException(name + ": file too large to read into memory: " + path);
        return o.stdout;
    }

    @Override
    public void writeFile(String path, byte[] content) {
        Outcome o = run(ExecRequest.of(RunnerCommands.writeFile(path), ExecRequest.DEFAULT_TIMEOUT).withStdin(content),
                1 << 16);
        if (o.exitCode != 0) {
            throw new SandboxException(name + ": cannot write " + path + " (exit " + o.exitCode + "): "
                    + text(o.stderr).strip());
        }
    }

    @Override
    public List<String> listFiles(String dir) {
        Outcome o = run(ExecRequest.of(RunnerCommands.listFiles(dir), ExecRequest.DEFAULT_TIMEOUT),
                RunnerCommands.RAW_CAP);
        List<String> files = new ArrayList<>();
        if (o.exitCode == 127) {
            files.addAll(listFilesWithoutFind(dir));
        } else if (o.exitCode != 0) {
            throw new SandboxException(name + ": cannot list " + dir + " (exit " + o.exitCode + "): "
                    + text(o.stderr).strip());
        } else {
            files.addAll(RunnerCommands.parseFileList(o.stdout));
        }
        files.sort(null);
        return files;
    }

    /** Lists {@code dir} when the image has no {@code find}. */
    protected List<String> listFilesWithoutFind(String dir) {
        throw new SandboxException(name + ": cannot list " + dir + ": the image has no find");
    }

    /** {@code dir} made absolute against the workdir. */
    protected final String absolute(String dir) {
        return RunnerCommands.absolute(spec.workdir(), dir);
    }

    protected final void checkOpen() {
        if (closed.get()) throw new SandboxException(name + ": sandbox is closed");
    }

    /** Stops the runner and removes the sandbox; idempotent, callable from any thread (a running exec then fails). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        // A sandbox closed by an interrupted thread (a cancelled session) must still be removed: the client calls
        // would fail on the interrupt flag, so it is cleared while closing and set again afterwards.
        boolean interrupted = Thread.interrupted();
        RunnerLink r = runner;
        try {
            if (r != null) r.close();
        } finally {
            try {
                remove();
            } finally {
                onClosed();
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
    }

    public final boolean isClosed() { return closed.get(); }

    protected static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
