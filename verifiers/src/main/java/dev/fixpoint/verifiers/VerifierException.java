package dev.fixpoint.verifiers;

/** The verifiers module's root unchecked exception: an infrastructure failure while verifying or selecting. */
public class VerifierException extends RuntimeException {

    public VerifierException(String message) {
        super(message);
    }

    public VerifierException(String message, Throwable cause) {
        super(message, cause);
    }
}
