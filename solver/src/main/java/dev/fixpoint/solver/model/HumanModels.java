package dev.fixpoint.solver.model;

import dev.fixpoint.models.HumanModel;
import dev.fixpoint.models.Model;
import dev.fixpoint.solver.ModelSource;
import dev.fixpoint.solver.RolloutSettings;
import dev.fixpoint.tasks.Task;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Optional;

/**
 * A person plays the model of every rollout ({@code --model human} or {@code human:NAME}): requests are shown on one
 * terminal and answers read from it ({@link HumanModel}). Test writing and the judge get no model from this source
 * (as with a replayed trajectory), so the person is asked only as the fixer; there is nothing to check before the run.
 */
public final class HumanModels implements ModelSource {

    /** The prefix of the model spec and of the id every conversation reports. */
    public static final String PREFIX = "human";

    private final String label;
    private final HumanModel.Terminal terminal;

    /** @param spec {@code human} or {@code human:NAME} (NAME names the person in predictions and reports) */
    public HumanModels(String spec, InputStream in, PrintStream out) {
        if (!matches(spec)) throw new IllegalArgumentException("not a human model spec (want human or human:NAME): " + spec);
        String name = spec.length() > PREFIX.length() + 1 ? spec.substring(PREFIX.length() + 1) : "terminal";
        this.label = PREFIX + ":" + name;
        this.terminal = new HumanModel.Terminal(in, out);
    }

    /** Whether a {@code --model} value asks for a person: {@code human} or {@code human:NAME}. */
    public static boolean matches(String spec) {
        return spec != null && (spec.equals(PREFIX) || spec.startsWith(PREFIX + ":") && spec.length() > PREFIX.length() + 1);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Model forRollout(Task task, RolloutSettings settings) {
        return terminal.conversation(label, task.instanceId() + " rollout " + settings.index()
                + (settings.promptVariant().equals("default") ? "" : " (prompt " + settings.promptVariant() + ")"));
    }

    @Override
    public Optional<Model> forTestWriting(Task task, int k) {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return label + " (a person answering on this terminal)";
    }
}
