package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.AgentException;

/**
 * The model called a tool wrongly: bad or missing arguments, no match, a path that does not exist. Never aborts a
 * rollout: {@link Toolbox} returns the message to the model as the tool's observation.
 */
public class ToolInputException extends AgentException {
    public ToolInputException(String message) {
        super(message);
    }
}
