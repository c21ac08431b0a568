package dev.fixpoint.verifiers.select;

import java.util.List;
import java.util.Objects;

/**
 * Picks the change most rollouts made: score = the candidate's cluster size over the number of usable
 * candidates. Needs nothing but de-duplication.
 */
public record MajorityVote(Abstention abstention) implements SelectionStrategy {

    public MajorityVote {
        Objects.requireNonNull(abstention, "abstention");
    }

    /** Never abstains on score: the largest cluster wins, ties go to the earliest candidate. */
    public static MajorityVote defaults() {
        return new MajorityVote(new Abstention(0.0, 0.0));
    }

    @Override
    public String name() {
        return "majority-vote";
    }

    @Override
    public Scoring score(List<Evidence> pool) {
        long usable = pool.stream().filter(Evidence::usable).count();
        return Scoring.of(pool.stream().map(e -> e.usable()
                ? CandidateScore.of(e, (double) e.clusterSize() / usable)
                : CandidateScore.exclude(e, e.unusableReason())).toList());
    }

    @Override
    public boolean usesExecution() {
        return false;
    }

    @Override
    public boolean usesModel() {
        return false;
    }
}
