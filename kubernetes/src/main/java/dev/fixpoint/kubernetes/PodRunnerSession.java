package dev.fixpoint.kubernetes;

import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.runner.PendingExec;
import dev.fixpoint.sandbox.runner.RunnerDiedException;
import dev.fixpoint.sandbox.runner.RunnerProtocol;
import dev.fixpoint.sandbox.runner.RunnerScript;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecListener;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived {@code runner.sh} in a pod, started with a Kubernetes exec whose stdin, stdout and stderr stay
 * attached (one websocket, channels keep stdout and stderr apart). Requests go in on stdin; output is cut per
 * request by the runner's markers, as with Docker. No thread of its own: the client's event loop and shared
 * executor deliver the output, and writes to stdin go straight to the websocket. One request at a time.
 */
final class PodRunnerSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PodRunnerSession.class);
    private static final Duration QUIT_WAIT = Duration.ofMillis(500);
    /** Startup output kept while looking for the ready line (a broken image may print a lot). */
    private static final int STARTUP_CAP = 8 << 10;
    /** Largest stdin message: below the 64 KiB frame limit common in websocket servers (Vert.x, proxies). */
    private static final int MESSAGE = 16 << 10;

    private final String pod;
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final ByteArrayOutputStream startupOutput = new ByteArrayOutputStream();
    private volatile PendingExec current;
    private volatile Throwable death;
    private volatile boolean closing;
    private ExecWatch watch;
    private String mode = "?";

    private PodRunnerSession(String pod) {
        this.pod = pod;
    }

    static PodRunnerSession start(KubernetesClient client, String namespace, String pod, String forcedMode,
                                  Duration readyTimeout) {
        PodRunnerSession s = new PodRunnerSession(pod);
        try {
            s.watch = client.pods().inNamespace(namespace).withName(pod).inContainer(PodManifests.CONTAINER)
                    .redirectingInput()
                    .writingOutput(s.new Sink(false))
                    .writingError(s.new Sink(true))
                    .usingListener(s.new Listener())
                    .exec(RunnerScript.runnerCommand(forcedMode).toArray(new String[0]));
            s.send(RunnerScript.SCRIPT);
            String line = s.ready.get(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
            s.mode = line.split(" ")[0];
            LOG.debug("{}: runner ready in mode {}", pod, s.mode);
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.close();
            throw new SandboxException(pod + ": interrupted while starting the command runner", e);
        } catch (IOException | ExecutionException | TimeoutException | KubernetesClientException e) {
            s.close();
            throw new SandboxException(pod + ": command runner did not start within " + readyTimeout + "; output: "
                    + s.startupText(), e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    String mode() { return mode; }

    boolean alive() { return death == null && !closing; }

    /** Sends one request; output is routed to the returned {@link PendingExec} until its end markers. */
    PendingExec submit(String token, byte[] request, long cap) throws RunnerDiedException {
        PendingExec p = new PendingExec(token, cap);
        current = p;
        Throwable d = death;
        if (d != null || closing) throw new RunnerDiedException(pod + ": command runner is gone", d);
        try {
            send(request);
        } catch (IOException | KubernetesClientException e) {
            throw new RunnerDiedException(pod + ": command runner's stdin is closed", e);
        }
        return p;
    }

    /** Writes in websocket messages of at most {@link #MESSAGE} bytes (servers bound a message's size). */
    private void send(byte[] bytes) throws IOException {
        OutputStream in = watch.getInput();
        synchronized (this) {
            for (int off = 0; off < bytes.length; off += MESSAGE) {
                in.write(bytes, off, Math.min(MESSAGE, bytes.length - off));
                in.flush();
            }
        }
    }

    /** Asks the runner to exit and closes the websocket. */
    @Override
    public void close() {
        if (closing) return;
        closing = true;
        if (watch != null) {
            try {
                send(RunnerProtocol.quitRequest());
                ended.get(QUIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException | KubernetesClientException | ExecutionException | TimeoutException e) {
                LOG.debug("{}: runner did not quit cleanly within {}", pod, QUIT_WAIT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            watch.close();
        }
        PendingExec p = current;
        if (p != null) p.fail(new RunnerDiedException(pod + ": command runner was closed", null));
    }

    private void died(Throwable cause) {
        ended.complete(null);
        if (death == null) death = cause != null ? cause : new IOException("runner stream ended");
        if (!closing) LOG.warn("{}: command runner exited or its stream broke: {}", pod, death.toString());
        if (!ready.isDone()) ready.completeExceptionally(death);
        PendingExec p = current;
        if (p != null) p.fail(new RunnerDiedException(pod + ": command runner exited during the command", death));
    }

    private synchronized String startupText() {
        return startupOutput.toString(StandardCharsets.UTF_8);
    }

    private synchronized void startup(byte[] b, int off, int len, boolean stderr) {
        if (startupOutput.size() + len <= STARTUP_CAP) startupOutput.write(b, off, len);
        if (stderr) return;
        String text = startupOutput.toString(StandardCharsets.UTF_8);
        int at = text.indexOf(RunnerScript.READY);
        int nl = at < 0 ? -1 : text.indexOf('\n', at);
        if (nl > 0) ready.complete(text.substring(at + RunnerScript.READY.length(), nl));
    }

    /** stdout or stderr of the runner, fed by the client (one serial executor per exec). */
    private final class Sink extends OutputStream {
        private final boolean stderr;

        Sink(boolean stderr) {
            this.stderr = stderr;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len == 0) return;
            if (!ready.isDone()) {
                startup(b, off, len, stderr);
                return;
            }
            PendingExec p = current;
            if (p == null) return;
            byte[] payload = off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len);
            if (stderr) {
                p.onStderr(payload);
            } else {
                p.onStdout(payload);
            }
        }
    }

    private final class Listener implements ExecListener {
        @Override
        public void onFailure(Throwable t, Response failureResponse) {
            died(t);
        }

        @Override
        public void onClose(int code, String reason) {
            died(null);
        }
    }
}
