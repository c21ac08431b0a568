package dev.fixpoint.solver.github;

import dev.fixpoint.solver.report.TaskRun;
import dev.fixpoint.verifiers.select.Evidence;
import dev.fixpoint.verifiers.select.Selection;

import java.util.Locale;
import java.util.Optional;

/**
 * When the bot offers a patch: the selection chose one, its score reaches {@code minScore} and at least
 * {@code minAgreeing} attempts made that same change. Separate from the selection's own abstention bar (which
 * decides what goes into predictions), and stricter by default: a wrong patch on a real issue costs its readers.
 *
 * @param minScore    the chosen candidate's selection score must be at least this (config {@code bot_min_score})
 * @param minAgreeing at least this many attempts made the chosen change (config {@code bot_min_agreeing})
 */
public record BotBar(double minScore, int minAgreeing) {

    public static final double DEFAULT_MIN_SCORE = 0.8;
    public static final int DEFAULT_MIN_AGREEING = 2;

    public BotBar {
        if (!Double.isFinite(minScore)) throw new IllegalArgumentException("bot_min_score must be a number, not: " + minScore);
        if (minAgreeing < 1) throw new IllegalArgumentException("bot_min_agreeing must be at least 1, not: " + minAgreeing);
    }

    /** Whether the task's chosen patch is one to offer, and if not, why (in plain words). */
    public Decision decide(TaskRun task) {
        Optional<Selection> selection = task.selection();
        if (selection.isEmpty() || selection.get().abstained() || task.chosen().isEmpty()) {
            return new Decision(false, "the checks did not single out any attempt");
        }
        Selection s = selection.get();
        double score = s.winningScore() == null ? Double.NEGATIVE_INFINITY : s.winningScore();
        int agreeing = s.evidence().stream().filter(e -> e.candidateId().equals(s.chosenCandidateId()))
                .mapToInt(Evidence::clusterSize).findFirst().orElse(1);
        if (agreeing < minAgreeing) {
            return new Decision(false, "only " + agreeing + " attempt" + (agreeing == 1 ? "" : "s") + " made the best change; the bot wants "
                    + minAgreeing + " that agree before it offers a patch");
        }
        if (score < minScore) {
            return new Decision(false, String.format(Locale.ROOT, "the evidence for the best change is not strong enough (score %.2f, "
                    + "the bot wants %.2f)", score, minScore));
        }
        return new Decision(true, "");
    }

    /** @param offer post the patch; @param why when not, the reason in words */
    public record Decision(boolean offer, String why) {}
}
