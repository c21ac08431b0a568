package dev.fixpoint.verifiers.select;

import java.util.List;

/**
 * A way to score a pool of candidates. Strategies only score and exclude; the {@link Selector} ranks,
 * breaks ties and applies the strategy's {@link Abstention} the same way for all of them.
 */
public interface SelectionStrategy {

    /** Short stable name for reports, e.g. {@code majority-vote}. */
    String name();

    /** Scores every candidate of {@code pool}, in the same order. */
    Scoring score(List<Evidence> pool);

    Abstention abstention();

    /** Whether the strategy reads model judge verdicts (reported apart from those that need no model). */
    boolean usesModel();

    /** Whether the strategy reads execution evidence; when it does not, no sandbox needs to run for it. */
    default boolean usesExecution() {
        return true;
    }
}
