package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.Role;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.models.ToolSpec;
import dev.fixpoint.tasks.layout.SourceLanguage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools of a rollout and the one place a tool call is dispatched: unknown tools, invalid JSON and other
 * {@link ToolInputException}s become error observations for the model; long observations are cut (head and tail
 * kept). Only {@link dev.fixpoint.sandbox.SandboxException} (infrastructure) escapes. Immutable and shared.
 */
public final class Toolbox {

    /** Observations longer than this are cut (about 3k tokens). */
    public static final int DEFAULT_MAX_OBSERVATION_CHARS = 12_000;

    private final Map<String, Tool> tools;
    private final int maxObservationChars;

    private Toolbox(List<Tool> tools, int maxObservationChars) {
        var m = new LinkedHashMap<String, Tool>();
        for (Tool t : tools) {
            if (m.put(t.spec().name(), t) != null) throw new IllegalArgumentException("two tools named " + t.spec().name());
        }
        if (maxObservationChars < 200) throw new IllegalArgumentException("observation cap too small: " + maxObservationChars);
        this.tools = m;
        this.maxObservationChars = maxObservationChars;
    }

    /** A fixer's bash, view, search, edit, outline and find_symbol (for .py and .java files) and submit. */
    public static Toolbox standard() {
        return new Toolbox(StandardTools.all(), DEFAULT_MAX_OBSERVATION_CHARS);
    }

    /** The tools for a session of {@code role} on a repository of {@code language} ({@link StandardTools#forTask}). */
    public static Toolbox forTask(Role role, SourceLanguage language) {
        return new Toolbox(StandardTools.forTask(role, language), DEFAULT_MAX_OBSERVATION_CHARS);
    }

    /** As {@link #forTask(Role, SourceLanguage)}, with the edit checks and the submit review {@code options} set. */
    public static Toolbox forTask(Role role, SourceLanguage language, ToolOptions options) {
        return new Toolbox(StandardTools.forTask(role, language, options), DEFAULT_MAX_OBSERVATION_CHARS);
    }

    /** Whether a tool of that name is offered. */
    public boolean offers(String name) {
        return tools.containsKey(name);
    }

    public static Toolbox of(List<Tool> tools, int maxObservationChars) {
        return new Toolbox(tools, maxObservationChars);
    }

    public List<ToolSpec> specs() {
        return tools.values().stream().map(Tool::spec).toList();
    }

    /** Runs one call; the model's mistakes come back as error observations. */
    public Observation run(ToolCall call, ToolContext context) {
        Tool tool = tools.get(call.name());
        if (tool == null) {
            return Observation.error("Unknown tool '" + call.name() + "'. Available tools: " + String.join(", ", tools.keySet()) + ".");
        }
        Observation o;
        try {
            o = tool.run(ToolArgs.parse(call.name(), call.arguments()), context);
        } catch (ToolInputException e) {
            o = Observation.error(e.getMessage());
        }
        return o.withText(Text.headTail(o.text(), maxObservationChars));
    }
}
