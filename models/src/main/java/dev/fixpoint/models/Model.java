package dev.fixpoint.models;


/**
 * A chat model that can call tools. Implementations are thread-safe: one instance serves every rollout.
 * Obtain a real one with {@link Models#open(ModelConfig)}; {@link ScriptedModel} and the agent's {@code ReplayModel} need no
 * provider.
 */
public interface Model {

    /** "provider:name", for logs, trajectories and the price table. */
    String id();

    /**
     * Sends the conversation and returns the model's next message.
     *
     * @throws ModelException when the call failed (after retries, where the implementation retries)
     */
    ModelResponse chat(ModelRequest request);
}
