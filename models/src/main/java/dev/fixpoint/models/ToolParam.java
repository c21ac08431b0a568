package dev.fixpoint.models;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One parameter of a tool, as shown to the model in the tool's JSON schema.
 *
 * @param name        parameter name
 * @param type        JSON type
 * @param description what the model should pass
 * @param required    whether the model must pass it
 * @param allowed     for {@link Type#STRING}: the only values allowed (an enum), or empty for any
 */
public record ToolParam(String name, Type type, String description, boolean required, List<String> allowed) {

    /** JSON schema types supported for tool parameters. */
    public enum Type { STRING, INTEGER, BOOLEAN }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public ToolParam {
        if (name == null || !NAME.matcher(name).matches()) throw new IllegalArgumentException("not a valid parameter name: " + name);
        if (type == null) throw new IllegalArgumentException("parameter " + name + " has no type");
        description = description == null ? "" : description;
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        if (!allowed.isEmpty() && type != Type.STRING) {
            throw new IllegalArgumentException("parameter " + name + ": allowed values need type STRING");
        }
    }

    public static ToolParam required(String name, Type type, String description) {
        return new ToolParam(name, type, description, true, List.of());
    }

    public static ToolParam optional(String name, Type type, String description) {
        return new ToolParam(name, type, description, false, List.of());
    }

    public static ToolParam oneOf(String name, List<String> allowed, String description) {
        return new ToolParam(name, Type.STRING, description, true, allowed);
    }
}
