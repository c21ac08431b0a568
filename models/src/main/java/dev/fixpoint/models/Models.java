package dev.fixpoint.models;

import dev.fixpoint.models.internal.LangChainModel;

import java.util.Map;

/** Opens the {@link Model} a {@link ModelConfig} describes. */
public final class Models {

    private Models() {}

    /** Opens a model; API keys come from the process environment. */
    public static Model open(ModelConfig config) {
        return open(config, System.getenv());
    }

    /**
     * Opens a model, reading API keys from {@code env}. Provider models retry per {@link ModelConfig#retry()}.
     *
     * @throws ModelException of kind AUTH naming the variable to set when the key is missing
     * @throws IllegalArgumentException when an openai-compatible model has no base URL, or for a replay (opened from
     *                                  its trajectory file by the agent's {@code ReplayModel})
     */
    public static Model open(ModelConfig config, Map<String, String> env) {
        if (config.provider() == Provider.REPLAY) {
            throw new IllegalArgumentException(config.id() + " is a recorded trajectory, not a provider: open it with ReplayModel.fromFile");
        }
        if (config.effectiveBaseUrl() == null) {
            throw new IllegalArgumentException(config.id() + " needs a base URL, e.g. http://localhost:8000/v1");
        }
        return new RetryingModel(LangChainModel.open(config, env), config.retry());
    }
}
