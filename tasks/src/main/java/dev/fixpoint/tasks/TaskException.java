package dev.fixpoint.tasks;

import dev.fixpoint.tasks.git.WorkspaceException;

/**
 * Root of the unchecked exceptions thrown by the tasks module: bad task files ({@link InvalidTaskException})
 * and repository, mirror and workspace failures ({@link WorkspaceException}).
 */
public class TaskException extends RuntimeException {

    public TaskException(String message) {
        super(message);
    }

    public TaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
