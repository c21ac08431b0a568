package dev.fixpoint.sandbox.runner;

/** The runner's stream ended or broke: internal signal that the runner must be restarted. */
public final class RunnerDiedException extends Exception {
    public RunnerDiedException(String message, Throwable cause) {
        super(message, cause);
    }
}
