package dev.fixpoint.sandbox.runner;

import dev.fixpoint.sandbox.SandboxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived {@code runner.sh} seen from Java, whatever carries its streams (a Docker attach stream, a Kubernetes
 * exec websocket): waits for its ready line, sends requests, routes each output chunk to the request in flight until
 * its end markers, and notices when the runner dies. One request at a time: the caller serializes. A subclass writes
 * to the runner's stdin, feeds {@link #output} and calls {@link #died} when the stream ends.
 */
public abstract class RunnerLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunnerLink.class);
    private static final Duration QUIT_WAIT = Duration.ofMillis(500);

    /** Container or pod, for messages. */
    protected final String name;
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final StringBuilder startupOutput = new StringBuilder();
    private volatile PendingExec current;
    private volatile Throwable death;
    private volatile boolean closing;
    private String mode = "?";

    protected RunnerLink(String name) {
        this.name = name;
    }

    /** Writes bytes to the runner's stdin. */
    protected abstract void write(byte[] bytes) throws IOException;

    /** Ends the runner's stdin, if the transport can (the runner exits on EOF); called on close and on death. */
    protected void endInput() {}

    /** Drops the stream; called once on close, after the runner had a moment to quit. */
    protected abstract void closeStream();

    /**
     * Waits until the runner says it is ready (send {@link RunnerScript#SCRIPT} first); on failure closes this link.
     *
     * @throws SandboxException with the runner's startup output when it does not start in time
     */
    protected final void awaitReady(Duration timeout) {
        try {
            String line = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            mode = line.split(" ")[0];
            LOG.debug("{}: runner ready in mode {}", name, mode);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new SandboxException(name + ": interrupted while starting the command runner", e);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new SandboxException(name + ": command runner did not start within " + timeout + "; output: "
                    + startupText(), e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    /** The runner's process-group mode: "jobctl", "setsid" or "none". */
    public final String mode() { return mode; }

    public final boolean alive() { return death == null && !closing; }

    /** Sends one request; output is routed to the returned {@link PendingExec} until its end markers. */
    public final PendingExec submit(String token, byte[] request, long cap) throws RunnerDiedException {
        PendingExec p = new PendingExec(token, cap);
        current = p;
        Throwable d = death;
        if (d != null || closing) throw new RunnerDiedException(name + ": command runner is gone", d);
        try {
            write(request);
        } catch (IOException e) {
            throw new RunnerDiedException(name + ": command runner's stdin is closed", e);
        }
        return p;
    }

    /** A chunk of the runner's stdout or stderr, in the order the stream delivered it. */
    protected final void output(byte[] payload, boolean stderr) {
        if (payload == null || payload.length == 0) return;
        if (!ready.isDone()) {
            startup(payload, stderr);
            return;
        }
        PendingExec p = current;
        if (p == null) return;
        if (stderr) {
            p.onStderr(payload);
        } else {
            p.onStdout(payload);
        }
    }

    private synchronized void startup(byte[] payload, boolean stderr) {
        startupOutput.append(new String(payload, StandardCharsets.UTF_8));
        int at = startupOutput.indexOf(RunnerScript.READY);
        int nl = at < 0 ? -1 : startupOutput.indexOf("\n", at);
        if (nl > 0 && !stderr) ready.complete(startupOutput.substring(at + RunnerScript.READY.length(), nl));
    }

    private synchronized String startupText() {
        return startupOutput.toString();
    }

    /** The stream ended ({@code cause} null) or broke: the request in flight fails, later ones are refused. */
    protected final void died(Throwable cause) {
        ended.complete(null);
        if (death == null) death = cause != null ? cause : new IOException("runner stream ended");
        if (!closing) LOG.warn("{}: command runner exited or its stream broke: {}", name, death.toString());
        if (!ready.isDone()) ready.completeExceptionally(death);
        PendingExec p = current;
        if (p != null) p.fail(new RunnerDiedException(name + ": command runner exited during the command", death));
        endInput();
    }

    /** Asks the runner to exit, lets it go, and drops the stream. Idempotent. */
    @Override
    public final void close() {
        if (closing) return;
        closing = true;
        try {
            write(RunnerProtocol.quitRequest());
        } catch (IOException e) {
            LOG.debug("{}: runner stdin already closed", name, e);
        }
        endInput();
        // Let the runner exit (and a transport's stdin thread finish) before the stream goes away.
        try {
            ended.get(QUIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("{}: runner did not quit within {}", name, QUIT_WAIT, e);
        }
        try {
            closeStream();
        } finally {
            PendingExec p = current;
            if (p != null) p.fail(new RunnerDiedException(name + ": command runner was closed", null));
        }
    }
}
