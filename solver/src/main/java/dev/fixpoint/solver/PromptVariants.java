package dev.fixpoint.solver;

import dev.fixpoint.agent.Prompts;

import java.util.Map;

/**
 * Named variants of the agent's prompts, for diversity across rollouts: the default templates, plus a one-line
 * emphasis appended to the instance prompt.
 */
public final class PromptVariants {

    private static final Map<String, String> EMPHASIS = Map.of(
            "default", "",
            "minimal", "\n\nPrefer the smallest change that fixes the issue; do not refactor unrelated code.",
            "tests-first", "\n\nBefore editing, read the existing tests of the code involved and keep them passing.",
            "root-cause", "\n\nLook for every code path with the same root cause, not only the one in the report.");

    private PromptVariants() {}

    public static void require(String name) {
        if (!EMPHASIS.containsKey(name)) {
            throw new IllegalArgumentException("unknown prompt variant: " + name + " (known: " + EMPHASIS.keySet().stream().sorted().toList() + ")");
        }
    }

    public static Prompts prompts(String name) {
        require(name);
        Prompts d = Prompts.defaults();
        return new Prompts(d.systemTemplate(), d.instanceTemplate() + EMPHASIS.get(name), d.noToolCall());
    }
}
