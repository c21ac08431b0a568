package dev.fixpoint.harness;

import dev.fixpoint.tasks.Task;
import java.nio.file.Path;

/** Supplies a host directory holding a task's repository at its base commit, to be copied into a sandbox. */
public interface SourceTrees {

    /** Checks the task's repository out at its base commit; the caller closes the result. */
    SourceTree checkout(Task task);

    /** A checked-out tree; {@link #close()} removes it. */
    interface SourceTree extends AutoCloseable {
        Path directory();

        @Override
        void close();
    }
}
