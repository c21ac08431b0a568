package dev.fixpoint.verifiers.harness;

import dev.fixpoint.tasks.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.Workspace;
import java.nio.file.Path;

/** {@link SourceTrees} backed by the shared mirror cache: one {@link Workspace} per checkout. Thread-safe. */
public final class WorkspaceTrees implements SourceTrees {

    private final RepoCache cache;

    public WorkspaceTrees(RepoCache cache) {
        this.cache = cache;
    }

    @Override
    public SourceTree checkout(Task task) {
        Workspace ws = cache.checkout(task);
        return new SourceTree() {
            @Override
            public Path directory() {
                return ws.directory();
            }

            @Override
            public void close() {
                ws.close();
            }
        };
    }
}
