package dev.fixpoint.harness;

import dev.fixpoint.harness.predictions.Prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.RepoLocator;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's copy-in path against a real daemon: the repository the evaluator copies into its sandbox is a git
 * repository at the task's real base commit (which has history before it), with nothing pointing back at the host.
 */
@Tag("docker")
class WorkspaceTreesDockerTest {

    @TempDir
    Path tmp;

    @Test
    void theSandboxSeesTheBaseCommitAndACleanTree() throws Exception {
        String base;
        try (GitFixture repo = GitFixture.init(tmp.resolve("src/calc"))) {
            repo.write("calc.py", "def add(a, b):\n    return 0\n").commit("initial");
            base = repo.write("calc.py", "def add(a, b):\n    return a - b\n")
                    .write("test_calc.py", "from calc import add\n\n\ndef test_zero():\n    assert add(0, 0) == 0\n")
                    .commit("subtract, by mistake");
            repo.write("calc.py", "def add(a, b):\n    return a + b\n").commit("fixed later");
        }
        // The test command shows what git sees: it fails unless the base commit resolves, the tree is clean and the
        // model's change shows in a diff against the base commit.
        String command = "set -e; git -c safe.directory='*' rev-parse --verify " + base + "^{commit};"
                + " git -c safe.directory='*' diff --stat " + base + " -- calc.py;"
                + " test -z \"$(git -c safe.directory='*' status --porcelain --untracked-files=no -- test_calc.py)\";"
                + " python3 -m pytest -rA -p no:cacheprovider test_calc.py";
        EnvironmentSpec env = new EnvironmentSpec("fixpoint/python:latest", "/testbed", List.of(), command,
                ResultFormat.PYTEST_LOG, null, Duration.ofSeconds(60));
        Task task = Task.builder().instanceId("calc-1").repo(tmp.resolve("src/calc").toString()).baseCommit(base)
                .patch("").testPatch("").failToPass(List.of()).passToPass(List.of("test_calc.py::test_zero"))
                .environment(env).build();
        String patch = "diff --git a/calc.py b/calc.py\n--- a/calc.py\n+++ b/calc.py\n@@ -1,2 +1,2 @@\n"
                + " def add(a, b):\n-    return a - b\n+    return a + b\n";
        RepoCache cache = RepoCache.open(tmp.resolve("cache"), RepoLocator.direct());

        try (DockerSandboxProvider sandboxes = DockerSandboxProvider.create()) {
            InstanceEvaluator evaluator = new InstanceEvaluator(sandboxes, new WorkspaceTrees(cache), "trees-test",
                    null, 1);
            InstanceRun run = evaluator.evaluate(task, new Prediction("calc-1", "m", patch), tmp.resolve("out"));

            String output = Files.readString(tmp.resolve("out").resolve(run.attempts().get(0).outputFile()));
            assertEquals(EvalStatus.UNRESOLVED, run.phase(), run.message() + "\n" + output);
            assertTrue(output.startsWith(base + "\n"), output);
            assertTrue(output.contains("calc.py | 2 +-"), output);
            assertTrue(output.contains("PASSED test_calc.py::test_zero"), output);
        }
    }
}
