package dev.fixpoint.tasks;

import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.RepoLocator;
import dev.fixpoint.tasks.git.Workspace;
import dev.fixpoint.tasks.git.WorkspaceException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIssueSourceTest {

    @TempDir
    Path tmp;

    private GitFixture repo;
    private String v1;
    private Path issue;

    @BeforeEach
    void setUp() throws IOException {
        repo = GitFixture.init(tmp.resolve("PyCart"));
        v1 = repo.write("cart.py", "def total(items):\n    return sum(items)\n").commit("v1");
        issue = Files.writeString(tmp.resolve("issue.md"), "total() crashes when the cart is empty\n");
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    private RepoCache cache() {
        return RepoCache.open(tmp.resolve("cache"), RepoLocator.direct());
    }

    @Test
    void buildsATaskFromALocalRepoAtHead() throws IOException {
        TaskLoadResult result = LocalIssueSource.of(repo.dir().toString(), issue, null, cache()).load();

        Task task = result.tasks().get(0);
        assertEquals("pycart-" + v1.substring(0, 10), task.instanceId());
        assertEquals(repo.dir().toAbsolutePath().toString(), task.repo());
        assertEquals(v1, task.baseCommit());
        assertEquals("total() crashes when the cart is empty\n", task.problemStatement());
        assertEquals(List.of(), task.failToPass());
        try (Workspace ws = cache().checkout(task)) {
            assertTrue(Files.exists(ws.directory().resolve("cart.py")));
        }
    }

    @Test
    void aDetachedHeadOnNoBranchStillChecksOut() throws IOException {
        repo.write("cart.py", "def total(items):\n    return sum(items or [])\n").commit("v2");
        repo.checkout(v1);
        String detached = repo.write("extra.py", "X = 1\n").commit("work in progress on a detached HEAD");

        Task task = LocalIssueSource.of(repo.dir().toString(), issue, null, cache()).task();

        assertEquals(detached, task.baseCommit());
        try (Workspace ws = cache().checkout(task)) {
            assertTrue(Files.exists(ws.directory().resolve("extra.py")));
        }
    }

    @Test
    void anExplicitRevisionThroughABundleMirror() throws IOException {
        String v2 = repo.write("cart.py", "def total(items):\n    return 0\n").commit("v2");
        repo.branch("release");
        Path bundle = repo.bundle(tmp.resolve("mirrors/pycart.bundle"));
        RepoCache cache = RepoCache.open(tmp.resolve("cache"),
                RepoLocator.withMirrors(java.util.Map.of("acme/pycart", bundle.toString())));

        Task atMain = LocalIssueSource.of("acme/pycart", issue, "main", cache).task();
        Task atV1 = LocalIssueSource.of("acme/pycart", issue, v1, cache).task();

        assertEquals(v2, atMain.baseCommit());
        assertEquals("acme/pycart", atMain.repo());
        assertEquals("pycart-" + v2.substring(0, 10), atMain.instanceId());
        assertEquals(v1, atV1.baseCommit());
    }

    @Test
    void missingOrEmptyIssueAndUnknownRevisionAreClear() throws IOException {
        TaskException missing = assertThrows(TaskException.class,
                () -> LocalIssueSource.of(repo.dir().toString(), tmp.resolve("nope.md"), null, cache()).load());
        assertTrue(missing.getMessage().startsWith("issue file not found: "), missing.getMessage());

        Path empty = Files.writeString(tmp.resolve("empty.md"), "  \n");
        TaskException blank = assertThrows(TaskException.class,
                () -> LocalIssueSource.of(repo.dir().toString(), empty, null, cache()).load());
        assertTrue(blank.getMessage().contains("is empty"), blank.getMessage());

        WorkspaceException rev = assertThrows(WorkspaceException.class,
                () -> LocalIssueSource.of(repo.dir().toString(), issue, "no-such-branch", cache()).load());
        assertEquals(WorkspaceException.Reason.MISSING_COMMIT, rev.reason());
        assertTrue(rev.getMessage().contains("no-such-branch"), rev.getMessage());
    }
}
