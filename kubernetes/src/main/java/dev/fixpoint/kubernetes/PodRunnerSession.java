package dev.fixpoint.kubernetes;

import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.runner.RunnerLink;
import dev.fixpoint.sandbox.runner.RunnerScript;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecListener;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * One long-lived {@code runner.sh} in a pod, started with a Kubernetes exec whose stdin, stdout and stderr stay
 * attached (one websocket; its channels keep stdout and stderr apart). Requests go in on stdin; output is cut per
 * request by the runner's markers, as with Docker. No thread of its own: the client's event loop and shared
 * executor deliver the output, and writes to stdin go straight to the websocket. One request at a time.
 */
final class PodRunnerSession extends RunnerLink {

    /** Largest stdin message: below the 64 KiB frame limit common in websocket servers (Vert.x, proxies). */
    private static final int MESSAGE = 16 << 10;

    private ExecWatch watch;

    private PodRunnerSession(String pod) {
        super(pod);
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
            s.write(RunnerScript.SCRIPT);
        } catch (IOException | KubernetesClientException e) {
            s.close();
            throw new SandboxException(pod + ": cannot start the command runner through the exec API", e);
        }
        s.awaitReady(readyTimeout);
        return s;
    }

    /** Writes in websocket messages of at most {@link #MESSAGE} bytes (servers bound a message's size). */
    @Override
    protected synchronized void write(byte[] bytes) throws IOException {
        if (watch == null) throw new IOException(name + ": no exec stream");
        OutputStream in = watch.getInput();
        try {
            for (int off = 0; off < bytes.length; off += MESSAGE) {
                in.write(bytes, off, Math.min(MESSAGE, bytes.length - off));
                in.flush();
            }
        } catch (KubernetesClientException e) {
            throw new IOException(name + ": exec stream refused input", e);
        }
    }

    @Override
    protected void closeStream() {
        if (watch != null) watch.close();
    }

    /** stdout or stderr of the runner, fed by the client (one serial executor per exec). */
    private final class Sink extends OutputStream {
        private final boolean stderr;

        Sink(boolean stderr) {
            this.stderr = stderr;
        }

        @Override
        public void write(int b) {
            output(new byte[] {(byte) b}, stderr);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            output(off == 0 && len == b.length ? b : Arrays.copyOfRange(b, off, off + len), stderr);
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
