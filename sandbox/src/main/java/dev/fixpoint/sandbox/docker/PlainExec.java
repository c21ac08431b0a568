package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.fixpoint.sandbox.SandboxException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A one-off Docker exec (~100 ms): used where the runner cannot help (killing a stuck command) and as the
 * baseline in the benchmark.
 */
final class PlainExec {

    /** Output and exit code of a plain exec. */
    record Result(int exitCode, String stdout, String stderr) {}

    private PlainExec() {}

    static Result run(DockerClient docker, String containerId, List<String> command, Duration timeout) {
        String execId = docker.execCreateCmd(containerId).withCmd(command.toArray(new String[0]))
                .withAttachStdout(true).withAttachStderr(true).withTty(false).exec().getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ResultCallback.Adapter<Frame> cb = docker.execStartCmd(execId).withDetach(false).withTty(false)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame f) {
                        (f.getStreamType() == StreamType.STDERR ? err : out).writeBytes(f.getPayload());
                    }
                })) {
            if (!cb.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SandboxException(ContainerLauncher.shortId(containerId) + ": plain exec " + command
                        + " did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException(ContainerLauncher.shortId(containerId) + ": interrupted during " + command, e);
        } catch (java.io.IOException e) {
            throw new SandboxException(ContainerLauncher.shortId(containerId) + ": closing exec stream", e);
        }
        Long exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        return new Result(exit == null ? -1 : exit.intValue(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }
}
