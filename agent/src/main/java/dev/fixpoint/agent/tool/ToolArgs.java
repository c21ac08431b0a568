package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.AgentJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The arguments of one tool call, read with the checks a model needs to fix its call: every problem is a
 * {@link ToolInputException} whose message names the tool and the parameter.
 */
public final class ToolArgs {

    private static final ObjectMapper JSON = AgentJson.mapper();

    private final String tool;
    private final JsonNode node;

    private ToolArgs(String tool, JsonNode node) {
        this.tool = tool;
        this.node = node;
    }

    /** Parses the model's JSON text; invalid JSON or a non-object is the model's mistake. */
    public static ToolArgs parse(String tool, String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new ToolInputException("The arguments of " + tool + " are not valid JSON (" + e.getOriginalMessage()
                    + "). Pass a JSON object with the parameters.");
        }
        if (node == null || node.isNull()) node = JSON.createObjectNode();
        if (!node.isObject()) throw new ToolInputException("The arguments of " + tool + " must be a JSON object, not: " + json);
        return new ToolArgs(tool, node);
    }

    public String string(String name) {
        return optString(name).orElseThrow(() -> new ToolInputException(tool + ": missing required parameter '" + name + "'"));
    }

    public Optional<String> optString(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return Optional.empty();
        if (v.isTextual()) return Optional.of(v.asText());
        if (v.isNumber() || v.isBoolean()) return Optional.of(v.asText());
        throw new ToolInputException(tool + ": parameter '" + name + "' must be a string");
    }

    public int integer(String name) {
        OptionalInt v = optInt(name);
        if (v.isEmpty()) throw new ToolInputException(tool + ": missing required parameter '" + name + "'");
        return v.getAsInt();
    }

    /** An integer, also accepted as a string of digits (models send both). */
    public OptionalInt optInt(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return OptionalInt.empty();
        if (v.isInt()) return OptionalInt.of(v.asInt());
        if (v.isTextual() && v.asText().strip().matches("-?\\d{1,9}")) return OptionalInt.of(Integer.parseInt(v.asText().strip()));
        throw new ToolInputException(tool + ": parameter '" + name + "' must be an integer, not: " + v);
    }

    public boolean bool(String name, boolean dflt) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return dflt;
        if (v.isBoolean()) return v.asBoolean();
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        throw new ToolInputException(tool + ": parameter '" + name + "' must be true or false, not: " + v);
    }
}
