package dev.fixpoint.tasks.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatchTest {

    @Test
    void parsesFilesOfAGitPatch() {
        Patch p = Patch.parse("diff --git a/src/a.py b/src/a.py\nindex 1111111..2222222 100644\n"
                + "--- a/src/a.py\n+++ b/src/a.py\n@@ -1 +1 @@\n-x = 1\n+x = 2\n"
                + "diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\n--- a/gone.txt\n+++ /dev/null\n"
                + "@@ -1 +0,0 @@\n-bye\n"
                + "diff --git a/old.py b/new.py\nsimilarity index 100%\nrename from old.py\nrename to new.py\n"
                + "diff --git a/img.png b/img.png\nnew file mode 100644\nBinary files /dev/null and b/img.png differ\n");

        assertEquals(List.of(
                new Patch.FileChange(Patch.ChangeType.MODIFY, "src/a.py", "src/a.py", false),
                new Patch.FileChange(Patch.ChangeType.DELETE, "gone.txt", null, false),
                new Patch.FileChange(Patch.ChangeType.RENAME, "old.py", "new.py", false),
                new Patch.FileChange(Patch.ChangeType.ADD, null, "img.png", true)), p.files());
        assertEquals(Set.of("src/a.py", "gone.txt", "old.py", "new.py", "img.png"), p.paths());
        assertEquals("img.png", p.binaryFiles().get(0).path());
        assertFalse(p.isEmpty());
    }

    @Test
    void blankIsEmptyAndProseIsRejected() {
        assertSame(Patch.EMPTY, Patch.parse("  \n"));
        assertTrue(Patch.EMPTY.isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Patch.parse("I fixed the bug in cart.py"));
        assertTrue(e.getMessage().startsWith("not a patch: no file headers found"), e.getMessage());
    }

    @Test
    void aTruncatedHunkIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Patch.parse(
                "diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1,5 +1,5 @@\n-x = 1\n+x = 2\n"));
        assertTrue(e.getMessage().startsWith("not a valid patch: "), e.getMessage());
    }
}
