package dev.fixpoint.tasks.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.testing.Diffs;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileDiffApplyTest {

    private static final String BASE = Diffs.lines("a", "b", "c", "d", "e", "f", "g");

    private static FileDiff only(String patch) {
        ParsedPatch diff = Patch.read(patch);
        assertTrue(diff.ok(), diff.problems()::toString);
        return diff.patch().diffs().get(0);
    }

    @Test
    void appliesAtTheNamedLine() {
        AppliedFile r = only(Diffs.modify("f.txt", "@@ -2,3 +2,3 @@", " b", "-c", "+C", " d"))
                .applyTo(Optional.of(BASE));
        assertEquals(Optional.of(Diffs.lines("a", "b", "C", "d", "e", "f", "g")), r.postImage());
    }

    @Test
    void findsAHunkWhoseLineNumbersAreOff() {
        AppliedFile r = only(Diffs.modify("f.txt", "@@ -40,2 +40,3 @@", " e", "+E2", " f"))
                .applyTo(Optional.of(BASE));
        assertEquals(Optional.of(Diffs.lines("a", "b", "c", "d", "e", "E2", "f", "g")), r.postImage());
    }

    @Test
    void appliesSeveralHunksInOrderAndPureInsertions() {
        AppliedFile r = only(Diffs.modify("f.txt",
                "@@ -0,0 +1 @@", "+top",
                "@@ -6,2 +7,1 @@", " f", "-g")).applyTo(Optional.of(BASE));
        assertEquals(Optional.of(Diffs.lines("top", "a", "b", "c", "d", "e", "f")), r.postImage());
    }

    @Test
    void mismatchedContextFailsWithTheHunkNamed() {
        AppliedFile r = only(Diffs.modify("f.txt", "@@ -2,2 +2,2 @@", " b", "-x", "+y"))
                .applyTo(Optional.of(BASE));
        assertFalse(r.applied());
        assertEquals("f.txt: hunk @@ -2,2 @@ does not match the base", r.problem());
    }

    @Test
    void toleratesTrailingWhitespaceOnlyWhenNoExactMatch() {
        AppliedFile r = only(Diffs.modify("f.txt", "@@ -1,2 +1,2 @@", " a", "-b", "+B"))
                .applyTo(Optional.of(Diffs.lines("a  ", "b", "c")));
        assertEquals(Optional.of(Diffs.lines("a", "B", "c")), r.postImage());
    }

    @Test
    void missingBaseFileAndExistingNewFileFail() {
        AppliedFile missing = only(Diffs.modify("f.txt", "@@ -1 +1 @@", "-a", "+b")).applyTo(Optional.empty());
        assertEquals("f.txt: file does not exist in the base", missing.problem());

        FileDiff created = only(Diffs.lines("--- /dev/null", "+++ b/n.txt", "@@ -0,0 +1 @@", "+n"));
        assertEquals(Optional.of("n\n"), created.applyTo(Optional.empty()).postImage());
        assertFalse(created.applyTo(Optional.of("x\n")).applied());
    }
}
