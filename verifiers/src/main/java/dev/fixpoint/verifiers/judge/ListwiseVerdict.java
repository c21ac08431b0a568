package dev.fixpoint.verifiers.judge;

import dev.fixpoint.models.Usage;
import java.util.List;

/**
 * The listwise judge's ranking of n patches, in the order they were given.
 *
 * @param meanRanks mean 1-based rank of each patch over the valid votes; empty when no vote was valid
 * @param scores    each patch's score in [0, 1]: 1 - (mean rank - 1) / (n - 1), 1 when n is 1; empty likewise
 * @param votes     permutations that produced a valid ranking
 * @param abstained permutations without one
 * @param calls     model calls, retries included
 * @param usage     tokens and time of those calls
 * @param problems  failed calls and unparseable answers
 */
public record ListwiseVerdict(List<Double> meanRanks, List<Double> scores, int votes, int abstained, int calls,
                              Usage usage, List<String> problems) {

    public ListwiseVerdict {
        meanRanks = List.copyOf(meanRanks);
        scores = List.copyOf(scores);
        problems = List.copyOf(problems);
        if (meanRanks.size() != scores.size()) {
            throw new IllegalArgumentException("mean ranks and scores differ in length: %d vs %d"
                    .formatted(meanRanks.size(), scores.size()));
        }
    }
}
