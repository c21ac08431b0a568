package dev.fixpoint.solver.config;

import dev.fixpoint.models.ModelConfig;
import dev.fixpoint.models.Provider;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The environment variables holding secrets for a config, and how they are shown: never in clear. */
public final class Secrets {

    private Secrets() {}

    public static List<String> variables(FixpointConfig c) {
        Set<String> vars = new LinkedHashSet<>();
        if (c.modelApiKeyEnv() != null) vars.add(c.modelApiKeyEnv());
        vars.addAll(c.secretEnv());
        if (c.model() != null && dev.fixpoint.solver.model.HumanModels.matches(c.model())) {
            // a person needs no key
        } else if (c.model() != null) {
            try {
                vars.addAll(ModelConfig.parse(c.model()).provider().keyEnv());
            } catch (IllegalArgumentException e) {
                vars.add("(model spec is invalid: " + e.getMessage() + ")");
            }
        } else {
            for (Provider p : Provider.values()) vars.addAll(p.keyEnv());
        }
        vars.add(c.githubTokenEnv());
        return List.copyOf(vars);
    }

    /** "unset", or "set (****abcd)" showing at most the last 4 characters of a long value. */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) return "unset";
        return value.length() >= 16 ? "set (****" + value.substring(value.length() - 4) + ")" : "set (****)";
    }
}
