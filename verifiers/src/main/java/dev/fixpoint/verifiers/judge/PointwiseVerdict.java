package dev.fixpoint.verifiers.judge;

import dev.fixpoint.models.Usage;
import dev.fixpoint.verifiers.select.JudgeEvidence.PointwiseMethod;
import java.util.List;

/**
 * The pointwise judge's verdict on one patch.
 *
 * @param probability P(YES): from the verdict token's log-probabilities ({@link PointwiseMethod#LOGPROBS}), else
 *                    the share of YES among the votes that gave an answer ({@link PointwiseMethod#VOTES}); null
 *                    when none did
 * @param yes         YES votes (with LOGPROBS, the one answer's verdict)
 * @param no          NO votes
 * @param abstained   samples without a usable answer
 * @param calls       model calls, retries included
 * @param usage       tokens and time of those calls
 * @param problems    failed calls and unparseable answers
 * @param method      how {@code probability} was measured
 */
public record PointwiseVerdict(Double probability, int yes, int no, int abstained, int calls, Usage usage,
                               List<String> problems, PointwiseMethod method) {

    public PointwiseVerdict {
        problems = List.copyOf(problems);
        java.util.Objects.requireNonNull(method, "pointwise method");
    }
}
