package dev.fixpoint.verifiers.judge;

import dev.fixpoint.models.Usage;
import dev.fixpoint.verifiers.select.JudgeEvidence;
import java.util.List;
import java.util.Map;

/**
 * What the model judge said about a pool.
 *
 * @param evidence verdicts by candidate id (members of a cluster share their representative's); candidates
 *                 that were not judged (empty or non-applying patches) are absent
 * @param calls    model calls, pointwise and listwise, retries included
 * @param usage    tokens and time of those calls
 * @param problems failed calls and unparseable answers
 */
public record JudgeReport(Map<String, JudgeEvidence> evidence, int calls, Usage usage, List<String> problems) {

    public JudgeReport {
        evidence = Map.copyOf(evidence);
        problems = List.copyOf(problems);
    }
}
