package dev.fixpoint.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Context windows of models in tokens, looked up by model id ("provider:name") like {@link PriceTable}: a key ending
 * in '*' matches every id that starts with the rest, the longest match wins. Immutable. A model with no entry has an
 * unknown window (its requests are not managed unless a window is configured).
 */
public final class ContextWindows {

    private static final String RESOURCE = "context_windows.json";
    private static final ContextWindows DEFAULTS = load();

    private final Map<String, Long> windows;

    private ContextWindows(Map<String, Long> windows) {
        this.windows = Map.copyOf(windows);
    }

    /** The bundled table (see the context_windows.json resource). */
    public static ContextWindows defaults() {
        return DEFAULTS;
    }

    /** The window of the model, if it has an entry. */
    public OptionalLong window(String modelId) {
        Long exact = windows.get(modelId);
        if (exact != null) return OptionalLong.of(exact);
        return windows.keySet().stream()
                .filter(k -> k.endsWith("*") && modelId.startsWith(k.substring(0, k.length() - 1)))
                .max(Comparator.comparingInt(String::length))
                .map(k -> OptionalLong.of(windows.get(k))).orElse(OptionalLong.empty());
    }

    private static ContextWindows load() {
        try (InputStream in = ContextWindows.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new ModelsException("context window table resource missing: " + RESOURCE);
            JsonNode models = ModelsJson.mapper().readTree(in).path("models");
            var out = new LinkedHashMap<String, Long>();
            models.fields().forEachRemaining(e -> {
                if (!e.getValue().canConvertToLong() || e.getValue().asLong() < 1) {
                    throw new ModelsException(RESOURCE + ": window of " + e.getKey() + " must be a positive number, not " + e.getValue());
                }
                out.put(e.getKey(), e.getValue().asLong());
            });
            return new ContextWindows(out);
        } catch (IOException e) {
            throw new ModelsException("cannot read context window table resource " + RESOURCE, e);
        }
    }
}
