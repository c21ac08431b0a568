package dev.fixpoint.agent;

import dev.fixpoint.agent.testing.Fixtures;
import dev.fixpoint.agent.testing.GitRepo;
import dev.fixpoint.agent.testing.LocalSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Nothing the agent configures in git (repository, user or system config; hooks, filters, drivers) runs or hides changes when the patch is read. */
@Tag("hostile-sandbox")
class GitConfigImmunityTest {

    @TempDir Path repo;
    @TempDir Path state;
    String base;

    @BeforeEach
    void calcRepo() throws Exception {
        base = Fixtures.calcRepo(repo);
    }

    @Test
    void gitConfigTheAgentWroteInTheRepositoryDoesNotChangeThePatch() throws Exception {
        Files.writeString(repo.resolve("calc/ops.py"), "def add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    return a * b\n");
        GitRepo.git(repo, "config", "diff.noprefix", "true");
        GitRepo.git(repo, "config", "diff.external", "/bin/false");
        GitRepo.git(repo, "config", "diff.upper.textconv", "tr a-z A-Z");
        GitRepo.git(repo, "config", "core.fsmonitor", "/bin/false");
        GitRepo.git(repo, "config", "diff.relative", "true");
        Files.writeString(repo.resolve(".git/info/attributes"), "*.py diff=upper\n");

        var r = new PatchExtractor(state.toString()).extract(new LocalSandbox(repo), repo.toString(), base);

        assertEquals(PatchStatus.CHANGED, r.status(), r.message());
        assertTrue(r.patch().contains("--- a/calc/ops.py\n+++ b/calc/ops.py\n"), r.patch());
        assertTrue(r.patch().contains("+    return a + b"), "no textconv: " + r.patch());
        PatchExtractorTest.assertApplies(state, r.patch());
    }

    @Test
    void filtersIncludesAndExcludesTheAgentConfiguredDoNotRunOrHideChanges() throws Exception {
        Files.writeString(repo.resolve("calc/ops.py"), "def add(a, b):\n    return a + b\n");
        Path included = state.resolve("included.gitconfig");
        Files.createDirectories(state);
        Files.writeString(included, "[filter \"junk\"]\n\tclean = sh -c 'touch junk1 junk2; cat'\n\trequired = true\n");
        GitRepo.git(repo, "config", "include.path", included.toString());
        Files.writeString(repo.resolve(".git/info/attributes"), "* filter=junk\n");
        Path excludes = state.resolve("excludes");
        Files.writeString(excludes, "*.py\n");
        GitRepo.git(repo, "config", "core.excludesFile", excludes.toString());
        Files.writeString(repo.resolve("calc/new_module.py"), "X = 1\n");

        var r = new PatchExtractor(state.resolve("s").toString()).extract(new LocalSandbox(repo), repo.toString(), base);

        assertEquals(PatchStatus.CHANGED, r.status(), r.message());
        assertFalse(Files.exists(repo.resolve("junk1")) || Files.exists(repo.resolve("junk2")), "the filter never ran");
        assertFalse(r.patch().contains("junk"), r.patch());
        assertTrue(r.patch().contains("+++ b/calc/new_module.py"), "a new file the excludes named is in: " + r.patch());
        assertTrue(r.patch().contains("+    return a + b"), r.patch());
        PatchExtractorTest.assertApplies(state, r.patch());
    }
}
