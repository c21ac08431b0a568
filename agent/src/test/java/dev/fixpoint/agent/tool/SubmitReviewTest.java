package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.Role;
import dev.fixpoint.agent.testing.GitRepo;
import dev.fixpoint.agent.testing.LocalSandbox;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.tasks.layout.SourceLanguage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.fixpoint.agent.tool.JavaEditChecksTest.json;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Review before submit on a real git repository: the first submit shows the patch and warnings and does not end the
 * session; a second submit with nothing changed in between submits; a change in between brings a new review.
 * Without review (the default) and for test writers, one submit ends the session.
 */
class SubmitReviewTest {

    @TempDir Path repo;
    @TempDir Path state;
    ToolContext ctx;
    String base;
    final Toolbox reviewing = Toolbox.forTask(Role.FIX, SourceLanguage.PYTHON, new ToolOptions(EditChecks.ALL, true));

    @BeforeEach
    void setUp() throws Exception {
        base = GitRepo.create(repo, Map.of(
                "calc/ops.py", "def add(a, b):\n    return a - b\n",
                "calc/tests/test_ops.py", "from calc.ops import add\n\n\ndef test_add():\n    assert add(1, 1) == 2\n",
                "README.md", "calc\n"));
        ctx = new ToolContext(new LocalSandbox(repo), repo.toString(), state.toString(), null, null).withBaseCommit(base);
    }

    private Observation submit(Toolbox tools) {
        return tools.run(new ToolCall("s", "submit", json(Map.of("summary", "fixed add"))), ctx);
    }

    @Test
    void theFirstSubmitShowsTheDiffAndTheSecondSubmits() throws Exception {
        Files.writeString(repo.resolve("calc/ops.py"), "def add(a, b):\n    return a + b\n");
        Files.writeString(repo.resolve("reproduce_issue.py"), "from calc.ops import add\nassert add(1, 1) == 2\n");
        Observation first = submit(reviewing);
        assertFalse(first.submitted(), first.text());
        assertFalse(first.error(), first.text());
        assertTrue(first.text().startsWith("Review before submitting: this is not submitted yet.\n"), first.text());
        assertTrue(first.text().contains("-    return a - b\n+    return a + b\n"), first.text());
        assertFalse(first.text().contains("reproduce_issue.py"), "reproduction files are not part of the patch: " + first.text());
        assertTrue(first.text().contains("No warnings."), first.text());
        assertTrue(first.text().endsWith("call submit again without changing anything."), first.text());

        Observation second = submit(reviewing);
        assertTrue(second.submitted(), second.text());
        assertEquals("Submitted after review. Summary: fixed add", second.text());
    }

    @Test
    void aChangeAfterTheReviewBringsANewReview() throws Exception {
        Files.writeString(repo.resolve("calc/ops.py"), "def add(a, b):\n    return a + b\n");
        assertFalse(submit(reviewing).submitted());
        Files.writeString(repo.resolve("calc/ops.py"), "def add(a, b):\n    return b + a\n");
        Observation again = submit(reviewing);
        assertFalse(again.submitted(), again.text());
        assertTrue(again.text().contains("+    return b + a"), again.text());
        assertTrue(submit(reviewing).submitted());
    }

    @Test
    void warningsNameTheFilesAndWhatIsWrong() throws Exception {
        Files.writeString(repo.resolve("calc/ops.py"), "def add(a, b):\n    return a + b\n");
        Files.writeString(repo.resolve("calc/tests/test_ops.py"), "from calc.ops import add\n\n\ndef test_add():\n    assert add(2, 2) == 4\n");
        Files.writeString(repo.resolve("calc/test_issue_debug.py"), "print(1)\n");
        Files.writeString(repo.resolve("notes.txt"), "what I did\n");
        Files.createDirectories(repo.resolve("patches"));
        Files.writeString(repo.resolve("patches/fix.diff"), "x\n");
        Files.writeString(repo.resolve("calc/big.py"), "x = 1\n".repeat(SubmitReview.LARGE_LINES + 1));
        String text = submit(reviewing).text();
        assertTrue(text.contains("- calc/tests/test_ops.py: an existing test file is changed. At grading the hidden tests replace"), text);
        assertTrue(text.contains("- calc/test_issue_debug.py: looks like a reproduction or scratch file and is part of the patch"), text);
        assertTrue(text.contains("- notes.txt: a new file outside the repository's source tree (at the repository root)."), text);
        assertTrue(text.contains("- patches/fix.diff: a new file outside the repository's source tree (in a new top-level directory)."), text);
        assertTrue(text.contains("- a very large diff: " + (SubmitReview.LARGE_LINES + 8) + " changed lines in 6 files."), text);
        assertFalse(text.contains("calc/big.py: a new file outside"), "a new file in an existing directory is in the source tree: " + text);
    }

    @Test
    void nothingChangedIsAWarningAndStillSubmitsWhenConfirmed() {
        Observation first = submit(reviewing);
        assertFalse(first.submitted());
        assertTrue(first.text().contains("- nothing changed: the patch is empty, so submitting it fixes nothing."), first.text());
        assertTrue(submit(reviewing).submitted());
    }

    @Test
    void withoutReviewAndForTestWritersOneSubmitEndsTheSession() {
        assertTrue(submit(Toolbox.forTask(Role.FIX, SourceLanguage.PYTHON)).submitted());
        assertTrue(submit(Toolbox.forTask(Role.WRITE_TEST, SourceLanguage.PYTHON, new ToolOptions(EditChecks.ALL, true))).submitted());
        ToolCall call = new ToolCall("s", "submit", "{}");
        assertTrue(reviewing.specs().stream().anyMatch(s -> s.name().equals("submit") && s.description().contains("call submit again")));
        assertTrue(Toolbox.forTask(Role.FIX, SourceLanguage.PYTHON).specs().stream()
                .noneMatch(s -> s.description().contains("call submit again")), call.toString());
    }
}
