package dev.fixpoint.solver.verify;

import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.dedup.BaseFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A task ready for rollouts: its instance image (repository at base inside, at {@code workdir}) and a host copy of
 * the base files for de-duplication. {@link #close()} removes the host copy (idempotent).
 */
public final class PreparedTask implements AutoCloseable {

    private final Task task;
    private final String image;
    private final Path baseDir;
    private final Runnable cleanup;
    private boolean closed;

    PreparedTask(Task task, String image, Path baseDir, Runnable cleanup) {
        this.task = task;
        this.image = image;
        this.baseDir = baseDir;
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

    /** Base files by repository-relative path, read from the host copy. */
    public BaseFiles baseFiles() {
        return path -> {
            Path p = baseDir.resolve(path).normalize();
            if (!p.startsWith(baseDir) || !Files.isRegularFile(p)) return Optional.empty();
            try {
                return Optional.of(Files.readString(p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read base file " + p, e);
            }
        };
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        cleanup.run();
    }
}
