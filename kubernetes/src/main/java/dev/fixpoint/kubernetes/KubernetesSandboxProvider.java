package dev.fixpoint.kubernetes;

import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.LabelledSandboxes;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.runner.OpenSandboxes;
import dev.fixpoint.sandbox.runner.OwnerId;
import dev.fixpoint.sandbox.runner.RunnerCommands;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandboxes as Kubernetes pods: one pod per sandbox (the spec's image, workdir, env, CPU and memory requests equal
 * to limits, ephemeral storage bounded by the disk limit, active deadline = lifetime, restartPolicy Never), a
 * NetworkPolicy denying all traffic of that pod unless the spec asks for network, and the same long-lived command
 * runner as the Docker provider, reached through the exec API. Thread-safe; share one per process. Holds no thread
 * per sandbox: every exec stream is a websocket on the client's shared event loop.
 *
 * <pre>{@code
 * try (KubernetesSandboxProvider k8s = KubernetesSandboxProvider.builder().namespace("fixpoint").build();
 *      Sandbox box = k8s.start(SandboxSpec.builder("registry.example/fixpoint/python:latest").build())) {
 *     ExecResult r = box.exec("python3 -V", Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Pods carry the {@link SandboxLabels} (values made valid for Kubernetes; exact values in annotations).
 * {@link #close()} and a JVM shutdown hook delete this provider's open pods; {@link #prune} deletes those whose
 * owner process on this host is gone; {@link #pruneLeftovers()} only those of this provider's run.
 */
public final class KubernetesSandboxProvider implements LabelledSandboxes {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesSandboxProvider.class);

    private final KubernetesClient client;
    private final String runId;
    private final String runnerMode;
    private final PodLauncher launcher;
    private final OpenSandboxes<KubernetesSandbox> open;
    private volatile boolean closed;

    private KubernetesSandboxProvider(Builder b) {
        Config config = b.context == null ? Config.autoConfigure(null) : Config.autoConfigure(b.context);
        ConfigBuilder cb = new ConfigBuilder(config);
        if (b.masterUrl != null) cb.withMasterUrl(b.masterUrl);
        if (b.namespace != null) cb.withNamespace(b.namespace);
        config = cb.build();
        String namespace = config.getNamespace() == null ? "default" : config.getNamespace();
        this.client = new KubernetesClientBuilder().withConfig(config).build();
        this.runId = b.runId != null ? b.runId : "run-" + UUID.randomUUID().toString().substring(0, 8);
        this.runnerMode = b.runnerMode;
        Map<String, String> own = Map.of(SandboxLabels.MANAGED, "true", SandboxLabels.RUN, runId,
                SandboxLabels.OWNER, OwnerId.current().toString());
        this.launcher = new PodLauncher(client, namespace, own, b.startTimeout);
        this.open = new OpenSandboxes<>(runId);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The run label given to pods whose spec names no run. */
    public String runId() {
        return runId;
    }

    /** The namespace the pods go to. */
    public String namespace() {
        return launcher.namespace();
    }

    /** Creates the pod (and its NetworkPolicy), waits until it runs, starts the command runner. */
    @Override
    public Sandbox start(SandboxSpec spec) {
        if (closed) throw new SandboxException("sandbox provider is closed");
        long t0 = System.nanoTime();
        String name = launcher.start(spec);
        KubernetesSandbox box = new KubernetesSandbox(client, launcher, name, spec, runnerMode, open::remove);
        open.add(box);
        box.startRunner();
        LOG.debug("{}: started {} in {} ms (runner mode {})", name, spec.image(), (System.nanoTime() - t0) / 1_000_000,
                box.runnerMode());
        return box;
    }

    /** Deletes the pods (and their policies) carrying all the given labels whose owner is gone, or all of them. */
    @Override
    public int prune(boolean all, Map<String, String> labels) {
        try {
            return launcher.prune(all, labels);
        } catch (KubernetesClientException e) {
            throw new SandboxException("pruning pods " + labels + " in namespace " + namespace() + " failed (HTTP "
                    + e.getCode() + "): " + e.getMessage(), e);
        }
    }

    /** Names of Fixpoint pods carrying all the given labels (e.g. one run's). */
    public List<String> pods(Map<String, String> labels) {
        return launcher.list(labels);
    }

    /** Deletes the sandboxes still open and releases the client. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            open.close();
        } finally {
            try {
                launcher.close();
            } finally {
                client.close();
            }
        }
    }

    /** Options of {@link KubernetesSandboxProvider}; defaults come from the kubeconfig (or the in-cluster account). */
    public static final class Builder {
        private String context;
        private String masterUrl;
        private String namespace;
        private String runId;
        private String runnerMode;
        private Duration startTimeout = Duration.ofMinutes(5);

        private Builder() {}

        /** kubeconfig context to use; default: the current context. */
        public Builder context(String v) { context = v; return this; }

        /** API server URL overriding the kubeconfig's (e.g. a test server). */
        public Builder masterUrl(String v) { masterUrl = v; return this; }

        /** Namespace of the pods; default: the context's, else "default". */
        public Builder namespace(String v) { namespace = v; return this; }

        /** Run label for pods whose spec names none; default: a random id. */
        public Builder runId(String v) { runId = v; return this; }

        /** How long a pod may take to be scheduled, pull its image and start; default 5 minutes. */
        public Builder startTimeout(Duration v) {
            if (v == null || v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("pod start timeout must be positive, not: " + v);
            }
            startTimeout = v;
            return this;
        }

        /** Forces the runner's process-group strategy ("jobctl", "setsid" or "none"); default: the best available. */
        public Builder runnerMode(String v) {
            runnerMode = RunnerCommands.requireMode(v);
            return this;
        }

        public KubernetesSandboxProvider build() {
            return new KubernetesSandboxProvider(this);
        }
    }
}
