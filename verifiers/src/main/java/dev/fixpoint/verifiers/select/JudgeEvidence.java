package dev.fixpoint.verifiers.select;

/**
 * What the model judge said about one candidate. Either signal may be missing (null): not asked, or every
 * vote abstained.
 *
 * @param pointwise probability in [0, 1] that the patch resolves the issue
 * @param listwise  normalised rank score in [0, 1]: 1 when ranked first in every permutation, 0 when last
 * @param meanRank  mean 1-based rank over the listwise permutations
 * @param calls     model calls spent on this candidate's cluster alone (pointwise); listwise calls rank all
 *                  clusters at once and are counted by whoever ran the judge
 * @param pointwiseMethod how {@code pointwise} was measured, or null when it is missing or not known (read back
 *                  from a report that did not record it)
 */
public record JudgeEvidence(Double pointwise, Double listwise, Double meanRank, int calls, PointwiseMethod pointwiseMethod) {

    /** Where a pointwise probability comes from. */
    public enum PointwiseMethod {
        /** P(YES) from the log-probabilities of the verdict token, normalised over YES and NO: one model call. */
        LOGPROBS,
        /** The share of YES among the verdicts of k sampled answers. */
        VOTES
    }

    /** Evidence without a recorded pointwise method. */
    public JudgeEvidence(Double pointwise, Double listwise, Double meanRank, int calls) {
        this(pointwise, listwise, meanRank, calls, null);
    }

    public JudgeEvidence {
        requireUnit(pointwise, "pointwise probability");
        requireUnit(listwise, "listwise score");
        if (meanRank != null && !(meanRank >= 1.0)) {
            throw new IllegalArgumentException("mean rank must be at least 1, not: " + meanRank);
        }
        if (calls < 0) {
            throw new IllegalArgumentException("negative model call count: " + calls);
        }
    }

    public static JudgeEvidence pointwise(double probability) {
        return new JudgeEvidence(probability, null, null, 1);
    }

    public static JudgeEvidence listwise(double score, double meanRank) {
        return new JudgeEvidence(null, score, meanRank, 1);
    }

    /** The value of one signal, or null when it is missing; {@link JudgeSignal#MEAN} averages those present. */
    public Double signal(JudgeSignal which) {
        return switch (which) {
            case POINTWISE -> pointwise;
            case LISTWISE -> listwise;
            case MEAN -> mean();
        };
    }

    private Double mean() {
        if (pointwise == null) {
            return listwise;
        }
        if (listwise == null) {
            return pointwise;
        }
        return (pointwise + listwise) / 2;
    }

    private static void requireUnit(Double value, String what) {
        if (value != null && !(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], not: " + value);
        }
    }
}
