package dev.fixpoint.tasks.git;

import dev.fixpoint.tasks.TaskException;

/**
 * A repository, mirror or workspace operation failed. The message names the task, the repository and the
 * location involved, and says what to do; {@link #reason()} lets callers tell the cases apart.
 */
public class WorkspaceException extends TaskException {

    /** What went wrong. */
    public enum Reason {
        /** The repository could not be fetched from its location (bad URL or path, network, auth). */
        UNREACHABLE_REPO,
        /** The repository was fetched but does not contain the task's base commit. */
        MISSING_COMMIT,
        /** The local mirror is damaged and was not (or could not be) re-cloned. */
        CORRUPT_MIRROR,
        /** A repo string that is neither a URL, an existing path, nor owner/name; or a bad mirror map. */
        BAD_LOCATION,
        /** Local I/O failed (disk full, permissions, a workspace directory in the way). */
        IO
    }

    private final Reason reason;

    public WorkspaceException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public WorkspaceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
