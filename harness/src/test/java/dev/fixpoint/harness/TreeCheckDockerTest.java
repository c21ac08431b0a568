package dev.fixpoint.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import dev.fixpoint.tasks.testing.GitFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact-tree check's script in a real container, and what {@link TreeCheck#problem} and the harness read of it. */
@Tag("docker")
class TreeCheckDockerTest {

    static DockerTestSupport docker;
    static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @BeforeAll
    static void up() {
        docker = DockerTestSupport.create("verifiers-tree-check");
    }

    @AfterAll
    static void down() {
        docker.close();
    }

    @Test
    void cleanTreeWithIgnoredBuildOutputPassesAndEveryDeviationIsNamed() {
        String first;
        String base;
        try (GitFixture repo = GitFixture.init(tmp.resolve("repo"))) {
            first = repo.write(".gitignore", "build/\n").write("a.py", "a = 1\n").commit("first");
            base = repo.write("b.py", "b = 2\n").commit("base");
        }
        try (Sandbox box = docker.provider().start(docker.spec(DockerTestSupport.PYTHON).workdir("/testbed").build())) {
            box.copyIn(tmp.resolve("repo"), "/testbed");
            String check = TreeCheck.script(base);

            ExecResult clean = box.exec("mkdir -p build && echo out > build/lib.so && " + check, T);
            assertEquals(0, clean.exitCode(), clean.combined());
            assertEquals(Optional.empty(), TreeCheck.problem(clean.combined()));
            assertEquals(0, box.exec(TreeCheck.script(base.substring(0, 10)), T).exitCode(), "abbreviated id");

            // Strays, a modified and a deleted file, and repository settings and variables that would hide them.
            StringBuilder strays = new StringBuilder("echo c > c.py && echo x >> a.py && rm b.py && mkdir -p deep/er");
            for (int i = 0; i < 24; i++) strays.append(" && echo ").append(i).append(" > deep/er/s").append(100 + i).append(".py");
            exec(box, strays + " && git config -f .git/config status.showUntrackedFiles no"
                    + " && git config -f .git/config core.fsmonitor 'touch /tmp/fsmonitor-ran; true'"
                    + " && echo '*.py' > /tmp/excludes && git config -f .git/config core.excludesFile /tmp/excludes");
            ExecResult dirty = box.exec(ExecRequest.of(check, T).withEnv(Map.of("GIT_DIR", "/nowhere",
                    "GIT_INDEX_FILE", "/tmp/none")));
            assertEquals(TreeCheck.EXIT, dirty.exitCode(), dirty.combined());
            String problem = TreeCheck.problem(dirty.combined()).orElseThrow();
            assertTrue(problem.startsWith("the tree at the workdir is not exactly the base commit's: 27 path(s) differ"
                    + " from " + base + ":  M a.py,  D b.py, ?? c.py, ?? deep/er/s100.py, ?? deep/er/s101.py,"), problem);
            assertTrue(problem.contains("?? deep/er/s116.py, ...") && !problem.contains("s117"), "20 paths named: " + problem);
            assertEquals("gone", box.exec("test -e /tmp/fsmonitor-ran && echo ran || echo gone", T).stdout().strip(),
                    "the repository's fsmonitor hook never runs");

            PrepareOutcome graded = PrepareOutcome.read(EvalScript.EXIT_TREE, "Checking...\n" + dirty.combined());
            assertEquals(EvalStatus.ERROR, graded.phase());
            assertEquals(problem, graded.message());

            exec(box, "g() { git -c safe.directory='*' \"$@\"; }; g checkout -q -- . && g clean -qfdx -e build && g checkout -q " + first);
            String moved = TreeCheck.problem(box.exec(check, T).combined()).orElseThrow();
            assertEquals("the tree at the workdir is not the base commit's: HEAD is " + first + ", not the base commit "
                    + base, moved);

            exec(box, "rm -rf .git");
            ExecResult noGit = box.exec(check, T);
            assertEquals(TreeCheck.EXIT, noGit.exitCode(), noGit.combined());
            assertTrue(TreeCheck.problem(noGit.combined()).orElseThrow()
                    .startsWith("the tree at the workdir is not the base commit's: no git repository with a commit at"
                            + " /testbed"), noGit.combined());

            ExecResult notACommit = box.exec(TreeCheck.script("main"), T);
            assertEquals(TreeCheck.EXIT, notACommit.exitCode());
            assertEquals("the tree at the workdir is not the base commit's: the base_commit of the task is not a commit id"
                    + " (4 to 40 hex digits): main", TreeCheck.problem(notACommit.combined()).orElseThrow());
        }
    }

    static void exec(Sandbox box, String command) {
        ExecResult r = box.exec(command, T);
        assertEquals(0, r.exitCode(), command + ": " + r.combined());
    }
}
