package dev.fixpoint.agent;

/** Root of the agent module's exceptions: a failure of the rollout machinery, never a model's mistake. */
public class AgentException extends RuntimeException {
    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
