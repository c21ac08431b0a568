package dev.fixpoint.solver;

import dev.fixpoint.models.Model;
import dev.fixpoint.tasks.Task;

import java.util.Optional;

/** Where rollouts (and the judge) get their model: a live provider or scripted sessions. Thread-safe. */
public interface ModelSource {

    /** What predictions and reports name as the model, e.g. {@code openai:gpt-4.1} or {@code scripted:samples}. */
    String label();

    /** The model for one rollout of a task (a fresh one per rollout for scripted sessions). */
    Model forRollout(Task task, RolloutSettings settings);

    /** The model for the k-th (1-based) test-writing session of a task, if this source offers one. */
    Optional<Model> forTestWriting(Task task, int k);

    /** A model for judging candidates, if this source offers one (none by default). */
    default Optional<Model> judge() {
        return Optional.empty();
    }

    /** Whether this source replays scripts rather than asking a model (shown wherever results show; false by default). */
    default boolean scripted() {
        return false;
    }

    /**
     * Asks the model one tiny question before any work, so that a model that cannot answer stops the run at once.
     *
     * @return the check's usage, or empty when there is nothing to check (scripted and replayed models are local)
     * @throws dev.fixpoint.models.ModelException why the model did not answer
     */
    default Optional<dev.fixpoint.models.Usage> preflight() {
        return Optional.empty();
    }

    /** Where the model is, for messages: provider, model name and base URL (e.g. for a failed preflight). */
    default String describe() {
        return label();
    }
}
