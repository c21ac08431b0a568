package dev.fixpoint.verifiers.judge;

import dev.fixpoint.agent.Usage;
import java.util.List;

/**
 * The pointwise judge's verdict on one patch.
 *
 * @param probability share of YES among the votes that gave an answer, or null when none did
 * @param yes         YES votes
 * @param no          NO votes
 * @param abstained   samples without a usable answer
 * @param calls       model calls, retries included
 * @param usage       tokens and time of those calls
 * @param problems    failed calls and unparseable answers
 */
public record PointwiseVerdict(Double probability, int yes, int no, int abstained, int calls, Usage usage,
                               List<String> problems) {

    public PointwiseVerdict {
        problems = List.copyOf(problems);
    }
}
