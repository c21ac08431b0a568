package dev.fixpoint.verifiers.select;

import java.util.List;

/**
 * A strategy's verdict on a pool before abstention: one score per candidate, in pool order, and notes about
 * how it was reached (fallbacks taken, signals missing).
 */
public record Scoring(List<CandidateScore> scores, List<String> notes) {

    public Scoring {
        scores = List.copyOf(scores);
        notes = List.copyOf(notes);
    }

    public static Scoring of(List<CandidateScore> scores) {
        return new Scoring(scores, List.of());
    }
}
