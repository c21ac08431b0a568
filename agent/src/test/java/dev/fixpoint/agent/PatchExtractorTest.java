package dev.fixpoint.agent;

import dev.fixpoint.agent.testing.Fixtures;
import dev.fixpoint.agent.testing.GitRepo;
import dev.fixpoint.agent.testing.LocalSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PatchExtractorTest {

    @TempDir Path repo;
    @TempDir Path state;

    @Test
    void newFilesAreInTheReproductionFilesAndBuildOutputAreNot() throws Exception {
        String base = Fixtures.calcRepo(repo);
        Files.writeString(repo.resolve("calc/ops.py"), "def add(a, b):\n    return a + b\n");
        Files.writeString(repo.resolve("calc/extra.py"), "X = 1\n");
        Files.writeString(repo.resolve("tests/test_ops.py"), "# edited existing test\n");
        Files.writeString(repo.resolve("reproduce_issue.py"), "print('repro')\n");
        Files.createDirectories(repo.resolve("scripts"));
        Files.writeString(repo.resolve("scripts/Repro2.java"), "class Repro2 {}\n");
        Files.createDirectories(repo.resolve("calc/__pycache__"));
        Files.write(repo.resolve("calc/__pycache__/ops.cpython-311.pyc"), new byte[]{1, 2, 3});
        Files.createDirectories(repo.resolve("target/classes"));
        Files.writeString(repo.resolve("target/classes/A.class"), "junk");
        GitRepo.git(repo, "rm", "-q", "calc/__init__.py");
        GitRepo.git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "agent committed by mistake");

        var r = new PatchExtractor(state.toString()).extract(new LocalSandbox(repo), repo.toString(), base);

        assertEquals(PatchStatus.CHANGED, r.status(), r.message());
        assertTrue(r.message().startsWith("patch of "), r.message());
        assertTrue(r.patch().contains("b/calc/ops.py"));
        assertTrue(r.patch().contains("b/calc/extra.py"), "new source files are part of the patch");
        assertTrue(r.patch().contains("b/tests/test_ops.py"), "edits of existing tests stay in the patch");
        assertTrue(r.patch().contains("deleted file mode"), "diff is against the base commit, not HEAD");
        assertFalse(r.patch().contains("reproduce_issue"));
        assertFalse(r.patch().contains("Repro2"));
        assertFalse(r.patch().contains("__pycache__"));
        assertFalse(r.patch().contains("target/"));
        assertEquals("[reproduce_issue.py, scripts/Repro2.java]", r.reproduction().stream().map(ReproductionFile::path).toList().toString());
        assertEquals("print('repro')\n", r.reproduction().get(0).content());

        Path copy = state.resolve("check");
        Fixtures.calcRepo(copy);
        Files.writeString(copy.resolve("p.diff"), r.patch());
        GitRepo.git(copy, "apply", "--check", "p.diff");
    }

    @Test
    void unchangedRepositoryIsNoChangeNotAnError() throws Exception {
        String base = Fixtures.calcRepo(repo);
        Files.writeString(repo.resolve("repro_check.py"), "print(1)\n");
        Files.createDirectories(repo.resolve("calc/__pycache__"));
        Files.write(repo.resolve("calc/__pycache__/ops.cpython-311.pyc"), new byte[]{1, 2, 3});

        var r = new PatchExtractor(state.toString()).extract(new LocalSandbox(repo), repo.toString(), base);

        assertEquals(PatchStatus.NO_CHANGE, r.status());
        assertEquals("", r.patch());
        assertEquals(PatchStatus.NO_CHANGE_MESSAGE, r.message());
        assertEquals(List.of("repro_check.py"), r.reproduction().stream().map(ReproductionFile::path).toList(),
                "reproduction files are kept when the patch is empty");
    }

    @Test
    void aPatchLargerThanTheExecOutputCapIsReadWholeFromAFile() throws Exception {
        String base = Fixtures.calcRepo(repo);
        String big = bigText(1_500_000);   // LocalSandbox's exec output cap is Limits.DEFAULT's 1 MiB
        Files.writeString(repo.resolve("calc/data.txt"), big);

        var r = new PatchExtractor(state.toString(), 4L << 20).extract(new LocalSandbox(repo), repo.toString(), base);

        assertEquals(PatchStatus.CHANGED, r.status(), r.message());
        assertTrue(r.patch().length() > 1_500_000, "whole patch: " + r.patch().length());
        assertTrue(r.message().matches("patch of 1\\.\\d MiB"), r.message());
        assertApplies(state, r.patch());
    }

    @Test
    void aPatchOverTheLimitIsTooLargeWithItsSizeAndFiles() throws Exception {
        String base = Fixtures.calcRepo(repo);
        for (int i = 0; i < 7; i++) Files.writeString(repo.resolve("stray" + i + ".txt"), bigText(4000));
        Files.writeString(repo.resolve("reproduce_it.py"), "print(1)\n");

        var r = new PatchExtractor(state.toString(), 10_000).extract(new LocalSandbox(repo), repo.toString(), base);

        assertEquals(PatchStatus.TOO_LARGE, r.status());
        assertEquals("", r.patch());
        assertTrue(r.message().matches("patch is 2\\d\\.\\d KiB \\(2\\d{4} bytes, 7 files: stray0.txt, stray1.txt, stray2.txt, "
                + "stray3.txt, stray4.txt, \\.\\.\\.\\), over the 9\\.8 KiB limit \\(max_patch_bytes\\)"), r.message());
        assertEquals(1, r.reproduction().size());
    }

    @Test
    void aBaseCommitTheRepositoryLacksIsUnreadableNamingIt() throws Exception {
        Fixtures.calcRepo(repo);
        String missing = "0123456789abcdef0123456789abcdef01234567";
        var r = new PatchExtractor(state.toString()).extract(new LocalSandbox(repo), repo.toString(), missing);
        assertEquals(PatchStatus.UNREADABLE, r.status());
        assertEquals("", r.patch());
        assertTrue(r.message().contains("exit 3: base commit " + missing + " is not in the repository"), r.message());
    }

    @Test
    void gitFailingInTheDiffIsUnreadableWithExitCodeAndStderr() throws Exception {
        String base = Fixtures.calcRepo(repo);
        Files.writeString(repo.resolve("calc/ops.py"), "fixed\n");
        Files.write(repo.resolve(".git/index"), "not an index".getBytes());   // git add fails reading it

        var r = new PatchExtractor(state.toString()).extract(new LocalSandbox(repo), repo.toString(), base);

        assertEquals(PatchStatus.UNREADABLE, r.status());
        assertEquals("", r.patch());
        assertTrue(r.message().matches("(?s)cannot read the patch in .* \\(staging the changes in local-\\w+\\): exit 128: .*index.*"),
                r.message());
    }

    @Test
    void statusWording() {
        assertEquals("812 bytes", PatchStatus.size(812));
        assertEquals("1 byte", PatchStatus.size(1));
        assertEquals("12.3 KiB", PatchStatus.size(12_600));
        assertEquals("1 MiB", PatchStatus.size(1L << 20));
        assertEquals("3.4 MiB", PatchStatus.size(3_565_158));
        assertEquals("patch is 3.4 MiB (3565158 bytes, 52 files: a.py, b.py, ...), over the 1 MiB limit (max_patch_bytes)",
                PatchStatus.tooLargeMessage(3_565_158, 1L << 20, 52, List.of("a.py", "b.py")));
        assertEquals("patch is 2 KiB (2048 bytes, 1 file: a.py), over the 1 KiB limit (max_patch_bytes)",
                PatchStatus.tooLargeMessage(2048, 1024, 1, List.of("a.py")));
        assertEquals("patch is 2 KiB (2048 bytes), over the 1 KiB limit (max_patch_bytes)",
                PatchStatus.tooLargeMessage(2048, 1024, 0, List.of()));
        assertEquals(PatchStatus.NO_CHANGE, PatchStatus.of(" \n"));
        assertEquals(PatchStatus.CHANGED, PatchStatus.of("diff --git a/x b/x\n"));
    }

    /** The patch applies with git to a fresh copy of the calc repository (made under {@code state}). */
    static void assertApplies(Path state, String patch) throws Exception {
        Path copy = state.resolve("check");
        Fixtures.calcRepo(copy);
        Files.writeString(copy.resolve("p.diff"), patch);
        GitRepo.git(copy, "apply", "--check", "p.diff");
    }

    /** Lines of text, {@code bytes} long in all. */
    static String bigText(int bytes) {
        var b = new StringBuilder(bytes);
        for (int i = 0; b.length() < bytes; i++) b.append("line ").append(i).append(" of a large generated file\n");
        return b.toString();
    }
}
