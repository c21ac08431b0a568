package dev.fixpoint.solver;

/** The solver's root exception: a run, a task or a command could not go on. Says what failed, with which value. */
public class SolverException extends RuntimeException {
    public SolverException(String message) {
        super(message);
    }

    public SolverException(String message, Throwable cause) {
        super(message, cause);
    }
}
