package dev.fixpoint.agent.tool;

/**
 * What a tool call produced, as text for the model.
 *
 * @param text      the observation
 * @param error     the call failed because of the model's input (the text says why)
 * @param submitted the model submitted its work: the rollout ends after this step
 */
public record Observation(String text, boolean error, boolean submitted) {
    public Observation {
        text = text == null ? "" : text;
    }

    public static Observation ok(String text) {
        return new Observation(text, false, false);
    }

    public static Observation error(String text) {
        return new Observation(text, true, false);
    }

    public static Observation submit(String text) {
        return new Observation(text, false, true);
    }

    public Observation withText(String t) {
        return new Observation(t, error, submitted);
    }
}
