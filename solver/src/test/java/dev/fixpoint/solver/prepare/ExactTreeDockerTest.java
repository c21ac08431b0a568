package dev.fixpoint.solver.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.ImageBuild;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.env.EnvironmentBuilds;
import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.RepoLocator;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.env.EnvironmentRecipe;
import dev.fixpoint.tasks.testing.CalcRepo;
import dev.fixpoint.tasks.testing.GitFixture;
import dev.fixpoint.harness.EvalStatus;
import dev.fixpoint.harness.InstanceEvaluator;
import dev.fixpoint.harness.InstanceReport;
import dev.fixpoint.harness.InstanceRun;
import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.harness.ReportBuilder;
import dev.fixpoint.harness.WorkspaceTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact trees against the real daemon: a repository whose environment_setup_commit is newer than the base commit
 * (it adds a module the base lacks) and whose recipe installs from the tree. The environment image keeps the
 * install's output but no source file, so the instance image and the grading sandbox hold exactly the base commit;
 * an environment image that does leave a file in the workdir fails the instance preparation and the grading, both
 * naming the file.
 */
@Tag("docker")
class ExactTreeDockerTest {

    static final String TAG = UUID.randomUUID().toString().substring(0, 8);
    static final String REPO = "acme/calc";
    static final String TEST_PATCH = CalcRepo.testPatch("assert add(2, 3) == 5");
    /** The install reads the tree (and its .git) and leaves an ignored build output and an egg-info behind. */
    static final String INSTALL = "test -f future.py && test -f .git/HEAD && mkdir -p build calc.egg-info"
            + " && ls > build/listing.txt && echo installed > calc.egg-info/PKG-INFO";

    static DockerTestSupport docker;
    static final List<String> images = new ArrayList<>();

    @TempDir
    static Path tmp;
    static RepoCache cache;
    static String base;
    static String setup;

    @BeforeAll
    static void up() {
        docker = DockerTestSupport.create("solver-exact-tree");
        try (GitFixture src = GitFixture.init(tmp.resolve("src/calc"))) {
            base = CalcRepo.writeBase(src).write(".gitignore", "build/\n*.egg-info/\n")
                    .write("tools/run.sh", "#!/bin/sh\necho run\n").executable("tools/run.sh").commit("base");
            setup = src.write("future.py", "FROM_THE_FUTURE = True\n").write("pkg/later/mod.py", "x = 1\n")
                    .write("calc.py", CalcRepo.CALC + "\n\ndef mul(a, b):\n    return a * b\n").commit("the setup commit");
            src.bareClone(tmp.resolve("calc.git"));
        }
        cache = RepoCache.open(tmp.resolve("cache"), RepoLocator.withMirrors(Map.of(REPO,
                tmp.resolve("calc.git").toString())));
    }

    @AfterAll
    static void down() {
        try {
            for (String image : images) {
                try {
                    docker.provider().removeImage(image);
                } catch (RuntimeException e) {
                    System.err.println("cannot remove " + image + ": " + e.getMessage());
                }
            }
        } finally {
            docker.close();
        }
    }

    static Task task(String id, String envImage) {
        EnvironmentSpec env = new EnvironmentSpec(envImage, "/testbed", List.of(),
                "python3 -m pytest -rA -p no:cacheprovider test_calc.py", ResultFormat.PYTEST_LOG, null,
                Duration.ofSeconds(60));
        return Task.builder().instanceId(id).repo(REPO).baseCommit(base).patch(CalcRepo.GOLD).testPatch(TEST_PATCH)
                .failToPass(List.of("test_calc.py::test_add")).passToPass(List.of("test_calc.py::test_zero"))
                .environment(env).build();
    }

