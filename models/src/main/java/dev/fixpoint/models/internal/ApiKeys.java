package dev.fixpoint.models.internal;

import dev.fixpoint.models.ModelConfig;
import dev.fixpoint.models.ModelException;
import dev.fixpoint.models.Provider;

import java.util.List;
import java.util.Map;

/** Finds a provider's API key in the environment, or says which variable to set. */
final class ApiKeys {

    /** Sent to OpenAI-compatible servers that need no key (langchain4j requires one). */
    static final String NO_KEY = "not-needed";

    private ApiKeys() {}

    static List<String> variables(ModelConfig config) {
        return config.apiKeyEnv() != null ? List.of(config.apiKeyEnv()) : config.provider().keyEnv();
    }

    static String keyVariables(ModelConfig config) {
        return String.join(" or ", variables(config));
    }

    /** The key, {@link #NO_KEY} where none is needed, or a {@link ModelException} naming the variable to set. */
    static String resolve(ModelConfig config, Map<String, String> env) {
        for (String name : variables(config)) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) return v.strip();
        }
        if (config.provider() == Provider.OPENAI_COMPATIBLE || variables(config).isEmpty()) return NO_KEY;
        throw new ModelException(ModelException.Kind.AUTH, config.id() + ": no API key: set " + keyVariables(config));
    }
}
