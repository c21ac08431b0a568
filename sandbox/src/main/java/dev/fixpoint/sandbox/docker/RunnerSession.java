package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.runner.MarkerStream;
import dev.fixpoint.sandbox.runner.PendingExec;
import dev.fixpoint.sandbox.runner.RunnerDiedException;
import dev.fixpoint.sandbox.runner.RunnerProtocol;
import dev.fixpoint.sandbox.runner.RunnerScript;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived {@code runner.sh} in a container, started with a plain Docker exec whose stdin, stdout and
 * stderr stay attached. Requests go in as bytes on stdin; the output flows back through the same attach
 * stream (Docker keeps stdout and stderr apart in its multiplexed frames) and is cut per request by
 * {@link MarkerStream}. One request at a time: the caller serializes.
 */
final class RunnerSession implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(RunnerSession.class);
    private static final String READY = RunnerScript.READY;
    private static final Duration QUIT_WAIT = Duration.ofMillis(500);

    private final String containerId;
    private final StdinPipe stdin = new StdinPipe();
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final StringBuilder startupOutput = new StringBuilder();
    private volatile PendingExec current;
    private volatile Throwable death;
    private volatile boolean closing;
    private Closeable stream;
    private String mode = "?";

    private RunnerSession(String containerId) {
        this.containerId = containerId;
    }

    /**
     * Starts a runner in a running container and waits until it is ready.
     *
     * @param forcedMode "jobctl", "setsid" or "none" to override the automatic choice (tests), or null
     */
    static RunnerSession start(DockerClient docker, String containerId, String forcedMode, Duration readyTimeout) {
        RunnerSession s = new RunnerSession(containerId);
        String execId = docker.execCreateCmd(containerId)
                .withCmd(RunnerScript.runnerCommand(forcedMode).toArray(new String[0]))
                .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true).withTty(false)
                .exec().getId();
        try {
            s.stdin.send(RunnerScript.SCRIPT);
        } catch (IOException e) {
            throw new IllegalStateException("fresh runner stdin is closed", e);
        }
        s.stream = docker.execStartCmd(execId).withDetach(false).withTty(false).withStdIn(s.stdin)
                .exec(s.new Callback());
        try {
            String line = s.ready.get(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
            s.mode = line.split(" ")[0];
            LOG.debug("{}: runner ready in mode {}", containerId, s.mode);
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.close();
            throw new SandboxException(containerId + ": interrupted while starting the command runner", e);
        } catch (ExecutionException | TimeoutException e) {
            s.close();
            throw new SandboxException(containerId + ": command runner did not start within " + readyTimeout
                    + "; output: " + s.startupOutput, e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    String mode() { return mode; }

    boolean alive() { return death == null && !closing; }

    /** Sends one request; output is routed to the returned {@link PendingExec} until its end markers. */
    PendingExec submit(String token, byte[] request, long cap) throws RunnerDiedException {
        PendingExec p = new PendingExec(token, cap);
        current = p;
        Throwable d = death;
        if (d != null || closing) throw new RunnerDiedException(containerId + ": command runner is gone", d);
        try {
            stdin.send(request);
        } catch (IOException e) {
            throw new RunnerDiedException(containerId + ": command runner's stdin is closed", e);
        }
        return p;
    }

    /** Asks the runner to exit and drops the stream (the runner also exits on EOF). */
    @Override
    public void close() {
        if (closing) return;
        closing = true;
        try {
            stdin.send(RunnerProtocol.quitRequest());
        } catch (IOException e) {
            LOG.debug("{}: runner stdin already closed", containerId, e);
        }
        stdin.close();
        // Let the runner exit and docker-java's stdin thread finish before the socket goes away.
        try {
            ended.get(QUIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("{}: runner did not quit within {}", containerId, QUIT_WAIT, e);
        }
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(containerId + ": closing the runner stream", e);
            }
        }
        PendingExec p = current;
        if (p != null) p.fail(new RunnerDiedException(containerId + ": command runner was closed", null));
    }

    private void died(Throwable cause) {
        ended.complete(null);
        if (death == null) death = cause != null ? cause : new IOException("runner stream ended");
        if (!closing) LOG.warn("{}: command runner exited or its stream broke: {}", containerId, death.toString());
        if (!ready.isDone()) ready.completeExceptionally(death);
        PendingExec p = current;
        if (p != null) p.fail(new RunnerDiedException(containerId + ": command runner exited during the command", death));
        stdin.close();
    }

    private final class Callback extends ResultCallback.Adapter<Frame> {
        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            if (payload == null || payload.length == 0) return;
            if (!ready.isDone()) {
                startupOutput.append(new String(payload, StandardCharsets.UTF_8));
                int at = startupOutput.indexOf(READY);
                int nl = at < 0 ? -1 : startupOutput.indexOf("\n", at);
                if (nl > 0 && frame.getStreamType() == StreamType.STDOUT) {
                    ready.complete(startupOutput.substring(at + READY.length(), nl));
                }
                return;
            }
            PendingExec p = current;
            if (p == null) return;
            if (frame.getStreamType() == StreamType.STDERR) {
                p.onStderr(payload);
            } else {
                p.onStdout(payload);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            died(throwable);
        }

        @Override
        public void onComplete() {
            died(null);
        }
    }
}
