package dev.fixpoint.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells when this provider's pods leave {@code Pending}, or cannot (their image cannot be pulled): one shared watch (an
 * informer on the provider's own owner label) for all of them, instead of a watch per starting pod, so hundreds of starts
 * cost one stream.
 */
final class PodStarts implements AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, String> selector;
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private SharedIndexInformer<Pod> informer;

    /** @param selector label values selecting exactly this provider's pods */
    PodStarts(KubernetesClient client, String namespace, Map<String, String> selector) {
        this.client = client;
        this.namespace = namespace;
        this.selector = Map.copyOf(selector);
    }

    /** Call before creating pod {@code name}: completes once it is no longer Pending, cannot pull its image, or is deleted. */
    CompletableFuture<Void> expect(String name) {
        SharedIndexInformer<Pod> inf = informer();
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiting.put(name, f);
        Pod cached = inf.getStore().getByKey(namespace + "/" + name);
        if (cached != null) seen(cached);
        return f;
    }

    /** Stops waiting for {@code name} (started, or given up). */
    void forget(String name) {
        waiting.remove(name);
    }

    private synchronized SharedIndexInformer<Pod> informer() {
        if (informer == null) {
            informer = client.pods().inNamespace(namespace).withLabels(selector).inform(new ResourceEventHandler<>() {
                @Override public void onAdd(Pod pod) { seen(pod); }
                @Override public void onUpdate(Pod old, Pod pod) { seen(pod); }
                @Override public void onDelete(Pod pod, boolean unknownFinalState) { done(pod); }
            });
        }
        return informer;
    }

    private void seen(Pod pod) {
        if (!"Pending".equals(PodLauncher.phase(pod)) || !PodLauncher.pullFailure(pod).isEmpty()) done(pod);
    }

    private void done(Pod pod) {
        CompletableFuture<Void> f = waiting.remove(pod.getMetadata().getName());
        if (f != null) f.complete(null);
    }

    @Override
    public synchronized void close() {
        if (informer != null) informer.stop();
    }
}
