package dev.fixpoint.harness;

import dev.fixpoint.harness.predictions.Prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.RepoLocator;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.env.EnvironmentResolver;
import dev.fixpoint.tasks.env.Resolution;
import dev.fixpoint.tasks.env.SpecFile;
import dev.fixpoint.tasks.testing.CalcRepo;
import dev.fixpoint.tasks.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec file's {@code env} reaches the harness's sandbox: a tiny task whose test reads a variable named only in
 * the spec (on an image used as is), graded with the gold patch, resolves; the same task without the variable does
 * not. The test command sees it too ({@code $CALC_SUITE} names the test file).
 */
@Tag("docker")
class EnvironmentVariablesDockerTest {

    static final String TEST_PATCH = String.join("\n",
            "diff --git a/test_calc.py b/test_calc.py",
            "--- a/test_calc.py",
            "+++ b/test_calc.py",
            "@@ -1,5 +1,11 @@",
            "+import os",
            "+",
            " from calc import add",
            " ",
            " ",
            " def test_zero():",
            "     assert add(0, 0) == 0",
            "+",
            "+",
            "+def test_add_from_env():",
            "+    assert add(2, int(os.environ[\"CALC_B\"])) == 2 + int(os.environ[\"CALC_B\"])",
            "");
    static final String GOLD = CalcRepo.GOLD;

    @TempDir
    Path tmp;

    @Test
    void testsSeeTheSpecsVariablesAndNothingElse() throws Exception {
        String base;
        try (GitFixture repo = GitFixture.init(tmp.resolve("src/calc"))) {
            base = CalcRepo.writeBase(repo).commit("subtract, by mistake");
        }
        String repoName = tmp.resolve("src/calc").toString();
        String entry = "    image: fixpoint/python:latest\n"
                + "    test_command: test -n \"$CALC_SUITE\" && python3 -m pytest -rA -p no:cacheprovider \"$CALC_SUITE\"\n"
                + "    result_format: pytest_log\n    test_timeout_seconds: 60\n";
        SpecFile withEnv = SpecFile.parse("\"" + repoName + "\":\n  default:\n" + entry
                + "    env: {CALC_B: \"40\", CALC_SUITE: test_calc.py}\n", "envs.yaml");
        SpecFile withoutB = SpecFile.parse("\"" + repoName + "\":\n  default:\n" + entry
                + "    env: {CALC_SUITE: test_calc.py}\n", "envs.yaml");
        RepoCache cache = RepoCache.open(tmp.resolve("cache"), RepoLocator.direct());

        try (DockerSandboxProvider sandboxes = DockerSandboxProvider.create()) {
            InstanceEvaluator evaluator = new InstanceEvaluator(sandboxes, new WorkspaceTrees(cache), "env-test", null, 1);

            Task task = resolve(withEnv, repoName, base);
            assertEquals(Map.of("CALC_B", "40", "CALC_SUITE", "test_calc.py"), task.environment().env());
            InstanceRun run = evaluator.evaluate(task, new Prediction(task.instanceId(), "m", GOLD), tmp.resolve("out"));
            InstanceReport report = ReportBuilder.write(task, run, tmp.resolve("out"));
            String output = Files.readString(tmp.resolve("out").resolve(run.attempts().get(0).outputFile()));
            assertTrue(report.resolved(), report.toJson() + "\n" + output);
            assertTrue(output.contains("PASSED test_calc.py::test_add_from_env"), output);

            Task without = resolve(withoutB, repoName, base);
            InstanceRun run2 = evaluator.evaluate(without, new Prediction(without.instanceId(), "m", GOLD), tmp.resolve("out2"));
            InstanceReport report2 = ReportBuilder.write(without, run2, tmp.resolve("out2"));
            String output2 = Files.readString(tmp.resolve("out2").resolve(run2.attempts().get(0).outputFile()));
            assertFalse(report2.resolved(), "without CALC_B in the spec the test cannot see it: " + output2);
            assertTrue(output2.contains("KeyError: 'CALC_B'"), output2);
        }
    }

    static Task resolve(SpecFile specs, String repo, String base) {
        Task bare = Task.builder().instanceId("calc-env-1").repo(repo).baseCommit(base).patch(GOLD).testPatch(TEST_PATCH)
                .failToPass(List.of("test_calc.py::test_add_from_env")).passToPass(List.of("test_calc.py::test_zero"))
                .build();
        Resolution r = EnvironmentResolver.of(specs, null).resolve(bare);
        assertTrue(r.resolved(), r.problem());
        return r.task();
    }
}
