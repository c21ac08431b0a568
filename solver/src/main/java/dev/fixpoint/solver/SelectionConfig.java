package dev.fixpoint.solver;

import dev.fixpoint.verifiers.select.Abstention;
import dev.fixpoint.verifiers.select.ExecutionFilter;
import dev.fixpoint.verifiers.select.ExecutionOnly;
import dev.fixpoint.verifiers.select.ExecutionThenModel;
import dev.fixpoint.verifiers.select.JudgeSignal;
import dev.fixpoint.verifiers.select.MajorityVote;
import dev.fixpoint.verifiers.select.SelectionStrategy;
import dev.fixpoint.verifiers.select.WeightedScore;

import java.util.List;

/**
 * How the pipeline picks (or abstains).
 *
 * @param strategy  majority-vote, execution-only, execution-then-model or weighted
 * @param minScore  abstain below this winning score (the strategy's own scale)
 * @param minMargin abstain when the winner beats another cluster by less than this
 * @param judge     ask the model judge (when the model source offers one)
 */
public record SelectionConfig(String strategy, double minScore, double minMargin, boolean judge) {

    public static final List<String> STRATEGIES = List.of("majority-vote", "execution-only", "execution-then-model", "weighted");
    public static final SelectionConfig DEFAULT = new SelectionConfig("weighted", 0.5, 0.0, true);

    public SelectionConfig {
        if (!STRATEGIES.contains(strategy)) {
            throw new IllegalArgumentException("unknown selection strategy: " + strategy + " (known: " + STRATEGIES + ")");
        }
        new Abstention(minScore, minMargin); // validates
    }

    public SelectionStrategy toStrategy() {
        Abstention a = new Abstention(minScore, minMargin);
        return switch (strategy) {
            case "majority-vote" -> new MajorityVote(a);
            case "execution-only" -> new ExecutionOnly(ExecutionFilter.defaults(), a);
            case "execution-then-model" -> new ExecutionThenModel(ExecutionFilter.defaults(), 3, JudgeSignal.MEAN, a);
            default -> new WeightedScore(0.5, 0.3, 0.2, ExecutionFilter.defaults(), JudgeSignal.MEAN, a);
        };
    }
}
