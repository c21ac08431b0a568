package dev.fixpoint.tasks.git;

import dev.fixpoint.tasks.Task;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WorkspaceTest extends PyCartTest {

    @Override
    String commitBase(GitFixture source) {
        source.write(Map.of(
                "cart.py", "def total(items):\n    return sum(items)\n",
                "README.md", "# pycart\n",
                "tests/test_cart.py", "from cart import total\n\ndef test_total():\n    assert total([1, 2]) == 3\n",
                "docs/old_name.txt", "some words\nthat stay the same\nacross a rename\nline four\nline five\n"));
        source.write("run.sh", "#!/bin/sh\necho hi\n").executable("run.sh");
        source.write("logo.bin", new byte[] {0, 1, 2, 3, 0, 5});
        try {
            Files.createSymbolicLink(source.dir().resolve("link-to-readme"), Path.of("README.md"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return source.commit("initial");
    }

    @Test
    void checksOutTheBaseCommitWithModesAndLinks() throws Exception {
        try (Workspace ws = cache.checkout(task, tmp.resolve("ws"))) {
            Path d = ws.directory();
            assertEquals(base, ws.baseCommit());
            assertEquals("def total(items):\n    return sum(items)\n", Files.readString(d.resolve("cart.py")));
            assertTrue(Files.isExecutable(d.resolve("run.sh")));
            assertFalse(Files.isExecutable(d.resolve("cart.py")));
            assertTrue(Files.isSymbolicLink(d.resolve("link-to-readme")));
            assertEquals(Path.of("README.md"), Files.readSymbolicLink(d.resolve("link-to-readme")));
            assertArrayEquals(new byte[] {0, 1, 2, 3, 0, 5}, Files.readAllBytes(d.resolve("logo.bin")));
            assertEquals(source.filesAt(base), filesIn(d));
            assertEquals(7, ws.fileCount());
            String alternates = Files.readString(d.resolve(".git/objects/info/alternates")).strip();
            assertEquals(cache.mirrorPath(task.repo()).resolve("objects").toString(), alternates);
            try (Stream<Path> own = Files.walk(d.resolve(".git/objects"))) {
                assertTrue(own.noneMatch(p -> p.toString().endsWith(".pack")), "objects are borrowed, not copied");
            }
            // git itself agrees the checkout is clean and at the base commit
            assertEquals("", git(d, "status", "--porcelain"));
            assertEquals(base, git(d, "rev-parse", "HEAD").strip());
        }
    }

    @Test
    void emptyDiffForAFreshCheckout() {
        try (Workspace ws = cache.checkout(task, tmp.resolve("ws"))) {
            Patch patch = ws.diff();
            assertTrue(patch.isEmpty());
            assertEquals("", patch.text());
        }
    }

    @Test
    void diffShowsNewDeletedRenamedAndBinaryFiles() throws Exception {
        try (Workspace ws = cache.checkout(task, tmp.resolve("ws"))) {
            Path d = ws.directory();
            Files.writeString(d.resolve("cart.py"), "def total(items):\n    return sum(items or [])\n");
            Files.writeString(d.resolve("new_module.py"), "X = 1\n");
            Files.delete(d.resolve("README.md"));
            Files.createDirectories(d.resolve("docs/renamed"));
            Files.move(d.resolve("docs/old_name.txt"), d.resolve("docs/renamed/new_name.txt"));
            Files.write(d.resolve("logo.bin"), new byte[] {0, 9, 9, 9, 0});
            Files.createDirectories(d.resolve("__pycache__"));
            Files.write(d.resolve("__pycache__/cart.cpython-311.pyc"), new byte[] {1, 2, 0});

            Patch patch = ws.diff();

            Map<String, Patch.ChangeType> types = patch.files().stream()
                    .collect(Collectors.toMap(Patch.FileChange::path, Patch.FileChange::type));
            assertEquals(Map.of(
                    "cart.py", Patch.ChangeType.MODIFY,
                    "new_module.py", Patch.ChangeType.ADD,
                    "README.md", Patch.ChangeType.DELETE,
                    "docs/renamed/new_name.txt", Patch.ChangeType.RENAME,
                    "logo.bin", Patch.ChangeType.MODIFY), types);
            assertEquals(List.of("logo.bin"), patch.binaryFiles().stream().map(Patch.FileChange::path).toList());
            assertTrue(patch.text().contains("+    return sum(items or [])\n"), patch.text());
            assertTrue(patch.text().contains("rename from docs/old_name.txt\nrename to docs/renamed/new_name.txt"),
                    patch.text());
            assertFalse(patch.text().contains("__pycache__"), "ignored by default: " + patch.text());

            // git apply (the harness' tool) accepts our text patch on a pristine copy, binary file aside
            Path copy = tmp.resolve("copy");
            git(tmp, "clone", "-q", source.dir().toString(), copy.toString());
            git(copy, "checkout", "-q", base);
            String textOnly = patch.text().replaceAll("(?s)diff --git a/logo.bin.*?differ\n", "");
            Files.writeString(tmp.resolve("p.diff"), textOnly);
            git(copy, "apply", "--check", tmp.resolve("p.diff").toString());
        }
    }

    @Test
    void applyThenDiffRoundTripsTheGoldPatch() throws Exception {
        String gold = "diff --git a/cart.py b/cart.py\n"
                + "--- a/cart.py\n+++ b/cart.py\n"
                + "@@ -1,2 +1,2 @@\n def total(items):\n-    return sum(items)\n+    return sum(items or [])\n"
                + "diff --git a/added.py b/added.py\nnew file mode 100644\n"
                + "--- /dev/null\n+++ b/added.py\n@@ -0,0 +1 @@\n+print('added')\n";
        try (Workspace ws = cache.checkout(task, tmp.resolve("ws"))) {
            ApplyResult result = ws.apply(gold);

            assertTrue(result.applied(), result.describe());
            assertEquals(Set.of("cart.py", "added.py"), Set.copyOf(result.files()));
            assertEquals("print('added')\n", Files.readString(ws.directory().resolve("added.py")));
            Patch again = ws.diff();
            assertEquals(Set.of("cart.py", "added.py"), again.paths());
            assertTrue(again.text().contains("+    return sum(items or [])"));
        }
    }

    @Test
    void aPatchThatDoesNotFitChangesNothingAndSaysWhere() throws Exception {
        String partlyBad = "diff --git a/cart.py b/cart.py\n--- a/cart.py\n+++ b/cart.py\n"
                + "@@ -1,2 +1,2 @@\n def total(items):\n-    return sum(items)\n+    return 0\n"
                + "diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n"
                + "@@ -1 +1 @@\n-# not what the file says\n+# pycart!\n";
        try (Workspace ws = cache.checkout(task, tmp.resolve("ws"))) {
            ApplyResult result = ws.apply(partlyBad);

            assertFalse(result.applied());
            assertEquals(List.of("README.md"), result.failedFiles());
            assertEquals("README.md: hunk @@ -1,1 +1,1 @@: Hunk cannot be applied", result.failures().get(0).toString());
            assertTrue(result.describe().startsWith("patch did not apply (nothing was changed)"), result.describe());
            assertEquals("def total(items):\n    return sum(items)\n",
                    Files.readString(ws.directory().resolve("cart.py")), "the good hunk was rolled back");
            assertTrue(ws.diff().isEmpty());
        }
    }

    @Test
    void unparsableAndEscapingPatchesAreFailedResults() {
        try (Workspace ws = cache.checkout(task, tmp.resolve("ws"))) {
            ApplyResult garbage = ws.apply("I changed cart.py to handle None");
            assertFalse(garbage.applied());
            assertNull(garbage.failures().get(0).file());
            assertTrue(garbage.failures().get(0).message().startsWith("not a patch"), garbage.describe());

            ApplyResult escaping = ws.apply("diff --git a/../evil.txt b/../evil.txt\nnew file mode 100644\n"
                    + "--- /dev/null\n+++ b/../evil.txt\n@@ -0,0 +1 @@\n+x\n");
            assertFalse(escaping.applied());
            assertEquals(List.of("../evil.txt"), escaping.failedFiles());
            assertFalse(Files.exists(tmp.resolve("evil.txt")));
        }
    }

    @Test
    void resetRestoresTheBaseCommitClean() throws Exception {
        try (Workspace ws = cache.checkout(task, tmp.resolve("ws"))) {
            Path d = ws.directory();
            Files.writeString(d.resolve("cart.py"), "broken\n");
            Files.delete(d.resolve("README.md"));
            Files.writeString(d.resolve("scratch.py"), "x\n");
            Files.createDirectories(d.resolve("__pycache__"));
            Files.writeString(d.resolve("__pycache__/x.pyc"), "x");
            ws.diff(); // stages into the index; reset must undo that too

            ws.reset();

            assertEquals(source.filesAt(base), filesIn(d));
            assertEquals("def total(items):\n    return sum(items)\n", Files.readString(d.resolve("cart.py")));
            assertFalse(Files.exists(d.resolve("__pycache__")));
            assertTrue(ws.diff().isEmpty());
            assertEquals("", git(d, "status", "--porcelain"));
        }
    }

    @Test
    void closeDeletesTheDirectoryOnceUnlessKept() {
        Workspace ws = cache.checkout(task, tmp.resolve("ws"));
        ws.close();
        assertFalse(Files.exists(tmp.resolve("ws")));
        ws.close(); // idempotent
        assertThrows(IllegalStateException.class, ws::diff);

        try (Workspace kept = cache.checkout(task, tmp.resolve("kept")).keepOnClose(true)) {
            assertTrue(Files.exists(kept.directory().resolve("cart.py")));
        }
        assertTrue(Files.exists(tmp.resolve("kept/cart.py")));
    }

    @Test
    void refusesANonEmptyDirectory() throws IOException {
        Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(tmp.resolve("busy/mine.txt"), "keep me");

        WorkspaceException e = assertThrows(WorkspaceException.class, () -> cache.checkout(task, tmp.resolve("busy")));

        assertEquals(WorkspaceException.Reason.IO, e.reason());
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        assertTrue(Files.exists(tmp.resolve("busy/mine.txt")), "never deletes what it did not create");
    }

    @Test
    void temporaryCheckoutsGetTheirOwnDirectories() {
        try (Workspace a = cache.checkout(task); Workspace b = cache.checkout(task)) {
            assertFalse(a.directory().equals(b.directory()));
            assertTrue(Files.exists(a.directory().resolve("cart.py")));
            assertTrue(Files.exists(b.directory().resolve("cart.py")));
        }
    }

    @Test
    void aBigTreeIsWrittenCompletelyByParallelWriters() throws Exception {
        try (GitFixture big = GitFixture.init(tmp.resolve("src/big"))) {
            for (int i = 0; i < 600; i++) {
                big.write("pkg" + i % 13 + "/sub" + i % 5 + "/m" + i + ".py", "X = " + i + "\n".repeat(i % 4 + 1));
            }
            big.write("bin/tool", "#!/bin/sh\n").executable("bin/tool");
            String commit = big.commit("many files");
            Task bigTask = Task.builder().instanceId("big-1").repo(big.dir().toString()).baseCommit(commit).build();

            try (Workspace ws = cache.checkout(bigTask, tmp.resolve("ws-big"))) {
                assertEquals(big.filesAt(commit), filesIn(ws.directory()));
                assertEquals(601, ws.fileCount());
                assertEquals("X = 599\n\n\n\n", Files.readString(ws.directory().resolve("pkg1/sub4/m599.py")));
                assertTrue(Files.isExecutable(ws.directory().resolve("bin/tool")));
                assertEquals("", git(ws.directory(), "status", "--porcelain"));
                assertTrue(ws.diff().isEmpty());
            }
        }
    }

    @Test
    void gitattributesLineEndingsAreAppliedLikeGitDoes() throws Exception {
        try (GitFixture crlf = GitFixture.init(tmp.resolve("src/crlf"))) {
            crlf.write(".gitattributes", "*.bat text eol=crlf\n").write("run.bat", "echo one\necho two\n")
                    .write("plain.txt", "a\nb\n");
            String commit = crlf.commit("windows script");
            Task t = Task.builder().instanceId("crlf-1").repo(crlf.dir().toString()).baseCommit(commit).build();

            try (Workspace ws = cache.checkout(t, tmp.resolve("ws-crlf"))) {
                assertEquals("echo one\r\necho two\r\n", Files.readString(ws.directory().resolve("run.bat")));
                assertEquals("a\nb\n", Files.readString(ws.directory().resolve("plain.txt")));
                assertEquals("", git(ws.directory(), "status", "--porcelain"));
                assertTrue(ws.diff().isEmpty());
            }
        }
    }

    static Set<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static String git(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }
}
