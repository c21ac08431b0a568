package dev.fixpoint.verifiers.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffParserTest {

    @Test
    void parsesGitDiffWithNewDeletedAndRenamedFilesAndIgnoresPreamble() {
        String patch = Diffs.lines(
                "I fixed the bug by editing two files.",
                "diff --git a/src/a.py b/src/a.py",
                "index 1111111..2222222 100644",
                "--- a/src/a.py",
                "+++ b/src/a.py",
                "@@ -1,2 +1,2 @@",
                " x = 1",
                "-y = 2",
                "+y = 3",
                "\\ No newline at end of file",
                "diff --git a/new.txt b/new.txt",
                "new file mode 100644",
                "index 0000000..3333333",
                "--- /dev/null",
                "+++ b/new.txt",
                "@@ -0,0 +1 @@",
                "+hello",
                "diff --git a/old.txt b/old.txt",
                "deleted file mode 100644",
                "--- a/old.txt",
                "+++ /dev/null",
                "@@ -1 +0,0 @@",
                "-bye",
                "diff --git a/from.py b/to.py",
                "similarity index 100%",
                "rename from from.py",
                "rename to to.py");

        UnifiedDiff diff = UnifiedDiffParser.parse(patch);

        assertEquals(List.of(), diff.problems());
        assertEquals(4, diff.files().size());
        FileDiff a = diff.files().get(0);
        assertEquals("src/a.py", a.path());
        assertEquals(List.of(" x = 1", "-y = 2", "+y = 3"), a.hunks().get(0).lines());
        assertTrue(diff.files().get(1).isNewFile());
        assertEquals(List.of("hello"), diff.files().get(1).hunks().get(0).added());
        assertTrue(diff.files().get(2).isDeletion());
        assertNull(diff.files().get(2).newPath());
        FileDiff rename = diff.files().get(3);
        assertEquals("from.py", rename.oldPath());
        assertEquals("to.py", rename.newPath());
        assertTrue(rename.hunks().isEmpty());
    }

    @Test
    void plainDiffWithTimestampsAndStrippedBlankContextLine() {
        String patch = Diffs.lines(
                "--- a/m.py\t2024-01-01 10:00:00",
                "+++ b/m.py\t2024-01-01 10:00:01",
                "@@ -1,3 +1,3 @@",
                " def f():",
                "",
                "-    return 1",
                "+    return 2");

        UnifiedDiff diff = UnifiedDiffParser.parse(patch);

        assertTrue(diff.ok(), diff.problems()::toString);
        assertEquals("m.py", diff.files().get(0).path());
        assertEquals(List.of(" def f():", " ", "-    return 1", "+    return 2"), diff.files().get(0).hunks().get(0).lines());
    }

    @Test
    void truncatedHunkAndBadHeaderAreProblemsNotExceptions() {
        UnifiedDiff truncated = UnifiedDiffParser.parse(Diffs.modify("a.py", "@@ -1,3 +1,3 @@", " x", "-y"));
        assertFalse(truncated.ok());
        assertTrue(truncated.problems().get(0).contains("a.py: hunk at line 5 is truncated"), truncated.problems()::toString);

        UnifiedDiff badHeader = UnifiedDiffParser.parse(Diffs.modify("a.py", "@@ -x +y @@", "-y"));
        assertTrue(badHeader.problems().get(0).contains("malformed hunk header"), badHeader.problems()::toString);

        UnifiedDiff countsTooLarge = UnifiedDiffParser.parse(Diffs.modify("a.py", "@@ -1,3 +1,3 @@", " x", "-y", "+z"));
        assertEquals(List.of("a.py: hunk at line 5 is truncated: 1 old and 1 new lines missing"), countsTooLarge.problems());

        UnifiedDiff noHunks = UnifiedDiffParser.parse(Diffs.lines("--- a/a.py", "+++ b/a.py"));
        assertEquals(List.of("a.py: file diff has no hunks"), noHunks.problems());
    }

    @Test
    void proseWithoutAnyFileHeaderYieldsNoFiles() {
        UnifiedDiff diff = UnifiedDiffParser.parse("I could not fix this issue.\n");
        assertTrue(diff.ok());
        assertTrue(diff.files().isEmpty());
    }
}
