package dev.fixpoint.models;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the model is told about a tool: its name, what it does and its parameters (rendered as a JSON schema
 * object by each provider adapter).
 */
public record ToolSpec(String name, String description, List<ToolParam> params) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public ToolSpec {
        if (name == null || !NAME.matcher(name).matches()) throw new IllegalArgumentException("not a valid tool name: " + name);
        if (description == null || description.isBlank()) throw new IllegalArgumentException("tool " + name + " has no description");
        params = params == null ? List.of() : List.copyOf(params);
        var seen = new HashSet<String>();
        for (ToolParam p : params) {
            if (!seen.add(p.name())) throw new IllegalArgumentException("tool " + name + ": duplicate parameter " + p.name());
        }
    }
}
