package dev.fixpoint.harness;

import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.git.Workspace;
import java.nio.file.Path;

/**
 * {@link SourceTrees} backed by the shared mirror cache: one standalone {@link Workspace} per checkout, so that the
 * copy in the sandbox is a shallow git repository at the task's real base commit ({@code git rev-parse <base>},
 * {@code git diff <base>} work there). Thread-safe.
 */
public final class WorkspaceTrees implements SourceTrees {

    private final RepoCache cache;

    public WorkspaceTrees(RepoCache cache) {
        this.cache = cache;
    }

    @Override
    public SourceTree checkout(Task task) {
        Workspace ws = cache.checkoutStandalone(task);
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
