package dev.fixpoint.tasks.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.testing.Diffs;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchReadTest {

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

        ParsedPatch diff = Patch.read(patch);

        assertEquals(List.of(), diff.problems());
        assertEquals(4, diff.patch().diffs().size());
        FileDiff a = diff.patch().diffs().get(0);
        assertEquals("src/a.py", a.path());
        assertEquals(List.of(" x = 1", "-y = 2", "+y = 3"), a.hunks().get(0).lines());
        assertTrue(diff.patch().diffs().get(1).isNewFile());
        assertEquals(List.of("hello"), diff.patch().diffs().get(1).hunks().get(0).added());
        assertTrue(diff.patch().diffs().get(2).isDeletion());
        assertNull(diff.patch().diffs().get(2).newPath());
        FileDiff rename = diff.patch().diffs().get(3);
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

        ParsedPatch diff = Patch.read(patch);

        assertTrue(diff.ok(), diff.problems()::toString);
        assertEquals("m.py", diff.patch().diffs().get(0).path());
        assertEquals(List.of(" def f():", " ", "-    return 1", "+    return 2"), diff.patch().diffs().get(0).hunks().get(0).lines());
    }

    @Test
    void truncatedHunkAndBadHeaderAreProblemsNotExceptions() {
        ParsedPatch truncated = Patch.read(Diffs.modify("a.py", "@@ -1,3 +1,3 @@", " x", "-y"));
        assertFalse(truncated.ok());
        assertTrue(truncated.problems().get(0).contains("a.py: hunk at line 5 is truncated"), truncated.problems()::toString);

        ParsedPatch badHeader = Patch.read(Diffs.modify("a.py", "@@ -x +y @@", "-y"));
        assertTrue(badHeader.problems().get(0).contains("malformed hunk header"), badHeader.problems()::toString);

        ParsedPatch countsTooLarge = Patch.read(Diffs.modify("a.py", "@@ -1,3 +1,3 @@", " x", "-y", "+z"));
        assertEquals(List.of("a.py: hunk at line 5 is truncated: 1 old and 1 new lines missing"), countsTooLarge.problems());

        ParsedPatch noHunks = Patch.read(Diffs.lines("--- a/a.py", "+++ b/a.py"));
        assertEquals(List.of("a.py: file diff has no hunks"), noHunks.problems());
    }

    @Test
    void proseWithoutAnyFileHeaderYieldsNoFiles() {
        ParsedPatch diff = Patch.read("I could not fix this issue.\n");
        assertTrue(diff.ok());
        assertTrue(diff.patch().diffs().isEmpty());
    }
}
