package dev.fixpoint.sandbox;

/** An infrastructure failure of a sandbox: the daemon, the container or the runner, not the command run in it. */
public class SandboxException extends RuntimeException {
    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
