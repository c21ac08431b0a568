package dev.fixpoint.solver.github;

import dev.fixpoint.solver.report.Spend;
import dev.fixpoint.solver.report.TaskRun;
import dev.fixpoint.tasks.git.FileDiff;
import dev.fixpoint.tasks.git.Patch;
import dev.fixpoint.verifiers.select.Evidence;
import dev.fixpoint.verifiers.select.ExecutionEvidence;
import dev.fixpoint.verifiers.select.Selection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bot's Markdown comment, in plain words for the people on the issue: what was wrong, what the change does,
 * how it was checked (which tests, how many attempts agreed), what it cost (rounded to cents); or, when it offers
 * nothing, why and what was tried. The full evidence stays in the run's {@code selection.json}.
 */
public final class BotComment {

    private static final int MAX_PATCH_CHARS = 50_000;
    private static final int MAX_FILES_NAMED = 10;

    /**
     * What the comment is about.
     *
     * @param task        the task as its run directory records it
     * @param issueTitle  the issue's first line ("" if unknown)
     * @param model       the model's label
     * @param scripted    the model was a script (the comment says so)
     * @param decision    whether the bot offers the chosen patch
     * @param patch       the chosen patch ("" when none)
     * @param wallTime    how long the work took
     * @param pullRequest the draft pull request opened with the patch, if any
     */
    public record Facts(TaskRun task, String issueTitle, String model, boolean scripted, BotBar.Decision decision, String patch,
                        Duration wallTime, Optional<String> pullRequest) {}

    private BotComment() {}

    public static String render(Facts f) {
        var sb = new StringBuilder();
        int attempts = f.task().rollouts().size();
        String who = "`" + f.model() + "`" + (f.scripted() ? " (scripted sessions, not a live model)" : "");
        if (f.decision().offer()) {
            sb.append("### Fixpoint suggests a fix\n\n");
            if (!f.issueTitle().isBlank()) sb.append("**The issue:** ").append(f.issueTitle().strip()).append("\n\n");
            sb.append("Fixpoint made ").append(plural(attempts, "attempt")).append(" at this issue with ").append(who)
                    .append(" and suggests the change below");
            f.pullRequest().ifPresent(url -> sb.append(", also as a draft pull request: ").append(url));
            sb.append(".\n\n");
            sb.append("**What changes:** ").append(diffStat(f.patch())).append("\n\n");
            sb.append("**How it was checked**\n");
            checks(f).forEach(l -> sb.append("- ").append(l).append('\n'));
            sb.append('\n');
            String patch = f.patch().length() > MAX_PATCH_CHARS
                    ? f.patch().substring(0, MAX_PATCH_CHARS) + "\n... (cut here: the whole patch is in the run's patch.diff)\n" : f.patch();
            sb.append("<details><summary>The patch</summary>\n\n```diff\n").append(patch).append(patch.endsWith("\n") ? "" : "\n")
                    .append("```\n\n</details>\n\n");
            sb.append("<sub>Suggested by Fixpoint. Please review before merging: passing these checks is evidence, not proof.</sub>\n");
        } else {
            sb.append("### Fixpoint has no confident fix\n\n");
            sb.append("Fixpoint made ").append(plural(attempts, "attempt")).append(" at this issue with ").append(who)
                    .append(" and offers no patch: ").append(f.decision().why()).append(".\n\n");
            sb.append("**What was tried**\n");
            tried(f).forEach(l -> sb.append("- ").append(l).append('\n'));
            sb.append('\n');
            sb.append("<sub>Fixpoint stays quiet rather than suggest a change it cannot back with tests.</sub>\n");
        }
        return sb.toString();
    }

    /** "2 files, +12 −3: `a.py` (+10 −2), `b.py` (+2 −1)". */
    static String diffStat(String patch) {
        List<FileDiff> files = Patch.read(patch).patch().diffs();
        int added = 0, removed = 0;
        List<String> named = new ArrayList<>();
        for (FileDiff d : files) {
            int a = d.addedLines();
            int r = d.removedLines();
            added += a;
            removed += r;
            if (named.size() < MAX_FILES_NAMED) {
                named.add("`" + d.path() + "` (" + (d.binary() ? "binary" : "+" + a + " −" + r)
                        + (d.isNewFile() ? ", new" : d.isDeletion() ? ", deleted" : "") + ")");
            }
        }
        String more = files.size() > named.size() ? ", and " + (files.size() - named.size()) + " more" : "";
        return plural(files.size(), "file") + ", +" + added + " −" + removed + ": " + String.join(", ", named) + more;
    }

