package dev.fixpoint.solver.config;

import dev.fixpoint.solver.SolverException;

/**
 * The config file (or a flag merged over it) is wrong: an unknown option, a value of the wrong type or out of range,
 * not YAML, or not there. The message names the file, the line and the option, e.g.
 * {@code fixpoint.yaml:3: rollouts must be a whole number, not "eight"}. Bad usage: the CLI exits 2.
 */
public class ConfigException extends SolverException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
