package dev.fixpoint.models;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one model. Parse {@code PROVIDER:NAME} with {@link #parse(String)} and adjust with the
 * {@code with...} methods; open it with {@link Models#open(ModelConfig)}.
 *
 * @param provider        where it runs
 * @param name            the provider's model name (may contain ':' as Ollama's tags do)
 * @param baseUrl         API base URL, or null for the provider's default (required for openai-compatible)
 * @param temperature     sampling temperature, or null for the provider's default
 * @param maxOutputTokens cap on tokens per answer, or null for the provider's default
 * @param requestTimeout  timeout of one HTTP call
 * @param apiKeyEnv       environment variable holding the key, or null for the provider's usual ones
 * @param retry           retries of failed calls
 */
public record ModelConfig(Provider provider, String name, String baseUrl, Double temperature, Integer maxOutputTokens,
                          Duration requestTimeout, String apiKeyEnv, RetryPolicy retry) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public ModelConfig {
        Objects.requireNonNull(provider, "model provider");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("model name is missing for provider " + provider.prefix());
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be within [0, 2]: " + temperature);
        }
        if (maxOutputTokens != null && maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be positive: " + maxOutputTokens);
        }
        requestTimeout = requestTimeout == null ? DEFAULT_TIMEOUT : requestTimeout;
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive: " + requestTimeout);
        }
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
    }

    /**
     * Parses {@code PROVIDER:NAME}, e.g. {@code openai:gpt-4.1}, {@code anthropic:claude-sonnet-4-20250514},
     * {@code gemini:gemini-2.5-pro}, {@code ollama:qwen2.5-coder:7b}, {@code openai-compatible:my-model}
     * (then give {@link #withBaseUrl}), {@code replay:/path/trajectory.jsonl}.
     */
    public static ModelConfig parse(String spec) {
        if (spec == null) throw new IllegalArgumentException("model spec is missing (want PROVIDER:NAME)");
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("not a model spec (want PROVIDER:NAME, e.g. openai:gpt-4.1): " + spec);
        }
        return of(Provider.fromPrefix(spec.substring(0, colon)), spec.substring(colon + 1));
    }

    public static ModelConfig of(Provider provider, String name) {
        return new ModelConfig(provider, name, null, null, null, null, null, null);
    }

    /** "provider:name". */
    public String id() {
        return provider.prefix() + ":" + name;
    }

    /** The configured base URL or the provider's default; null if neither exists. */
    public String effectiveBaseUrl() {
        return baseUrl != null ? baseUrl : provider.defaultBaseUrl();
    }

    public ModelConfig withBaseUrl(String v) { return new ModelConfig(provider, name, v, temperature, maxOutputTokens, requestTimeout, apiKeyEnv, retry); }
    public ModelConfig withTemperature(Double v) { return new ModelConfig(provider, name, baseUrl, v, maxOutputTokens, requestTimeout, apiKeyEnv, retry); }
    public ModelConfig withMaxOutputTokens(Integer v) { return new ModelConfig(provider, name, baseUrl, temperature, v, requestTimeout, apiKeyEnv, retry); }
    public ModelConfig withRequestTimeout(Duration v) { return new ModelConfig(provider, name, baseUrl, temperature, maxOutputTokens, v, apiKeyEnv, retry); }
    public ModelConfig withApiKeyEnv(String v) { return new ModelConfig(provider, name, baseUrl, temperature, maxOutputTokens, requestTimeout, v, retry); }
    public ModelConfig withRetry(RetryPolicy v) { return new ModelConfig(provider, name, baseUrl, temperature, maxOutputTokens, requestTimeout, apiKeyEnv, v); }
}