    private static List<String> checks(Facts f) {
        List<String> lines = new ArrayList<>();
        Optional<Selection> s = f.task().selection();
        Optional<Evidence> chosen = s.flatMap(sel -> sel.evidence().stream()
                .filter(e -> e.candidateId().equals(sel.chosenCandidateId())).findFirst());
        int distinct = distinctChanges(f.task());
        chosen.ifPresent(e -> lines.add(e.clusterSize() + " of " + plural(f.task().rollouts().size(), "attempt")
                + " made this same change (" + plural(distinct, "different change") + " in all)."));
        chosen.map(Evidence::execution).ifPresent(x -> lines.addAll(testLines(x)));
        lines.add(cost(f));
        return lines;
    }

    private static List<String> testLines(ExecutionEvidence x) {
        List<String> lines = new ArrayList<>();
        if (x.reproductionTotal() == 0) {
            lines.add("No test reproducing the issue could be written, so the change was not run against one.");
        } else {
            lines.add("It passes " + x.reproductionPassed() + " of " + plural(x.reproductionTotal(), "test")
                    + " written to reproduce the issue.");
        }
        if (x.regressionTotal() == 0) {
            lines.add("No existing test of the repository was run against it.");
        } else {
            lines.add(x.regressionBroken() == 0
                    ? "It breaks none of the " + plural(x.regressionTotal(), "existing test") + " run against it."
                    : "It breaks " + x.regressionBroken() + " of the " + plural(x.regressionTotal(), "existing test") + " run against it.");
        }
        return lines;
    }

    private static List<String> tried(Facts f) {
        List<String> lines = new ArrayList<>();
        TaskRun t = f.task();
        long noChange = t.rollouts().stream().filter(r -> r.patch().isBlank()).count();
        int distinct = distinctChanges(t);
        lines.add(plural(t.rollouts().size(), "attempt") + " produced " + plural(distinct, "different change")
                + (noChange > 0 ? "; " + noChange + " changed nothing" : "") + ".");
        t.selection().flatMap(s -> s.evidence().stream().filter(e -> e.execution() != null)
                .max(Comparator.comparingInt((Evidence e) -> e.execution().reproductionPassed())
                        .thenComparingInt(e -> -e.execution().regressionBroken())))
                .ifPresent(best -> {
                    List<String> tests = testLines(best.execution());
                    lines.add("The best-tested change (made by " + plural(best.clusterSize(), "attempt") + "): "
                            + lowerFirst(String.join(" ", tests)));
                });
        lines.add(cost(f));
        return lines;
    }

    private static int distinctChanges(TaskRun t) {
        if (!t.clusters().isEmpty()) return (int) t.clusters().stream().filter(c -> !c.files().isEmpty()).count();
        return (int) t.rollouts().stream().map(r -> r.patch()).filter(p -> !p.isBlank()).distinct().count();
    }

    private static String cost(Facts f) {
        Spend s = f.task().spend();
        String money = s.scripted() ? "no model was paid (scripted)"
                : s.knownUsd().map(BotComment::cents).orElse("cost unknown (a model has no price)");
        return "Cost: " + money + ", " + String.format(Locale.ROOT, "%,d", s.tokens()) + " tokens, " + minutes(f.wallTime()) + ".";
    }

    /** Dollars rounded to cents; below half a cent, "less than $0.01". */
    static String cents(BigDecimal usd) {
        BigDecimal c = usd.setScale(2, RoundingMode.HALF_UP);
        return c.signum() == 0 && usd.signum() > 0 ? "less than $0.01" : "$" + c.toPlainString();
    }

    static String minutes(Duration d) {
        long s = d.toSeconds();
        return s < 90 ? plural((int) s, "second") : plural((int) Math.round(s / 60.0), "minute");
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
