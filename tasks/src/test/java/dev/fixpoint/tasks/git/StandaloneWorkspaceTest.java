package dev.fixpoint.tasks.git;

import static dev.fixpoint.tasks.git.WorkspaceTest.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Standalone workspaces: a copy of the directory, away from the mirror, is a working shallow clone for git. */
class StandaloneWorkspaceTest extends PyCartTest {

    private String parent;

    @Override
    String commitBase(GitFixture source) {
        parent = source.write(Map.of("cart.py", "def total(items):\n    return 0\n", "README.md", "# pycart\n"))
                .commit("initial");
        source.write("tests/test_cart.py", "from cart import total\n\ndef test_total():\n    assert total([1]) == 1\n")
                .write("cart.py", "def total(items):\n    return sum(items)\n")
                .write("run.sh", "#!/bin/sh\necho hi\n").executable("run.sh");
        return source.commit("base: sum and a test");
    }

    @Test
    void aCopyWithoutTheMirrorIsAShallowCloneAtTheBaseCommit() throws Exception {
        Path copy = tmp.resolve("copy");
        try (Workspace ws = cache.checkoutStandalone(task, tmp.resolve("ws"))) {
            assertTrue(ws.standalone());
            Path gitDir = ws.directory().resolve(".git");
            assertFalse(Files.exists(gitDir.resolve("objects/info/alternates")), "no alternates");
            assertEquals(base + "\n", Files.readString(gitDir.resolve("shallow")));
            copyTree(ws.directory(), copy);
        }
        Workspace.deleteTree(cache.directory()); // nothing may point back at the mirror

        assertEquals(base, git(copy, "rev-parse", "HEAD").strip());
        assertEquals(base, git(copy, "rev-parse", "--verify", base + "^{commit}").strip());
        assertEquals("true", git(copy, "rev-parse", "--is-shallow-repository").strip());
        assertEquals("", git(copy, "status", "--porcelain"));
        assertEquals(1, git(copy, "log", "--format=%H").lines().count(), "history starts at the base commit");
        assertEquals(git(source.dir(), "cat-file", "commit", base), git(copy, "cat-file", "commit", base),
                "commit copied byte for byte");
        git(copy, "fsck", "--no-dangling", "--strict");

        Files.writeString(copy.resolve("cart.py"), "def total(items):\n    return sum(items, 0)\n");
        String diff = git(copy, "diff", base);
        assertTrue(diff.contains("+    return sum(items, 0)"), diff);
        assertEquals(1, exitCode(copy, "cat-file", "-e", parent), "the parent is not copied");
    }

    @Test
    void theWorkspaceItselfDiffsAppliesAndResetsAgainstItsOwnObjects() throws Exception {
        try (Workspace ws = cache.checkoutStandalone(task, tmp.resolve("ws"))) {
            Workspace.deleteTree(cache.directory());
            assertEquals(base, ws.baseCommit());
            assertTrue(ws.diff().isEmpty());
            Files.writeString(ws.directory().resolve("cart.py"), "def total(items):\n    return 1\n");
            Patch patch = ws.diff();
            assertEquals(java.util.Set.of("cart.py"), patch.paths());
            ws.reset();
            assertEquals("def total(items):\n    return sum(items)\n", Files.readString(ws.directory().resolve("cart.py")));
            assertTrue(ws.apply(patch).applied());
            assertEquals(patch.text(), ws.diff().text());
        }
    }

    @Test
    void aBorrowingCheckoutIsNotStandalone() throws Exception {
        try (Workspace ws = cache.checkout(task, tmp.resolve("ws"))) {
            assertFalse(ws.standalone());
            assertTrue(Files.exists(ws.directory().resolve(".git/objects/info/alternates")));
            assertFalse(Files.exists(ws.directory().resolve(".git/shallow")));
        }
    }

    private static int exitCode(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor();
    }

    /** Copies a tree as {@code cp -a} would, links as links. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }
}
