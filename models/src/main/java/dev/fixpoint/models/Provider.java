package dev.fixpoint.models;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a model runs. The prefix of {@code --model PROVIDER:NAME}. */
public enum Provider {
    OPENAI("openai", List.of("OPENAI_API_KEY"), "https://api.openai.com/v1"),
    /** Any server speaking OpenAI's chat completions API (vLLM, llama.cpp, Ollama's /v1, LM Studio); needs a base URL. */
    OPENAI_COMPATIBLE("openai-compatible", List.of("OPENAI_API_KEY"), null),
    ANTHROPIC("anthropic", List.of("ANTHROPIC_API_KEY"), "https://api.anthropic.com/v1"),
    GEMINI("gemini", List.of("GEMINI_API_KEY", "GOOGLE_API_KEY"), "https://generativelanguage.googleapis.com/v1beta"),
    OLLAMA("ollama", List.of(), "http://localhost:11434"),
    /** Re-issues the responses of a recorded trajectory; the name is the trajectory file. */
    REPLAY("replay", List.of(), null);

    private final String prefix;
    private final List<String> keyEnv;
    private final String defaultBaseUrl;

    Provider(String prefix, List<String> keyEnv, String defaultBaseUrl) {
        this.prefix = prefix;
        this.keyEnv = keyEnv;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    public String prefix() {
        return prefix;
    }

    /** Environment variables that may hold the API key, in the order they are tried; empty when none is needed. */
    public List<String> keyEnv() {
        return keyEnv;
    }

    /** Base URL used when none is configured, or null when one must be given. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public static Provider fromPrefix(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        for (Provider v : values()) {
            if (v.prefix.equals(p)) return v;
        }
        throw new IllegalArgumentException("unknown model provider: " + prefix + " (known: "
                + Arrays.stream(values()).map(Provider::prefix).collect(Collectors.joining(", ")) + ")");
    }
}
