package dev.fixpoint.verifiers.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HunkApplierTest {

    private static final String BASE = Diffs.lines("a", "b", "c", "d", "e", "f", "g");

    private static FileDiff only(String patch) {
        UnifiedDiff diff = UnifiedDiffParser.parse(patch);
        assertTrue(diff.ok(), diff.problems()::toString);
        return diff.files().get(0);
    }

    @Test
    void appliesAtTheNamedLine() {
        HunkApplier.Result r = HunkApplier.apply(only(Diffs.modify("f.txt", "@@ -2,3 +2,3 @@", " b", "-c", "+C", " d")),
                Optional.of(BASE));
        assertEquals(Optional.of(Diffs.lines("a", "b", "C", "d", "e", "f", "g")), r.postImage());
    }

    @Test
    void findsAHunkWhoseLineNumbersAreOff() {
        HunkApplier.Result r = HunkApplier.apply(
                only(Diffs.modify("f.txt", "@@ -40,2 +40,3 @@", " e", "+E2", " f")), Optional.of(BASE));
        assertEquals(Optional.of(Diffs.lines("a", "b", "c", "d", "e", "E2", "f", "g")), r.postImage());
    }

    @Test
    void appliesSeveralHunksInOrderAndPureInsertions() {
        HunkApplier.Result r = HunkApplier.apply(only(Diffs.modify("f.txt",
                "@@ -0,0 +1 @@", "+top",
                "@@ -6,2 +7,1 @@", " f", "-g")), Optional.of(BASE));
        assertEquals(Optional.of(Diffs.lines("top", "a", "b", "c", "d", "e", "f")), r.postImage());
    }

    @Test
    void mismatchedContextFailsWithTheHunkNamed() {
        HunkApplier.Result r = HunkApplier.apply(only(Diffs.modify("f.txt", "@@ -2,2 +2,2 @@", " b", "-x", "+y")),
                Optional.of(BASE));
        assertFalse(r.applied());
        assertEquals("f.txt: hunk @@ -2,2 @@ does not match the base", r.problem());
    }

    @Test
    void toleratesTrailingWhitespaceOnlyWhenNoExactMatch() {
        HunkApplier.Result r = HunkApplier.apply(only(Diffs.modify("f.txt", "@@ -1,2 +1,2 @@", " a", "-b", "+B")),
                Optional.of(Diffs.lines("a  ", "b", "c")));
        assertEquals(Optional.of(Diffs.lines("a", "B", "c")), r.postImage());
    }

    @Test
    void missingBaseFileAndExistingNewFileFail() {
        HunkApplier.Result missing = HunkApplier.apply(only(Diffs.modify("f.txt", "@@ -1 +1 @@", "-a", "+b")),
                Optional.empty());
        assertEquals("f.txt: file does not exist in the base", missing.problem());

        FileDiff created = only(Diffs.lines("--- /dev/null", "+++ b/n.txt", "@@ -0,0 +1 @@", "+n"));
        assertEquals(Optional.of("n\n"), HunkApplier.apply(created, Optional.empty()).postImage());
        assertFalse(HunkApplier.apply(created, Optional.of("x\n")).applied());
    }
}
