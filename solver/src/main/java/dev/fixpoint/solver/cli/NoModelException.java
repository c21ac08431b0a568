package dev.fixpoint.solver.cli;

import dev.fixpoint.solver.SolverException;

/** No model is configured, or its key is missing: the message names the flags and variables to set. */
final class NoModelException extends SolverException {
    NoModelException(String message) {
        super(message);
    }
}
