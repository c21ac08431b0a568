package dev.fixpoint.tasks.git;

import dev.fixpoint.tasks.Task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.testing.GitFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoPreflightTest {

    @TempDir
    Path tmp;

    @Test
    void listsEveryUnreachableRepoAtOnce() throws Exception {
        try (GitFixture src = GitFixture.init(tmp.resolve("src"))) {
            String base = src.write("a.txt", "a\n").commit("initial");
            Path bare = src.bareClone(tmp.resolve("ok.git"));
            RepoLocator locator = RepoLocator.withMirrors(Map.of("acme/ok", bare.toString(),
                    "acme/gone", tmp.resolve("gone.bundle").toString(), "acme/nowhere", tmp.resolve("nowhere.git").toString()));
            RepoCache cache = RepoCache.open(tmp.resolve("cache"), locator);
            List<Task> tasks = List.of(task("ok-1", "acme/ok", base), task("gone-1", "acme/gone", base),
                    task("gone-2", "acme/gone", base), task("ok-2", "acme/ok", "0123456789abcdef0123456789abcdef01234567"),
                    task("nowhere-1", "acme/nowhere", base));

            List<RepoPreflight.Unreachable> bad = RepoPreflight.check(cache, tasks);
            assertEquals(List.of("acme/gone", "acme/nowhere"), bad.stream().map(RepoPreflight.Unreachable::repo).toList());
            assertEquals(2, bad.get(0).tasks());
            assertEquals(tmp.resolve("gone.bundle").toString(), bad.get(0).location());

            WorkspaceException e = assertThrows(WorkspaceException.class, () -> RepoPreflight.requireReachable(cache, tasks));
            assertEquals(WorkspaceException.Reason.UNREACHABLE_REPO, e.reason());
            assertTrue(e.getMessage().startsWith("2 repositories could not be reached; nothing was run:\n  acme/gone ("
                    + tmp.resolve("gone.bundle") + ", 2 tasks): gone-1: cannot fetch repo acme/gone"), e.getMessage());
            assertTrue(e.getMessage().contains("\n  acme/nowhere (" + tmp.resolve("nowhere.git") + ", 1 task): "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("in a mirror map (--mirrors FILE with {\"owner/name\": \"path-or-url\"}),"
                    + " or fix its location."), e.getMessage());
            RepoPreflight.requireReachable(cache, List.of(tasks.get(0), tasks.get(3)));
        }
    }

    private static Task task(String id, String repo, String commit) {
        return Task.builder().instanceId(id).repo(repo).baseCommit(commit).build();
    }
}
