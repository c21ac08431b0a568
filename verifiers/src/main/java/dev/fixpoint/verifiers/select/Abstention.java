package dev.fixpoint.verifiers.select;

/**
 * When a strategy prefers saying "no confident patch" to shipping its best candidate.
 *
 * @param minScore  the winner's score must be at least this
 * @param minMargin the winner must beat the best candidate of any other cluster by at least this; with 0,
 *                  a tie between clusters is settled by the tie-breakers instead
 */
public record Abstention(double minScore, double minMargin) {

    public Abstention {
        if (!Double.isFinite(minScore)) {
            throw new IllegalArgumentException("abstention min score is not finite: " + minScore);
        }
        if (!(minMargin >= 0.0) || !Double.isFinite(minMargin)) {
            throw new IllegalArgumentException("abstention min margin must be finite and non-negative, not: " + minMargin);
        }
    }

    /** Never abstain because of scores: only when no candidate is eligible. */
    public static Abstention never() {
        return new Abstention(-Double.MAX_VALUE, 0.0);
    }
}
