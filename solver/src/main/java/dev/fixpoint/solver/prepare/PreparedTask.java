package dev.fixpoint.solver.prepare;

import dev.fixpoint.tasks.Task;

import java.nio.file.Path;

/**
 * A task ready for rollouts: its instance image (repository at base inside, at {@code workdir}) and the host
 * checkout it was baked from, which the verifiers read (de-duplication, regression test selection).
 * {@link #close()} removes the host checkout (idempotent).
 */
public final class PreparedTask implements AutoCloseable {

    private final Task task;
    private final String image;
    private final Path baseTree;
    private final Runnable cleanup;
    private boolean closed;

    PreparedTask(Task task, String image, Path baseTree, Runnable cleanup) {
        this.task = task;
        this.image = image;
        this.baseTree = baseTree;
        this.cleanup = cleanup;
    }

    public Task task() {
        return task;
    }

    public String image() {
        return image;
    }

    public String workdir() {
        return task.environment().workdir();
    }

    /** The host checkout at the base commit (a standalone git repository); only to be read. */
    public Path baseTree() {
        return baseTree;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        cleanup.run();
    }
}
