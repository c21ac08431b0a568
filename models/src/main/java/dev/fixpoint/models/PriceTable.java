package dev.fixpoint.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prices of models in USD per million tokens, looked up by model id ("provider:name"). A key ending in '*' matches
 * every id that starts with the rest; the longest match wins. Immutable; {@link #withFile(Path)} returns an
 * extended copy. A model with no entry has an unknown cost ({@link Optional#empty()}), never zero.
 */
public final class PriceTable {

    /** Price of one model, USD per million tokens. */
    public record Price(BigDecimal input, BigDecimal cachedInput, BigDecimal output) {
        public Price {
            if (input == null || output == null) throw new IllegalArgumentException("price needs input and output");
            cachedInput = cachedInput == null ? input : cachedInput;
        }
    }

    private static final String RESOURCE = "prices.json";
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final ObjectMapper JSON = ModelsJson.mapper();

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** The bundled table (see the prices.json resource). */
    public static PriceTable defaults() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new ModelsException("price table resource missing: " + RESOURCE);
            return new PriceTable(parse(JSON.readTree(in), RESOURCE));
        } catch (IOException e) {
            throw new ModelsException("cannot read price table resource " + RESOURCE, e);
        }
    }

    public static PriceTable empty() {
        return new PriceTable(Map.of());
    }

    /** A copy with the entries of a user's JSON file (same shape as the resource) added, replacing equal keys. */
    public PriceTable withFile(Path file) {
        try {
            return with(parse(JSON.readTree(Files.readAllBytes(file)), file.toString()));
        } catch (IOException e) {
            throw new ModelsException("cannot read price table " + file + ": " + e.getMessage(), e);
        }
    }

    /** A copy with one entry added or replaced. */
    public PriceTable with(String modelId, Price price) {
        return with(Map.of(modelId, price));
    }

    private PriceTable with(Map<String, Price> more) {
        var merged = new LinkedHashMap<>(prices);
        merged.putAll(more);
        return new PriceTable(merged);
    }

    /** The model ids (and '*' patterns) that have a price, sorted. */
    public java.util.SortedSet<String> models() {
        return new java.util.TreeSet<>(prices.keySet());
    }

    public Optional<Price> price(String modelId) {
        Price exact = prices.get(modelId);
        if (exact != null) return Optional.of(exact);
        String best = null;
        for (String key : prices.keySet()) {
            if (key.endsWith("*") && modelId.startsWith(key.substring(0, key.length() - 1))
                    && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return Optional.ofNullable(best == null ? null : prices.get(best));
    }

    /** Cost of the usage in USD, or empty if the model's price is unknown. */
    public Optional<BigDecimal> cost(String modelId, Usage usage) {
        return price(modelId).map(p -> {
            long cached = Math.min(usage.cachedInputTokens(), usage.inputTokens());
            BigDecimal micros = p.input().multiply(BigDecimal.valueOf(usage.inputTokens() - cached))
                    .add(p.cachedInput().multiply(BigDecimal.valueOf(cached)))
                    .add(p.output().multiply(BigDecimal.valueOf(usage.outputTokens())));
            return micros.divide(MILLION, 8, RoundingMode.HALF_UP);
        });
    }

    private static Map<String, Price> parse(JsonNode root, String source) {
        JsonNode models = root.path("models");
        if (!models.isObject()) throw new ModelsException(source + ": price table needs an object \"models\"");
        var out = new LinkedHashMap<String, Price>();
        for (Iterator<Map.Entry<String, JsonNode>> it = models.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode p = e.getValue();
            if (!p.path("input").isNumber() || !p.path("output").isNumber()) {
                throw new ModelsException(source + ": price of " + e.getKey() + " needs numbers input and output");
            }
            BigDecimal cached = p.path("cached_input").isNumber() ? p.get("cached_input").decimalValue() : null;
            out.put(e.getKey(), new Price(p.get("input").decimalValue(), cached, p.get("output").decimalValue()));
        }
        return out;
    }
}
