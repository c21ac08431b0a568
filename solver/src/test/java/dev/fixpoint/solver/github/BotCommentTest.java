package dev.fixpoint.solver.github;

import dev.fixpoint.solver.report.BatchRunReader;
import dev.fixpoint.solver.report.SyntheticRun;
import dev.fixpoint.solver.report.TaskRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.fixpoint.tasks.testing.TextAssertions.assertContainsAll;
import static org.junit.jupiter.api.Assertions.*;

/** The bot's bar and its comment, on tasks of a synthetic run written by the real writers. */
class BotCommentTest {

    @TempDir
    static Path dir;
    static List<TaskRun> tasks;

    @BeforeAll
    static void writeRun() throws IOException {
        SyntheticRun.write(SyntheticRun.Spec.small(), dir.resolve("batch"), null, false);
        tasks = BatchRunReader.read(dir.resolve("batch")).tasks();
    }

    static TaskRun withStatus(String status) {
        return tasks.stream().filter(t -> t.status().equals(status) && t.selection().isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + status + " task in the synthetic run"));
    }

    static String render(TaskRun t, BotBar.Decision d, Optional<String> pr) {
        String patch = t.chosen().flatMap(t::rollout).map(r -> r.patch()).orElse("");
        return BotComment.render(new BotComment.Facts(t, "Crash on empty input", "openai:gpt-synthetic", false, d,
                d.offer() ? patch : "", Duration.ofSeconds(250), pr));
    }

    @Test
    void theBarWantsAScoreAndAgreeingAttempts() {
        TaskRun t = withStatus("SELECTED");
        double score = t.selection().orElseThrow().winningScore();
        assertTrue(new BotBar(score, 1).decide(t).offer());
        BotBar.Decision low = new BotBar(score + 0.01, 1).decide(t);
        assertFalse(low.offer());
        assertTrue(low.why().contains("not strong enough") && low.why().contains(String.format(java.util.Locale.ROOT, "%.2f", score)), low.why());
        BotBar.Decision lonely = new BotBar(0, 99).decide(t);
        assertFalse(lonely.offer());
        assertTrue(lonely.why().contains("wants 99 that agree"), lonely.why());
        assertFalse(new BotBar(0, 1).decide(withStatus("ABSTAINED")).offer(), "never offers what the selection abstained on");
        assertThrows(IllegalArgumentException.class, () -> new BotBar(0.5, 0));
    }

    @Test
    void anOfferedFixReadsInPlainWords() {
        TaskRun t = withStatus("SELECTED");
        String c = render(t, new BotBar(0, 1).decide(t), Optional.of("https://github.com/acme/w/pull/3"));
        assertTrue(c.startsWith("### Fixpoint suggests a fix"), c);
        assertContainsAll(c, "**The issue:** Crash on empty input", "also as a draft pull request: https://github.com/acme/w/pull/3",
                "made this same change", "written to reproduce the issue", "```diff");
        assertTrue(c.matches("(?s).*\\*\\*What changes:\\*\\* \\d+ files?, \\+\\d+ −\\d+: `.*"), c);
        assertTrue(c.matches("(?s).*Cost: (\\$\\d+\\.\\d\\d|less than \\$0\\.01|cost unknown.*), [0-9,]+ tokens, 4 minutes\\..*"), c);
        for (String jargon : List.of("cluster", "score", "rollout-", "0.000")) assertFalse(c.contains(jargon), jargon + " in: " + c);
    }

    @Test
    void noFixSaysWhyAndWhatWasTriedWithoutAPatch() {
        TaskRun t = withStatus("ABSTAINED");
        String c = render(t, new BotBar(0.8, 2).decide(t), Optional.empty());
        assertTrue(c.startsWith("### Fixpoint has no confident fix"), c);
        assertTrue(c.contains("offers no patch: the checks did not single out any attempt."), c);
        assertTrue(c.contains("**What was tried**") && c.matches("(?s).*- \\d+ attempts? produced \\d+ different changes?.*"), c);
        assertFalse(c.contains("```diff") || c.contains("passed the checks"), c);
    }

    @Test
    void centsAndMinutes() {
        assertEquals("$0.12", BotComment.cents(new BigDecimal("0.1249")));
        assertEquals("less than $0.01", BotComment.cents(new BigDecimal("0.00000042")));
        assertEquals("$3.00", BotComment.cents(new BigDecimal("2.999")));
        assertEquals("45 seconds", BotComment.minutes(Duration.ofSeconds(45)));
        assertEquals("12 minutes", BotComment.minutes(Duration.ofSeconds(725)));
    }
}
