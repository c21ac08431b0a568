package dev.fixpoint.sandbox.docker;

/** The runner's stream ended or broke: internal signal that the runner must be restarted. */
final class RunnerDiedException extends Exception {
    RunnerDiedException(String message, Throwable cause) {
        super(message, cause);
    }
}
