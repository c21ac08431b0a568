package dev.fixpoint.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PatchFilesTest {

    @Test
    void touchedFilesFromGitAndPlainHeaders() {
        String patch = """
                diff --git a/src/a.py b/src/a.py
                index 1..2 100644
                --- a/src/a.py
                +++ b/src/a.py
                @@ -1,2 +1,2 @@
                --- not a header: a removed line starting with "-- "
                +++ not a header either
                 context
                \\ No newline at end of file
                diff --git a/old.txt b/new.txt
                similarity index 90%
                rename from old.txt
                rename to new.txt
                diff --git a/gone.py b/gone.py
                deleted file mode 100644
                --- a/gone.py
                +++ /dev/null
                --- x/plain.c\t2024-01-01
                +++ y/plain.c\t2024-01-02
                """;
        assertEquals(Set.of("src/a.py", "old.txt", "new.txt", "gone.py", "x/plain.c", "y/plain.c"),
                PatchFiles.touched(patch));
    }

    @Test
    void malformedPatches() {
        assertTrue(PatchFiles.malformed("just some text\n").isPresent());
        assertTrue(PatchFiles.malformed("diff --git a/x b/x\n\0\0").isPresent());
        assertTrue(PatchFiles.malformed("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n").isEmpty());
    }

    @Test
    void prepareOutcomeNamesStepsAndExitCodes() {
        PrepareOutcome ok = PrepareOutcome.read(0, "Checking patch a.py...\n"
                + EvalScript.STEP_FAILED + "git_apply exit 1\n" + EvalScript.APPLIED + "patch_fuzz\n");
        assertEquals(EvalStatus.UNRESOLVED, ok.phase());
        assertEquals(ApplyStep.PATCH_FUZZ, ok.applyStep());
        PrepareOutcome failed = PrepareOutcome.read(EvalScript.EXIT_MODEL_PATCH, """
                error: nope.py: No such file or directory
                >>>>> model patch step failed: git_apply exit 1
                error: nope.py: No such file or directory
                >>>>> model patch step failed: git_apply_reject exit 1
                can't find file to patch at input line 3
                >>>>> model patch step failed: patch_fuzz exit 1
                """);
        assertEquals(EvalStatus.PATCH_FAILED, failed.phase());
        assertEquals("model patch did not apply: git_apply exit 1, git_apply_reject exit 1, patch_fuzz exit 1 "
                + "(error: nope.py: No such file or directory; error: nope.py: No such file or directory; "
                + "can't find file to patch at input line 3)", failed.message());
        assertEquals(EvalStatus.ERROR, PrepareOutcome.read(EvalScript.EXIT_TEST_PATCH, "").phase());
        PrepareOutcome tree = PrepareOutcome.read(EvalScript.EXIT_TREE, "");
        assertEquals(EvalStatus.ERROR, tree.phase(), "a failed exact-tree check is an error even when it says nothing");
        assertEquals("the exact-tree check failed (prepare exit 13) without saying why", tree.message());
    }
}
