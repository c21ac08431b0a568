package dev.fixpoint.solver;

import dev.fixpoint.verifiers.select.Abstention;
import dev.fixpoint.verifiers.select.SelectionStrategy;
import dev.fixpoint.verifiers.select.Strategies;

import java.util.List;

/**
 * How the pipeline picks (or abstains).
 *
 * @param strategy  one of {@link Strategies#NAMES}: majority-vote, execution-only, model-only,
 *                  execution-then-model or weighted
 * @param minScore  abstain below this winning score (the strategy's own scale)
 * @param minMargin abstain when the winner beats another cluster by less than this
 * @param judge     ask the model judge (when the model source offers one)
 */
public record SelectionConfig(String strategy, double minScore, double minMargin, boolean judge) {

    public static final List<String> STRATEGIES = Strategies.NAMES;
    public static final SelectionConfig DEFAULT = new SelectionConfig("weighted", 0.5, 0.0, true);

    public SelectionConfig {
        if (!STRATEGIES.contains(strategy)) {
            throw new IllegalArgumentException("unknown selection strategy: " + strategy + " (known: " + STRATEGIES + ")");
        }
        new Abstention(minScore, minMargin); // validates
    }

    public SelectionStrategy toStrategy() {
        return Strategies.named(strategy, new Abstention(minScore, minMargin));
    }
}
