package dev.fixpoint.tasks.env;

import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.Task;

/** Opens the tree of a task's repository at its base commit, for {@link BuiltinEnvironments}. */
@FunctionalInterface
public interface TreeSource {

    /**
     * The tree at the task's base commit.
     *
     * @throws dev.fixpoint.tasks.git.WorkspaceException when the repository or commit cannot be reached
     */
    RepoTree open(Task task);

    /** Trees read straight from the mirror cache's objects (fetching the mirror if needed), without a checkout. */
    static TreeSource mirrors(RepoCache cache) {
        return task -> MirrorTree.open(cache.mirrorPath(task.repo()), cache.prepare(task), task.instanceId());
    }
}
