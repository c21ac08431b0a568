package dev.fixpoint.kubernetes;

import dev.fixpoint.sandbox.ImageUnavailableException;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.runner.OwnerId;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pod lifecycle in one namespace: creates a sandbox's NetworkPolicy (network off) and pod, waits until the pod
 * runs, deletes both, and finds Fixpoint pods by label for pruning. A pod whose image the node cannot pull
 * ({@code ErrImagePull}, {@code ImagePullBackOff}) fails its start at once with an {@link ImageUnavailableException},
 * instead of waiting out the start timeout.
 */
final class PodLauncher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PodLauncher.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Waiting reasons of a container whose image the node cannot pull (the kubelet retries, but a missing image stays missing). */
    private static final Set<String> PULL_FAILURES = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, String> ownLabels;
    private final Duration startTimeout;
    private final PodStarts starts;

    /** @param ownLabels exact labels every pod gets (managed, owner, default run id); spec labels override run */
    PodLauncher(KubernetesClient client, String namespace, Map<String, String> ownLabels, Duration startTimeout) {
        this.client = client;
        this.namespace = namespace;
        this.ownLabels = Map.copyOf(ownLabels);
        this.startTimeout = startTimeout;
        this.starts = new PodStarts(client, namespace, PodManifests.labelValues(Map.of(SandboxLabels.MANAGED, "true",
                SandboxLabels.OWNER, ownLabels.get(SandboxLabels.OWNER))));
    }

    String namespace() { return namespace; }

    /** Creates the policy and the pod and waits until the pod runs; returns the pod's name. */
    String start(SandboxSpec spec) {
        String name = "fixpoint-" + HexFormat.of().formatHex(randomBytes());
        Pod pod = PodManifests.pod(name, spec, ownLabels);
        CompletableFuture<Void> started;
        try {
            started = starts.expect(name);
            if (!spec.network()) {
                client.network().v1().networkPolicies().inNamespace(namespace)
                        .resource(PodManifests.denyAll(name, pod.getMetadata().getLabels())).create();
            }
            client.pods().inNamespace(namespace).resource(pod).create();
        } catch (KubernetesClientException e) {
            starts.forget(name);
            deleteQuietly(name);
            throw new SandboxException(name + ": creating the pod of " + spec.image() + " in namespace " + namespace
                    + " failed (HTTP " + e.getCode() + "): " + e.getMessage()
                    + " (does the service account have the Role in the README's Kubernetes section?)", e);
        }
        try {
            started.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            requireRunning(name, spec);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            starts.forget(name);
            deleteQuietly(name);
            throw new SandboxException(name + ": interrupted while waiting for the pod to start", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            starts.forget(name);
            String why = describe(name);
            deleteQuietly(name);
            if (e instanceof SandboxException se) throw se;
            throw new SandboxException(name + ": pod of " + spec.image() + " did not start within " + startTimeout
                    + (why.isEmpty() ? "" : ": " + why), e);
        }
        return name;
    }

    /** Throws a clear error unless the pod exists and runs. */
    void requireRunning(String name, SandboxSpec spec) {
        Pod p = client.pods().inNamespace(namespace).withName(name).get();
        if (p == null) {
            throw new SandboxException(name + ": pod is gone (lifetime " + spec.limits().lifetime()
                    + " expired, or it was deleted)");
        }
        String pull = pullFailure(p);
        if (!pull.isEmpty()) {
            throw new ImageUnavailableException(name + ": pod of " + spec.image() + " cannot start: the node cannot pull its image: " + pull,
                    spec.image());
        }
        if (!"Running".equals(phase(p))) {
            throw new SandboxException(name + ": pod is not running (phase " + phase(p) + ")"
                    + (describe(name).isEmpty() ? "" : ": " + describe(name)));
        }
    }

    /** Deletes the pod (at once: no grace period) and its NetworkPolicy; missing ones are fine. */
    void delete(String name) {
        client.pods().inNamespace(namespace).withName(name).withGracePeriod(0).delete();
        client.network().v1().networkPolicies().inNamespace(namespace).withName(name).delete();
        LOG.debug("{}: deleted", name);
    }

    /** Names of Fixpoint pods carrying all the given exact labels. */
    List<String> list(Map<String, String> labels) {
        return pods(labels).stream().map(p -> p.getMetadata().getName()).sorted().toList();
    }

    /** Deletes leftovers (owner process gone on this host), or every matching Fixpoint pod if {@code all}. */
    int prune(boolean all, Map<String, String> labels) {
        int removed = 0;
        for (Pod p : pods(labels)) {
            Map<String, String> notes = p.getMetadata().getAnnotations();
            OwnerId owner = OwnerId.parse(notes == null ? null : notes.get(SandboxLabels.OWNER));
            if (!all && (owner == null || !owner.isDeadHere())) continue;
            LOG.info("{}: pruning pod of {} (owner {})", p.getMetadata().getName(),
                    p.getSpec().getContainers().get(0).getImage(), owner);
            delete(p.getMetadata().getName());
            removed++;
        }
        return removed;
    }

    private List<Pod> pods(Map<String, String> labels) {
        Map<String, String> filter = new HashMap<>(PodManifests.labelValues(labels));
        filter.put(SandboxLabels.MANAGED, "true");
        return client.pods().inNamespace(namespace).withLabels(filter).list().getItems();
    }

    private void deleteQuietly(String name) {
        try {
            delete(name);
        } catch (KubernetesClientException e) {
            LOG.warn("{}: could not delete after a failed start: {}", name, e.toString());
        }
    }

    /** Why a pod is not running, from its container status (e.g. ErrImagePull), or "". */
    private String describe(String name) {
        try {
            Pod p = client.pods().inNamespace(namespace).withName(name).get();
            if (p == null || p.getStatus() == null) return "";
            StringBuilder sb = new StringBuilder();
            for (ContainerStatus c : p.getStatus().getContainerStatuses() == null ? List.<ContainerStatus>of()
                    : p.getStatus().getContainerStatuses()) {
                if (c.getState() != null && c.getState().getWaiting() != null) {
                    sb.append(c.getState().getWaiting().getReason()).append(' ')
                            .append(c.getState().getWaiting().getMessage());
                }
                if (c.getState() != null && c.getState().getTerminated() != null) {
                    sb.append("terminated: ").append(c.getState().getTerminated().getReason());
                }
            }
            if (sb.isEmpty() && p.getStatus().getReason() != null) sb.append(p.getStatus().getReason());
            return sb.toString().strip();
        } catch (KubernetesClientException e) {
            LOG.debug("{}: cannot read the pod's status", name, e);
            return "";
        }
    }

    /** The reason and message of a container waiting because its image cannot be pulled, or "". */
    static String pullFailure(Pod p) {
        if (p.getStatus() == null || p.getStatus().getContainerStatuses() == null) return "";
        for (ContainerStatus c : p.getStatus().getContainerStatuses()) {
            var waiting = c.getState() == null ? null : c.getState().getWaiting();
            if (waiting != null && PULL_FAILURES.contains(waiting.getReason())) {
                return (waiting.getReason() + " " + (waiting.getMessage() == null ? "" : waiting.getMessage())).strip();
            }
        }
        return "";
    }

    static String phase(Pod p) {
        return p.getStatus() == null || p.getStatus().getPhase() == null ? "Pending" : p.getStatus().getPhase();
    }

    /** Stops the shared watch of pod starts. */
    @Override
    public void close() {
        starts.close();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }
}
