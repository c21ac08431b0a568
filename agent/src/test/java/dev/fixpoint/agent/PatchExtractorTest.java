package dev.fixpoint.agent;

import dev.fixpoint.agent.loop.PatchExtractor;
import dev.fixpoint.agent.testing.Fixtures;
import dev.fixpoint.agent.testing.GitRepo;
import dev.fixpoint.agent.testing.LocalSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
    void unchangedRepositoryGivesAnEmptyPatch() throws Exception {
        String base = Fixtures.calcRepo(repo);
        var r = new PatchExtractor(state.toString()).extract(new LocalSandbox(repo), repo.toString(), base);
        assertEquals("", r.patch());
        assertTrue(r.reproduction().isEmpty());
    }

    @Test
    void aBaseCommitTheRepositoryLacksIsAnErrorNamingIt() throws Exception {
        Fixtures.calcRepo(repo);
        String missing = "0123456789abcdef0123456789abcdef01234567";
        var e = assertThrows(dev.fixpoint.sandbox.SandboxException.class,
                () -> new PatchExtractor(state.toString()).extract(new LocalSandbox(repo), repo.toString(), missing));
        assertTrue(e.getMessage().contains("base commit " + missing + " is not in the repository"), e.getMessage());
    }
}
