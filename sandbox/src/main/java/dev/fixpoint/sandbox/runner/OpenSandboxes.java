package dev.fixpoint.sandbox.runner;

import dev.fixpoint.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's sandboxes still open, closed by {@link #close()} or, if the JVM exits first, by a shutdown hook.
 *
 * @param <T> the provider's sandbox type
 */
public final class OpenSandboxes<T extends Sandbox> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSandboxes.class);

    private final String runId;
    private final Set<T> open = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook;

    /** @param runId the provider's run, for messages */
    public OpenSandboxes(String runId) {
        this.runId = runId;
        this.shutdownHook = new Thread(this::closeAll, "fixpoint-sandbox-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public void add(T box) {
        open.add(box);
    }

    public void remove(T box) {
        open.remove(box);
    }

    /** Closes every open sandbox; the first failure is thrown after all were tried. */
    public void closeAll() {
        List<T> boxes = new ArrayList<>(open);
        if (!boxes.isEmpty()) LOG.info("removing {} open sandbox(es) of run {}", boxes.size(), runId);
        RuntimeException first = null;
        for (T b : boxes) {
            try {
                b.close();
            } catch (RuntimeException e) {
                LOG.warn("{}: removal failed: {}", b.id(), e.toString());
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    /** Closes every open sandbox and drops the shutdown hook. */
    @Override
    public void close() {
        try {
            closeAll();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                LOG.debug("JVM is shutting down; the hook runs anyway", e);
            }
        }
    }
}
