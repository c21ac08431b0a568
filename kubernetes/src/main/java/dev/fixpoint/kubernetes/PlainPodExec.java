package dev.fixpoint.kubernetes;

import dev.fixpoint.sandbox.SandboxException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A one-off exec in a pod, without stdin: used where the runner cannot help (killing a stuck command). */
final class PlainPodExec {

    /** Output and exit code of a plain exec. */
    record Result(int exitCode, String stdout, String stderr) {}

    private PlainPodExec() {}

    static Result run(KubernetesClient client, String namespace, String pod, List<String> command, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExecWatch w = client.pods().inNamespace(namespace).withName(pod).inContainer(PodManifests.CONTAINER)
                .writingOutput(out).writingError(err).exec(command.toArray(new String[0]))) {
            int exit = w.exitCode().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException(pod + ": interrupted during " + command, e);
        } catch (TimeoutException e) {
            throw new SandboxException(pod + ": plain exec " + command + " did not finish within " + timeout, e);
        } catch (ExecutionException | KubernetesClientException e) {
            throw new SandboxException(pod + ": plain exec " + command + " failed", e);
        }
    }
}
