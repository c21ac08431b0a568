package dev.fixpoint.verifiers.select;

import java.util.Objects;

/**
 * One candidate's score under a strategy, or why the strategy excluded it.
 *
 * @param candidateId the candidate
 * @param clusterId   its cluster
 * @param score       the score (higher is better; rounded to 9 decimals so that ties are exact), or null
 *                    when excluded
 * @param excluded    why the candidate cannot be chosen; empty when it has a score
 */
public record CandidateScore(String candidateId, int clusterId, Double score, String excluded) {

    private static final double PRECISION = 1e9;

    public CandidateScore {
        Objects.requireNonNull(candidateId, "candidateId");
        excluded = Objects.requireNonNullElse(excluded, "");
        if ((score == null) == excluded.isEmpty()) {
            throw new IllegalArgumentException(candidateId + ": needs either a score or an exclusion reason, not "
                    + score + " and '" + excluded + "'");
        }
        if (score != null) {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException(candidateId + ": score is not finite: " + score);
            }
            score = Math.round(score * PRECISION) / PRECISION;
        }
    }

    public static CandidateScore of(Evidence e, double score) {
        return new CandidateScore(e.candidateId(), e.clusterId(), score, "");
    }

    public static CandidateScore exclude(Evidence e, String reason) {
        return new CandidateScore(e.candidateId(), e.clusterId(), null, reason);
    }

    public boolean eligible() {
        return score != null;
    }
}
