package dev.fixpoint.models;

/**
 * Root of the models module's exceptions: a model could not be set up or called. {@link ModelException} is a failed
 * call; this class itself is used for bad configuration such as an unreadable price table.
 */
public class ModelsException extends RuntimeException {
    public ModelsException(String message) {
        super(message);
    }

    public ModelsException(String message, Throwable cause) {
        super(message, cause);
    }
}
