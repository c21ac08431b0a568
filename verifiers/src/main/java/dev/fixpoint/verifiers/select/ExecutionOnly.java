package dev.fixpoint.verifiers.select;

import java.util.List;
import java.util.Objects;

/**
 * Trusts the tests alone: score = share of reproduction tests passed, among candidates the
 * {@link ExecutionFilter} keeps. Ties (common when tests are weak) fall to the larger cluster.
 */
public record ExecutionOnly(ExecutionFilter filter, Abstention abstention) implements SelectionStrategy {

    public ExecutionOnly {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(abstention, "abstention");
    }

    /** Default filter; abstains unless the winner passes at least half of the reproduction tests. */
    public static ExecutionOnly defaults() {
        return new ExecutionOnly(ExecutionFilter.defaults(), new Abstention(0.5, 0.0));
    }

    @Override
    public String name() {
        return "execution-only";
    }

    @Override
    public Scoring score(List<Evidence> pool) {
        int tolerated = filter.toleratedBreaks(pool);
        return new Scoring(pool.stream().map(e -> scoreOf(e, tolerated)).toList(),
                ExecutionFilter.toleranceNote(tolerated).stream().toList());
    }

    private CandidateScore scoreOf(Evidence e, int tolerated) {
        if (!e.usable()) {
            return CandidateScore.exclude(e, e.unusableReason());
        }
        String excluded = filter.exclusion(e, tolerated);
        return excluded.isEmpty() ? CandidateScore.of(e, e.execution().reproductionRate())
                : CandidateScore.exclude(e, excluded);
    }

    @Override
    public boolean usesModel() {
        return false;
    }
}
