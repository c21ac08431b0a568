package dev.fixpoint.verifiers.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fixpoint.agent.PatchStatus;
import dev.fixpoint.tasks.testing.Diffs;
import dev.fixpoint.verifiers.CandidatePatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateClustererTest {

    static final String JAVA_PATH = "src/main/java/demo/Calc.java";
    static final String JAVA_BASE = Diffs.lines(
            "package demo;",
            "",
            "public class Calc {",
            "    public int add(int a, int b) {",
            "        return a - b;",
            "    }",
            "",
            "    public int twice(int x) {",
            "        return x * 2;",
            "    }",
            "}");

    /** The fix as a maintainer would write it. */
    static final String JAVA_GOLD = Diffs.modify(JAVA_PATH,
            "@@ -3,6 +3,6 @@ package demo;",
            " public class Calc {",
            "     public int add(int a, int b) {",
            "-        return a - b;",
            "+        return a + b;",
            "     }",
            " ",
            "     public int twice(int x) {");

    /** Same tree: a line comment, a block comment, the expression wrapped, one line of context, wrong offsets. */
    static final String JAVA_REFORMATTED = Diffs.modify(JAVA_PATH,
            "@@ -14,3 +14,5 @@",
            "     public int add(int a, int b) {",
            "-        return a - b;",
            "+        // the sum, not the difference",
            "+        return a",
            "+                + b;   /* fixed */",
            "     }");

    /** Same fix plus a layout-only change to another method, in a second hunk. */
    static final String JAVA_PLUS_WHITESPACE = Diffs.modify(JAVA_PATH,
            "@@ -4,3 +4,3 @@",
            "     public int add(int a, int b) {",
            "-        return a - b;",
            "+        return a+b;",
            "     }",
            "@@ -8,3 +8,3 @@",
            "     public int twice(int x) {",
            "-        return x * 2;",
            "+        return x*2 ;",
            "     }");

    /** Equal for ints, but a different tree: not claimed to be the same. */
    static final String JAVA_COMMUTED = Diffs.modify(JAVA_PATH,
            "@@ -4,3 +4,3 @@",
            "     public int add(int a, int b) {",
            "-        return a - b;",
            "+        return b + a;",
            "     }");

    static final String JAVA_WRONG = Diffs.modify(JAVA_PATH,
            "@@ -4,3 +4,3 @@",
            "     public int add(int a, int b) {",
            "-        return a - b;",
            "+        return a * b;",
            "     }");

    static final String JAVA_COMMENT_ONLY = Diffs.modify(JAVA_PATH,
            "@@ -4,3 +4,4 @@",
            "     public int add(int a, int b) {",
            "+        /* TODO: is this right? */",
            "         return a - b;",
            "     }");

    static final String PY_PATH = "stats/mean.py";
    static final String PY_BASE = Diffs.lines(
            "def mean(xs):",
            "    # average of xs",
            "    if not xs:",
            "        return 0",
            "    return sum(xs) / (len(xs) + 1)",
            "",
            "LABEL = \"mean # of xs\"");

    static final String PY_GOLD = Diffs.modify(PY_PATH,
            "@@ -2,4 +2,4 @@ def mean(xs):",
            "     # average of xs",
            "     if not xs:",
            "         return 0",
            "-    return sum(xs) / (len(xs) + 1)",
            "+    return sum(xs) / len(xs)");

    static final String PY_REFORMATTED = Diffs.modify(PY_PATH,
            "@@ -4,2 +4,5 @@",
            "         return 0",
            "-    return sum(xs) / (len(xs) + 1)",
            "+",
            "+    return sum(",
            "+        xs)/len(xs)  # no off-by-one",
            "+");

    static final String PY_WRONG = Diffs.modify(PY_PATH,
            "@@ -5 +5 @@",
            "-    return sum(xs) / (len(xs) + 1)",
            "+    return sum(xs) // len(xs)");

    /** Changes only text inside a string that contains '#': a real change, not a comment. */
    static final String PY_STRING_EDIT = Diffs.modify(PY_PATH,
            "@@ -7 +7 @@",
            "-LABEL = \"mean # of xs\"",
            "+LABEL = \"mean # of ys\"");

    /** Moves the return into the if block: same characters, different indentation, different program. */
    static final String PY_INDENTED = Diffs.modify(PY_PATH,
            "@@ -4,2 +4,2 @@",
            "         return 0",
            "-    return sum(xs) / (len(xs) + 1)",
            "+        return sum(xs) / len(xs)");

    static final BaseFiles BASE = BaseFiles.of(Map.of(JAVA_PATH, JAVA_BASE, PY_PATH, PY_BASE));

    private final CandidateClusterer clusterer = new CandidateClusterer();

    private static List<CandidatePatch> pool(String... patches) {
        return java.util.stream.IntStream.range(0, patches.length)
                .mapToObj(i -> CandidatePatch.of("c" + i, patches[i])).toList();
    }

    private static List<List<String>> members(Clustering clustering) {
        return clustering.clusters().stream().map(Cluster::memberIds).toList();
    }

    @Test
    void javaPatchesWithTheSameSyntaxTreeClusterTogetherWithBase() {
        Clustering c = clusterer.cluster(pool(JAVA_GOLD, JAVA_WRONG, JAVA_REFORMATTED, JAVA_PLUS_WHITESPACE,
                JAVA_COMMUTED), BASE);

        assertEquals(List.of(List.of("c0", "c2", "c3"), List.of("c1"), List.of("c4")), members(c));
        assertEquals(PatchState.APPLIES, c.clusters().get(0).state());
        assertEquals(List.of(JAVA_PATH), c.clusters().get(0).files());
        assertEquals(3, c.clusterOf("c3").size());
    }

    @Test
    void javaPatchesClusterByChangedLinesWithoutBase() {
        Clustering c = clusterer.cluster(pool(JAVA_GOLD, JAVA_WRONG, JAVA_REFORMATTED, JAVA_PLUS_WHITESPACE,
                JAVA_COMMUTED), BaseFiles.none());

        assertEquals(List.of(List.of("c0", "c2", "c3"), List.of("c1"), List.of("c4")), members(c));
        assertEquals(PatchState.UNCHECKED, c.clusters().get(0).state());
    }

    @Test
    void pythonLayoutAndCommentsAreIgnoredButStringsAndIndentationAreNot() {
        for (BaseFiles base : List.of(BASE, BaseFiles.none())) {
            Clustering c = clusterer.cluster(pool(PY_GOLD, PY_REFORMATTED, PY_WRONG, PY_STRING_EDIT, PY_INDENTED), base);
            assertEquals(List.of(List.of("c0", "c1"), List.of("c2"), List.of("c3"), List.of("c4")), members(c),
                    "base available: " + base.available());
        }
    }

    @Test
    void fileOrderDoesNotMatter() {
        Clustering c = clusterer.cluster(pool(JAVA_GOLD + PY_GOLD, PY_REFORMATTED + JAVA_REFORMATTED), BASE);
        assertEquals(List.of(List.of("c0", "c1")), members(c));
        assertEquals(List.of(PY_PATH, JAVA_PATH).stream().sorted().toList(), c.clusters().get(0).files());
    }

    @Test
    void emptyAndCommentOnlyPatchesShareTheEmptyCluster() {
        Clustering c = clusterer.cluster(pool("", JAVA_COMMENT_ONLY, "  \n", "Sorry, no patch.\n", JAVA_GOLD), BASE);

        assertEquals(List.of(List.of("c0", "c1", "c2", "c3"), List.of("c4")), members(c));
        assertEquals(PatchState.EMPTY, c.clusters().get(0).state());
        assertEquals(PatchState.NO_EFFECT, c.canonical().get("c1").state());
        assertEquals(CanonicalPatch.EMPTY_KEY, c.clusters().get(0).key());
    }

    @Test
    void tooLargeAndUnreadablePatchesAreEachAloneAndNotEmpty() {
        var big = "patch is 3.4 MiB (3565158 bytes, 52 files: a.py, ...), over the 1 MiB limit (max_patch_bytes)";
        List<CandidatePatch> candidates = List.of(
                new CandidatePatch("r0", "", Map.of(), PatchStatus.TOO_LARGE, big),
                new CandidatePatch("r1", "", Map.of(), PatchStatus.TOO_LARGE, big),
                new CandidatePatch("r2", "", Map.of(), PatchStatus.UNREADABLE, "cannot read the patch: exit 128: fatal: bad index"),
                new CandidatePatch("r3", "", Map.of(), PatchStatus.NO_CHANGE, ""),
                CandidatePatch.of("r4", ""),
                CandidatePatch.of("r5", JAVA_GOLD));

        Clustering c = clusterer.cluster(candidates, BASE);

        assertEquals(List.of(List.of("r0"), List.of("r1"), List.of("r2"), List.of("r3", "r4"), List.of("r5")), members(c));
        assertEquals(PatchState.TOO_LARGE, c.canonical().get("r0").state());
        assertEquals(List.of(big), c.canonical().get("r0").problems());
        assertEquals(PatchState.UNREADABLE, c.clusters().get(2).state());
        assertEquals(PatchState.EMPTY, c.clusters().get(3).state());
        assertEquals(PatchState.APPLIES, c.clusters().get(4).state());
        assertFalse(PatchState.TOO_LARGE.isUsable());
        assertFalse(PatchState.UNREADABLE.isUsable());
    }

    @Test
    void aStatusOtherThanChangedWithPatchTextIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new CandidatePatch("r0", JAVA_GOLD, Map.of(), PatchStatus.TOO_LARGE, "big"));
        assertEquals("r0: patch status TOO_LARGE with a non-empty patch", e.getMessage());
    }

    @Test
    void nonApplyingAndMalformedPatchesAreMarked() {
        String stale = Diffs.modify(JAVA_PATH, "@@ -4,2 +4,2 @@", "     public int add(int a, int b) {",
                "-        return a / b;", "+        return a + b;");
        String missingFile = Diffs.modify("nope.py", "@@ -1 +1 @@", "-a", "+b");
        String truncated = Diffs.modify(PY_PATH, "@@ -5,2 +5,2 @@", "-    return sum(xs) / (len(xs) + 1)");

        Clustering c = clusterer.cluster(pool(stale, missingFile, truncated, stale), BASE);

        assertEquals(PatchState.DOES_NOT_APPLY, c.canonical().get("c0").state());
        assertEquals(List.of(JAVA_PATH + ": hunk @@ -4,2 @@ does not match the base"), c.canonical().get("c0").problems());
        assertEquals(PatchState.DOES_NOT_APPLY, c.canonical().get("c1").state());
        assertEquals(PatchState.MALFORMED, c.canonical().get("c2").state());
        assertEquals(List.of(List.of("c0", "c3"), List.of("c1"), List.of("c2")), members(c));
    }

    @Test
    void newAndDeletedFilesCompareByContent() {
        String addA = Diffs.lines("diff --git a/t.py b/t.py", "new file mode 100644", "--- /dev/null", "+++ b/t.py",
                "@@ -0,0 +1,2 @@", "+X = 1  # one", "+");
        String addB = Diffs.lines("--- /dev/null", "+++ b/t.py", "@@ -0,0 +1 @@", "+X=1");
        String addC = Diffs.lines("--- /dev/null", "+++ b/t.py", "@@ -0,0 +1 @@", "+X = 2");
        String delete = Diffs.lines("--- a/stats/mean.py", "+++ /dev/null", "@@ -1,7 +0,0 @@",
                "-def mean(xs):", "-    # average of xs", "-    if not xs:", "-        return 0",
                "-    return sum(xs) / (len(xs) + 1)", "-", "-LABEL = \"mean # of xs\"");

        Clustering c = clusterer.cluster(pool(addA, addB, addC, delete), BASE);

        assertEquals(List.of(List.of("c0", "c1"), List.of("c2"), List.of("c3")), members(c));
        assertEquals(PatchState.APPLIES, c.canonical().get("c3").state());
        assertEquals(List.of(PY_PATH), c.canonical().get("c3").files());
    }

    @Test
    void javaThatDoesNotParseFallsBackToNormalisedText() {
        String brokenBase = Diffs.lines("class A {", "  void f() {", "    int x = 1", "  }", "}");
        BaseFiles base = BaseFiles.of(Map.of("A.java", brokenBase));
        String p1 = Diffs.modify("A.java", "@@ -3 +3 @@", "-    int x = 1", "+    int x = 2 // two");
        String p2 = Diffs.modify("A.java", "@@ -3 +3 @@", "-    int x = 1", "+    int x=2");
        String p3 = Diffs.modify("A.java", "@@ -3 +3 @@", "-    int x = 1", "+    int x = 3");

        Clustering c = clusterer.cluster(pool(p1, p2, p3), base);

        assertEquals(List.of(List.of("c0", "c1"), List.of("c2")), members(c));
    }

    @Test
    void sameInputGivesSameKeysAndDuplicateIdsAreRejected() {
        Clustering a = clusterer.cluster(pool(JAVA_GOLD, PY_GOLD), BASE);
        Clustering b = clusterer.cluster(pool(JAVA_GOLD, PY_GOLD), BASE);
        assertEquals(a, b);
        assertNotEquals(a.clusters().get(0).key(), a.clusters().get(1).key());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clusterer.cluster(
                List.of(CandidatePatch.of("x", JAVA_GOLD), CandidatePatch.of("x", PY_GOLD)), BASE));
        assertEquals("duplicate candidate id in pool: x", e.getMessage());
    }
}
