package dev.fixpoint.agent.trajectory;

import java.util.Objects;

/**
 * An observation left out of the requests from some step on, to keep them within the model's context budget: the
 * model saw a one-line marker ({@link #marker()}) in its place.
 *
 * @param step   the step whose tool call produced the observation
 * @param callId the tool call's id
 * @param tool   the tool's name
 * @param chars  length of the original observation in characters
 */
public record Elision(int step, String callId, String tool, int chars) {

    public Elision {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(tool, "tool");
        if (step < 1 || chars < 0) throw new IllegalArgumentException("bad elision: step " + step + ", chars " + chars);
    }

    /** The line the model sees instead of the observation. */
    public String marker() {
        return "[" + tool + " output of step " + step + " (" + chars + " chars) elided to fit the context]";
    }
}