    @Test
    void anInstallFromTheSetupCommitLeavesNoFileOfItInTheInstanceOrGradingTree() throws Exception {
        EnvironmentRecipe recipe = new EnvironmentRecipe(REPO, "1.0-" + TAG, setup, DockerTestSupport.PYTHON,
                "/testbed", List.of(), List.of(INSTALL), Map.of(), Duration.ofMinutes(5), "test recipe");
        images.add(recipe.image());
        EnvironmentBuilds builds = new EnvironmentBuilds(docker.provider(), cache, null, 1, tmp.resolve("logs"));
        List<EnvironmentBuilds.Outcome> outcomes = builds.run(Map.of(recipe, List.of("acme__calc-1")),
                new EnvironmentBuilds.Listener() {
                    @Override public void started(EnvironmentRecipe r, int index, int total) { }
                    @Override public void finished(EnvironmentBuilds.Outcome o, int done, int total) { }
                });
        String buildLog = Files.readString(outcomes.get(0).log());
        assertEquals(EnvironmentBuilds.Status.BUILT, outcomes.get(0).status(), outcomes.get(0).message() + "\n" + buildLog);
        assertTrue(buildLog.contains("remove the 6 source files and .git"), buildLog);

        try (Sandbox env = docker.provider().start(docker.spec(recipe.image()).workdir("/testbed").build())) {
            ExecResult r = env.exec("find . | sort", Duration.ofSeconds(30));
            assertEquals(".\n./build\n./build/listing.txt\n./calc.egg-info\n./calc.egg-info/PKG-INFO\n", r.stdout(),
                    "the environment image keeps the install's output and no source file");
        }

        Task task = task("acme__calc-1", recipe.image());
        InstancePreparer preparer = new InstancePreparer(cache, docker.provider());
        images.add(InstancePreparer.imageName(task));
        try (PreparedTask prepared = preparer.prepare(task);
                Sandbox box = docker.provider().start(docker.spec(prepared.image()).workdir("/testbed").build())) {
            ExecResult r = box.exec("git -c safe.directory='*' status --porcelain --untracked-files=all;"
                    + " echo HEAD=$(git -c safe.directory='*' rev-parse HEAD); test -e future.py || echo no-future;"
                    + " test -e pkg || echo no-pkg; cat build/listing.txt; ls -l tools/run.sh | cut -c1-10",
                    Duration.ofSeconds(30));
            assertEquals("HEAD=" + base + "\nno-future\nno-pkg\n", r.stdout().substring(0,
                    r.stdout().indexOf("no-pkg\n") + 7), r.combined());
            assertTrue(r.stdout().contains("future.py\n"), "the install saw the setup commit's tree: " + r.stdout());
            assertTrue(r.stdout().endsWith("-rwxr-xr-x\n"), r.stdout());
        }
        assertFalse(docker.provider().imageExists(InstancePreparer.imageName(task) + ".unchecked"),
                "the staging name is gone once the image has its final name");

        InstanceEvaluator evaluator = new InstanceEvaluator(docker.provider(), new WorkspaceTrees(cache), docker.runId(),
                null, 1);
        Path out = tmp.resolve("gold");
        InstanceRun run = evaluator.evaluate(task, new Prediction(task.instanceId(), "gold", CalcRepo.GOLD), out);
        InstanceReport report = ReportBuilder.write(task, run, out);
        assertTrue(report.resolved(), run.message() + "\n" + report.toJson() + "\n"
                + Files.readString(out.resolve(run.attempts().get(0).outputFile())));
    }

    @Test
    void anEnvironmentImageWithAFileInTheWorkdirFailsPreparationAndGradingNamingIt() throws Exception {
        String polluted = "fixpoint/env:exact-tree-test-" + TAG + "-polluted";
        images.add(polluted);
        docker.provider().build(ImageBuild.builder(polluted, DockerTestSupport.PYTHON).workdir("/testbed")
                .steps(List.of("echo 'LEFT = 1' > leftover_module.py && mkdir -p sub && echo x > sub/old_data.txt"))
                .limits(DockerTestSupport.TEST_LIMITS).build(), line -> { });

        Task task = task("acme__calc-2", polluted);
        String instance = InstancePreparer.imageName(task);
        images.add(instance);
        SolverException e = assertThrows(SolverException.class,
                () -> new InstancePreparer(cache, docker.provider()).prepare(task).close());
        assertTrue(e.getMessage().startsWith("acme__calc-2: instance image of " + polluted + " + base commit " + base
                + ": the tree at the workdir is not exactly the base commit's: 2 path(s) differ from " + base
                + ": ?? leftover_module.py, ?? sub/old_data.txt"), e.getMessage());
        assertFalse(docker.provider().imageExists(instance), "a failed check keeps no image under the final name");
        assertFalse(docker.provider().imageExists(instance + ".unchecked"), "nor under the staging name");
        assertTrue(docker.leftovers().isEmpty(), "the check's sandbox is removed");

        Path out = tmp.resolve("polluted");
        InstanceRun run = new InstanceEvaluator(docker.provider(), new WorkspaceTrees(cache), docker.runId(), null, 1)
                .evaluate(task, new Prediction(task.instanceId(), "gold", CalcRepo.GOLD), out);
        assertEquals(EvalStatus.ERROR, run.phase(), run.message());
        assertTrue(run.message().contains("?? leftover_module.py, ?? sub/old_data.txt"), run.message());
        assertTrue(run.attempts().isEmpty(), "no test ran on the polluted tree");
        InstanceReport report = ReportBuilder.write(task, run, out);
        assertFalse(report.resolved());
        assertNotEquals("", run.message());
    }
}
