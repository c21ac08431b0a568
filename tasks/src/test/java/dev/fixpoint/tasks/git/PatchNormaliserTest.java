package dev.fixpoint.tasks.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.testing.Diffs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What editors and models strip or mangle, read through {@link Patch#read} and applied in memory. */
class PatchNormaliserTest {

    private static final String BASE = Diffs.lines("def f():", "", "    return 1", "");
    private static final String FIXED = Diffs.lines("def f():", "", "    return 2", "");
    private static final String GIT = Diffs.modify("m.py", "@@ -1,3 +1,3 @@", " def f():", " ", "-    return 1",
            "+    return 2");

    private static FileDiff only(String patch) {
        ParsedPatch parsed = Patch.read(patch);
        assertTrue(parsed.ok(), parsed.problems()::toString);
        assertEquals(1, parsed.patch().diffs().size());
        return parsed.patch().diffs().get(0);
    }

    @Test
    void crlfLineEndsReadAndApplyLikeLf() {
        FileDiff lf = only(GIT);
        FileDiff crlf = only(GIT.replace("\n", "\r\n"));
        assertEquals(lf, crlf);
        assertEquals(Optional.of(FIXED), crlf.applyTo(Optional.of(BASE.replace("\n", "\r\n"))).postImage());
    }

    @Test
    void aMissingFinalNewlineStillEndsTheLastLine() {
        FileDiff cut = only(GIT.substring(0, GIT.length() - 1));
        assertEquals(List.of(" def f():", " ", "-    return 1", "+    return 2"), cut.hunks().get(0).lines());
        assertEquals(Optional.of(FIXED), cut.applyTo(Optional.of(BASE)).postImage());
    }

    @Test
    void pathsWithoutPrefixesAreTakenAsTheyAre() {
        // JGit alone strips the first directory ("a.py"); a model that drops a/ and b/ means src/a.py.
        FileDiff plain = only(Diffs.lines("--- src/a.py", "+++ src/a.py", "@@ -1 +1 @@", "-x = 1", "+x = 2"));
        assertEquals(new Patch.FileChange(Patch.ChangeType.MODIFY, "src/a.py", "src/a.py", false), plain.change());
        FileDiff git = only(Diffs.lines("diff --git src/a.py src/a.py", "--- src/a.py", "+++ src/a.py",
                "@@ -1 +1 @@", "-x = 1", "+x = 2"));
        assertEquals(plain, git);
        FileDiff created = only(Diffs.lines("--- /dev/null", "+++ docs/new.md\t2024-01-01 10:00:00", "@@ -0,0 +1 @@",
                "+hello"));
        assertEquals(new Patch.FileChange(Patch.ChangeType.ADD, null, "docs/new.md", false), created.change());
    }

    @Test
    void quotedPathsAreDecodedAsGitWritesThem() {
        // git (and JGit's DiffFormatter) quote names with non-ASCII characters, as octal escapes
        FileDiff d = only(Diffs.lines("diff --git \"a/d\\303\\244.txt\" \"b/d\\303\\244.txt\"", "index 1..2 100644",
                "--- \"a/d\\303\\244.txt\"", "+++ \"b/d\\303\\244.txt\"", "@@ -1 +1 @@", "-x", "+y"));
        assertEquals(new Patch.FileChange(Patch.ChangeType.MODIFY, "d\u00e4.txt", "d\u00e4.txt", false), d.change());
    }

    @Test
    void omittedHunkCountsAreOne() {
        FileDiff d = only(Diffs.modify("a.py", "@@ -2 +2 @@", "-b", "+B"));
        assertEquals(new Hunk(2, 1, 2, 1, List.of("-b", "+B")), d.hunks().get(0));
        assertEquals(Optional.of(Diffs.lines("a", "B", "c")), d.applyTo(Optional.of(Diffs.lines("a", "b", "c")))
                .postImage());
    }

    @Test
    void hunkCountsAreNeverRewritten() {
        // too large: the hunk is truncated, a problem (never a guess at what was meant)
        ParsedPatch tooLarge = Patch.read(Diffs.modify("a.py", "@@ -1,4 +1,4 @@", " x", "-y", "+z"));
        assertEquals(List.of("a.py: hunk at line 5 is truncated: 2 old and 2 new lines missing"),
                tooLarge.problems());
        // too small: the hunk ends where its header says; what follows is not part of it
        ParsedPatch tooSmall = Patch.read(Diffs.modify("a.py", "@@ -1,1 +1,1 @@", "-y", "+z", "+extra"));
        assertTrue(tooSmall.ok(), tooSmall.problems()::toString);
        assertEquals(List.of("-y", "+z"), tooSmall.patch().diffs().get(0).hunks().get(0).lines());
        assertEquals(Optional.of(Diffs.lines("z")), tooSmall.patch().diffs().get(0).applyTo(Optional.of("y\n"))
                .postImage());
    }

    @Test
    void aContextLineWhoseSpaceWasStrippedIsAnEmptyContextLine() {
        FileDiff d = only(GIT.replace("\n \n", "\n\n"));
        assertEquals(List.of(" def f():", " ", "-    return 1", "+    return 2"), d.hunks().get(0).lines());
        assertEquals(Optional.of(FIXED), d.applyTo(Optional.of(BASE)).postImage());
    }

    @Test
    void aPlainFileHeaderAfterAGitFileIsAFileOfItsOwnEvenWithoutHunks() {
        ParsedPatch parsed = Patch.read(Diffs.lines("diff --git a/gone.py b/gone.py", "deleted file mode 100644",
                "--- a/gone.py", "+++ /dev/null", "@@ -1 +0,0 @@", "-bye",
                "--- x/plain.c\t2024-01-01", "+++ y/plain.c\t2024-01-02"));
        assertEquals(List.of("y/plain.c: file diff has no hunks"), parsed.problems());
        assertEquals(List.of(new Patch.FileChange(Patch.ChangeType.DELETE, "gone.py", null, false),
                new Patch.FileChange(Patch.ChangeType.MODIFY, "x/plain.c", "y/plain.c", true)), parsed.patch().files());
    }

    @Test
    void headerLinesJGitThrowOnAreProblems() {
        // a lone CR inside an index line (mixed line ends) makes JGit's header parser throw
        ParsedPatch parsed = Patch.read(GIT.replace("index 1111111..2222222", "index 11111\r11..2222222"));
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        assertTrue(parsed.problems().get(0).startsWith("JGit cannot parse the patch: "), parsed.problems()::toString);
    }

    @Test
    void strictParseNamesTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Patch.parse(Diffs.modify("a.py", "@@ -x +y @@", "-y")));
        assertEquals("not a valid patch: line 5: malformed hunk header: @@ -x +y @@; a.py: file diff has no hunks",
                e.getMessage());
    }
}
