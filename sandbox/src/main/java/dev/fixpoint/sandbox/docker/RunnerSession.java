package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.fixpoint.sandbox.runner.MarkerStream;
import dev.fixpoint.sandbox.runner.RunnerLink;
import dev.fixpoint.sandbox.runner.RunnerScript;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * One long-lived {@code runner.sh} in a container, started with a plain Docker exec whose stdin, stdout and
 * stderr stay attached. Requests go in as bytes on stdin; the output flows back through the same attach
 * stream (Docker keeps stdout and stderr apart in its multiplexed frames) and is cut per request by
 * {@link MarkerStream}. One request at a time: the caller serializes.
 */
final class RunnerSession extends RunnerLink {

    private final StdinPipe stdin = new StdinPipe();
    private Closeable stream;

    private RunnerSession(String containerId) {
        super(containerId);
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
        s.awaitReady(readyTimeout);
        return s;
    }

    @Override
    protected void write(byte[] bytes) throws IOException {
        stdin.send(bytes);
    }

    @Override
    protected void endInput() {
        stdin.close();
    }

    @Override
    protected void closeStream() {
        if (stream == null) return;
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": closing the runner stream", e);
        }
    }

    private final class Callback extends ResultCallback.Adapter<Frame> {
        @Override
        public void onNext(Frame frame) {
            output(frame.getPayload(), frame.getStreamType() == StreamType.STDERR);
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
