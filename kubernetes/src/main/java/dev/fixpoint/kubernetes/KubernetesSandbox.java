package dev.fixpoint.kubernetes;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.runner.RunnerCommands;
import dev.fixpoint.sandbox.runner.RunnerLink;
import dev.fixpoint.sandbox.runner.RunnerProtocol;
import dev.fixpoint.sandbox.runner.RunnerSandbox;
import dev.fixpoint.sandbox.runner.TarIO;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A pod with a long-lived command runner ({@link RunnerSandbox}) reached through the Kubernetes exec API: one
 * websocket per sandbox, no thread of its own. Kubernetes cannot signal a container's PID 1, so a timeout signals the
 * keeper with a one-off exec; copies are tar streams through the runner. Closing deletes the pod and its policy.
 */
final class KubernetesSandbox extends RunnerSandbox {

    private static final Duration RUNNER_READY = Duration.ofSeconds(30);
    private static final Duration PLAIN_EXEC = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final PodLauncher launcher;
    private final String forcedMode;
    private final Consumer<KubernetesSandbox> onClose;

    KubernetesSandbox(KubernetesClient client, PodLauncher launcher, String name, SandboxSpec spec, String forcedMode,
                      Consumer<KubernetesSandbox> onClose) {
        super(name, spec);
        this.client = client;
        this.launcher = launcher;
        this.forcedMode = forcedMode;
        this.onClose = onClose;
    }

    @Override public String id() { return name; }

    @Override
    protected RunnerLink startLink() {
        return PodRunnerSession.start(client, launcher.namespace(), name, forcedMode, RUNNER_READY);
    }

    @Override
    protected void requireRunning() {
        checkOpen();
        launcher.requireRunning(name, spec);
    }

    @Override
    protected void signalKeeper() {
        plainExec(List.of("kill", "-USR1", "1"));
    }

    @Override
    protected void plainExec(List<String> command) {
        PlainPodExec.run(client, launcher.namespace(), name, command, PLAIN_EXEC);
    }

    /** Streams a tar of hostDir through the runner's stdin into {@code tar -x} (no second exec, no thread). */
    @Override
    public void copyIn(Path hostDir, String containerDir) {
        String dir = absolute(containerDir);
        boolean exists = dir.equals("/") || run(ExecRequest.of("test -d " + RunnerProtocol.quote(dir),
                ExecRequest.DEFAULT_TIMEOUT), 1 << 10).exitCode() == 0;
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try {
            TarIO.writeDir(hostDir, dir.substring(1), !exists, 0, 0, tar);
        } catch (IOException e) {
            throw new SandboxException(name + ": packing " + hostDir + " for " + dir + " failed", e);
        }
        // As root, tar keeps the entries' owner (root); as the spec's user, files are that user's.
        requireOk(run(ExecRequest.of("tar -x -f - -C /", ExecRequest.DEFAULT_TIMEOUT).withStdin(tar.toByteArray()),
                1 << 16), "copying " + hostDir + " into " + dir + " failed");
    }

    @Override
    public void copyOut(String containerDir, Path hostDir) {
        String dir = absolute(containerDir);
        Outcome o = run(ExecRequest.of("tar -c -f - -C " + RunnerProtocol.quote(dir) + " .",
                ExecRequest.DEFAULT_TIMEOUT), RunnerCommands.RAW_CAP);
        requireOk(o, "no such directory to copy out, or it cannot be read: " + dir);
        try {
            TarIO.extract(new ByteArrayInputStream(o.stdout()), hostDir);
        } catch (IOException e) {
            throw new SandboxException(name + ": copying " + dir + " out to " + hostDir + " failed", e);
        }
    }

    private void requireOk(Outcome o, String what) {
        if (o.exitCode() != 0) {
            throw new SandboxException(name + ": " + what + " (exit " + o.exitCode() + "): " + text(o.stderr()).strip());
        }
        if (o.truncated()) throw new SandboxException(name + ": " + what + ": output too large to hold in memory");
    }

    @Override
    protected void remove() {
        launcher.delete(name);
    }

    @Override
    protected void onClosed() {
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "KubernetesSandbox[" + name + ", " + spec.image() + "]";
    }
}
