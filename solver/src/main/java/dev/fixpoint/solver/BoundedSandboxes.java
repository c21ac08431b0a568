package dev.fixpoint.solver;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sandboxes that count against the run's container bound: {@link #start} waits for a permit of
 * {@link Concurrency}, the sandbox's {@link Sandbox#close()} returns it. For code that starts its own sandboxes (the
 * verifiers); the pipeline's own steps use {@link Concurrency#withContainer}. {@link #close()} leaves the provider
 * open: it belongs to the caller.
 */
final class BoundedSandboxes implements SandboxProvider {

    private final SandboxProvider inner;
    private final Concurrency concurrency;

    BoundedSandboxes(SandboxProvider inner, Concurrency concurrency) {
        this.inner = inner;
        this.concurrency = concurrency;
    }

    @Override
    public Sandbox start(SandboxSpec spec) {
        try {
            concurrency.acquireContainer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while waiting to start a sandbox of " + spec.image(), e);
        }
        try {
            return new Bounded(inner.start(spec));
        } catch (RuntimeException e) {
            concurrency.releaseContainer();
            throw e;
        }
    }

    @Override
    public int prune(boolean all) {
        return inner.prune(all);
    }

    @Override
    public void close() {
        // the inner provider belongs to the caller
    }

    /** Returns the permit once, when closed. */
    private final class Bounded implements Sandbox {
        private final Sandbox box;
        private final AtomicBoolean released = new AtomicBoolean();

        Bounded(Sandbox box) {
            this.box = box;
        }

        @Override public String id() { return box.id(); }
        @Override public SandboxSpec spec() { return box.spec(); }
        @Override public ExecResult exec(ExecRequest request) { return box.exec(request); }
        @Override public byte[] readFile(String path) { return box.readFile(path); }
        @Override public void writeFile(String path, byte[] content) { box.writeFile(path, content); }
        @Override public void copyIn(Path hostDir, String containerDir) { box.copyIn(hostDir, containerDir); }
        @Override public void copyOut(String containerDir, Path hostDir) { box.copyOut(containerDir, hostDir); }
        @Override public List<String> listFiles(String dir) { return box.listFiles(dir); }

        @Override
        public void close() {
            try {
                box.close();
            } finally {
                if (released.compareAndSet(false, true)) concurrency.releaseContainer();
            }
        }
    }
}
