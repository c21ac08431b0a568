package dev.fixpoint.verifiers.select;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of selecting from one pool: the candidate to ship, or an abstention, with the reasons and all
 * the evidence that led there. Serialises to JSON with Jackson as it is.
 *
 * @param strategy          the strategy's name
 * @param config            the strategy's full configuration, as its record prints it
 * @param abstained         no candidate is shipped
 * @param chosenCandidateId the candidate to ship, or null when abstaining
 * @param chosenClusterId   its cluster, or null when abstaining
 * @param winningScore      the best eligible score (also when abstaining because of it), or null if none was eligible
 * @param runnerUpScore     the best score outside the winner's cluster, or null if no other cluster was eligible
 * @param reasons           why this outcome, in words
 * @param notes             how the strategy reached its scores (fallbacks, missing signals)
 * @param scores            each candidate's score or exclusion, in pool order
 * @param evidence          each candidate's evidence, in pool order
 */
public record Selection(String strategy, String config, boolean abstained, String chosenCandidateId, Integer chosenClusterId,
                        Double winningScore, Double runnerUpScore, List<String> reasons, List<String> notes,
                        List<CandidateScore> scores, List<Evidence> evidence) {

    public Selection {
        Objects.requireNonNull(strategy, "strategy");
        config = Objects.requireNonNullElse(config, "");
        if (abstained != (chosenCandidateId == null) || (chosenCandidateId == null) != (chosenClusterId == null)) {
            throw new IllegalArgumentException("%s: abstained=%s but chosen candidate %s, cluster %s"
                    .formatted(strategy, abstained, chosenCandidateId, chosenClusterId));
        }
        reasons = List.copyOf(reasons);
        notes = List.copyOf(notes);
        scores = List.copyOf(scores);
        evidence = List.copyOf(evidence);
    }

    /** The candidate to ship, or empty when the selection abstained. */
    public Optional<String> chosen() {
        return Optional.ofNullable(chosenCandidateId);
    }
}
