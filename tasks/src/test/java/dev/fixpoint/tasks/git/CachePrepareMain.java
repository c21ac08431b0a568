package dev.fixpoint.tasks.git;

import dev.fixpoint.tasks.Task;
import java.nio.file.Path;

/** Prepares one task's mirror in a separate JVM, for the cross-process test of {@link RepoCache}. */
public final class CachePrepareMain {

    private CachePrepareMain() {}

    /** Arguments: cache dir, mirror map file, repo, commit. */
    public static void main(String[] args) {
        RepoCache cache = RepoCache.open(Path.of(args[0]), RepoLocator.fromMirrorFile(Path.of(args[1])));
        Task task = Task.builder().instanceId("proc-" + ProcessHandle.current().pid()).repo(args[2])
                .baseCommit(args[3]).build();
        System.out.println("prepared " + cache.prepare(task));
    }
}
