package dev.fixpoint.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A {@link FakeKubelet.Node} whose pods are real Docker containers (the docker CLI): the pod's image, command,
 * workdir, env, memory and CPU limits, network off; each exec is a {@code docker exec -i} whose streams are
 * pumped to the exec websocket. So the runner, its markers, timeouts and process-group kills run for real; only
 * the scheduling and the apiserver are the mock's.
 */
final class DockerNode implements FakeKubelet.Node {

    /** Label on every container this node starts, valued with this node's id. */
    static final String LABEL = "dev.fixpoint.test.fake-kubelet";

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> containers = new ConcurrentHashMap<>();

    @Override
    public void start(Pod pod) {
        Container c = pod.getSpec().getContainers().get(0);
        Map<String, Quantity> limits = c.getResources().getLimits();
        List<String> cmd = new ArrayList<>(List.of("docker", "run", "-d", "--rm", "--network", "none",
                "--label", LABEL + "=" + id,
                "--memory", String.valueOf(limits.get("memory").getNumericalAmount().longValue()),
                "--memory-swap", String.valueOf(limits.get("memory").getNumericalAmount().longValue()),
                "--cpus", limits.get("cpu").getNumericalAmount().toPlainString(),
                "-w", c.getWorkingDir(), "--entrypoint", c.getCommand().get(0)));
        // What a kubelet makes of the container's securityContext.
        cmd.addAll(List.of("--cap-drop", "ALL"));
        c.getSecurityContext().getCapabilities().getAdd().forEach(cap -> cmd.addAll(List.of("--cap-add", cap)));
        if (Boolean.FALSE.equals(c.getSecurityContext().getAllowPrivilegeEscalation())) {
            cmd.addAll(List.of("--security-opt", "no-new-privileges"));
        }
        // A node's podPidsLimit (kubelet configuration; a pod spec cannot set one).
        cmd.addAll(List.of("--pids-limit", "256"));
        c.getEnv().forEach(e -> cmd.addAll(List.of("-e", e.getName() + "=" + e.getValue())));
        cmd.add(c.getImage());
        cmd.addAll(c.getCommand().subList(1, c.getCommand().size()));
        // The container id is the last line: a pull of a missing image (from its registry, as a node pulls) prints before it.
        List<String> lines = run(cmd).strip().lines().toList();
        containers.put(pod.getMetadata().getName(), lines.get(lines.size() - 1).strip());
    }

    @Override
    public FakeKubelet.Process exec(String pod, List<String> command, FakeKubelet.Channel channel) {
        String container = containers.get(pod);
        if (container == null) throw new IllegalStateException("no container for pod " + pod);
        List<String> cmd = new ArrayList<>(List.of("docker", "exec", "-i", container));
        cmd.addAll(command);
        java.lang.Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread out = pump(p.getInputStream(), channel::stdout);
        Thread err = pump(p.getErrorStream(), channel::stderr);
        Thread waiter = new Thread(() -> {
            try {
                int code = p.waitFor();
                out.join();
                err.join();
                channel.exit(code);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fake-kubelet-wait");
        waiter.setDaemon(true);
        waiter.start();
        OutputStream stdin = p.getOutputStream();
        return new FakeKubelet.Process() {
            @Override
            public void stdin(byte[] b, int off, int len) {
                try {
                    stdin.write(b, off, len);
                    stdin.flush();
                } catch (IOException e) {
                    p.destroyForcibly(); // the exec is gone: its client sees the stream end
                }
            }

            @Override
            public void endOfInput() {
                try {
                    stdin.close();
                } catch (IOException e) {
                    p.destroyForcibly();
                }
            }

            @Override
            public void kill() {
                p.destroyForcibly();
            }
        };
    }

    private interface Sink {
        void accept(byte[] b, int len);
    }

    private static Thread pump(InputStream in, Sink sink) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[1 << 15];
            try (in) {
                for (int n; (n = in.read(buf)) > 0; ) sink.accept(buf, n);
            } catch (IOException e) {
                // the process ended or was destroyed: the exit status follows
            }
        }, "fake-kubelet-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void remove(String pod) {
        String c = containers.remove(pod);
        if (c != null) run(List.of("docker", "rm", "-f", c));
    }

    /** Containers of this node still present. */
    List<String> running() {
        String out = run(List.of("docker", "ps", "-aq", "--filter", "label=" + LABEL + "=" + id));
        return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
    }

    @Override
    public void close() {
        for (String c : running()) run(List.of("docker", "rm", "-f", c));
        containers.clear();
    }

    private static String run(List<String> cmd) {
        try {
            java.lang.Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(cmd + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + cmd, e);
        }
    }
}
