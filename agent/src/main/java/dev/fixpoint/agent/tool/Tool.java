package dev.fixpoint.agent.tool;

import dev.fixpoint.models.ToolSpec;

/**
 * One thing the model can do. Tools are stateless and act only through {@link ToolContext#sandbox()}; a tool
 * instance is shared by all rollouts.
 */
public interface Tool {

    /** Name, description and parameters shown to the model. */
    ToolSpec spec();

    /**
     * Runs one call.
     *
     * @throws ToolInputException for the model's mistakes (returned to it as text)
     * @throws dev.fixpoint.sandbox.SandboxException for infrastructure failures (the rollout ends)
     */
    Observation run(ToolArgs args, ToolContext context);
}
