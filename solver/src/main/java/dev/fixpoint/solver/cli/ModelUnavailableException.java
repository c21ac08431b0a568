package dev.fixpoint.solver.cli;

import dev.fixpoint.solver.SolverException;

/** The model did not answer the check made before any work: the message names provider, model, base URL and cause. */
final class ModelUnavailableException extends SolverException {
    ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
