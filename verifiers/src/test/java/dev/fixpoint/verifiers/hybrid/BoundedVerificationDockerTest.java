package dev.fixpoint.verifiers.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.agent.testing.DockerSandboxes;
import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.HybridConfig;
import dev.fixpoint.verifiers.HybridVerifier;
import dev.fixpoint.verifiers.Verification;
import dev.fixpoint.verifiers.select.ExecutionOnly;
import dev.fixpoint.tasks.testing.Trees;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded, relevant verification in real sandboxes with real pytest: a repository whose unrelated tests take five
 * minutes is verified in seconds because only the chosen file runs; a chosen file slower than the budget is cut by
 * the budget, and nothing else starts.
 */
@Tag("docker")
class BoundedVerificationDockerTest {

    private static final String TEMPLATE = "python3 -m pytest -rA -p no:cacheprovider {test_files}";
    @RegisterExtension
    static final DockerSandboxes docker = new DockerSandboxes();

    @TempDir
    Path tree;

    private void write(String path, String content) throws Exception {
        Trees.write(tree, path, content);
    }

    private void repository(String opsTest) throws Exception {
        write("calc/__init__.py", "");
        write("calc/ops.py", "def add(a, b):\n    return a - b\n\n\ndef mul(a, b):\n    return a * b\n");
        write("calc/tests/__init__.py", "");
        write("calc/tests/test_ops.py", opsTest);
        write("slow/__init__.py", "");
        write("slow/tests/__init__.py", "");
        write("slow/tests/test_slow.py", "import time\n\n\ndef test_slow():\n    time.sleep(300)\n");
    }

    private static Task task() {
        // As the resolver leaves a SWE-bench row: {test_files} filled with the hidden test patch's file.
        return Task.builder().instanceId("demo__calc-9").repo("demo/calc").baseCommit("abc123")
                .problemStatement("add() subtracts")
                .environment(new EnvironmentSpec("fixpoint/python:latest", "/testbed", List.of(),
                        "python3 -m pytest -rA -p no:cacheprovider calc/tests/test_hidden.py", ResultFormat.PYTEST_LOG,
                        null, Duration.ofMinutes(30), Map.of(), TEMPLATE))
                .build();
    }

    private static String addReturns(String expression) {
        return "--- a/calc/ops.py\n+++ b/calc/ops.py\n@@ -1,5 +1,5 @@\n def add(a, b):\n-    return a - b\n+    return "
                + expression + "\n \n \n def mul(a, b):\n";
    }

    @Test
    void onlyTheChosenFileRunsAndTheRegressionBreakerLoses() throws Exception {
        repository("from calc.ops import add, mul\n\n\ndef test_add_zero():\n    assert add(0, 0) == 0\n\n\n"
                + "def test_add_to_zero():\n    assert add(5, 0) == 5\n\n\ndef test_mul():\n    assert mul(2, 3) == 6\n");
        List<CandidatePatch> pool = List.of(
                new CandidatePatch("r0", addReturns("a + b"), Map.of("repro.py",
                        "from calc.ops import add\nassert add(2, 3) == 5\n")),
                CandidatePatch.of("r1", addReturns("5")));
        long start = System.nanoTime();

        Verification v = new HybridVerifier(docker.provider(), null, HybridConfig.builder().strategy(ExecutionOnly.defaults())
                .runId("test-bounded").build()).verify(task(), tree, pool);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofMinutes(2)) < 0, "slow/tests/test_slow.py (300 s) never ran: " + took);
        assertEquals("python3 -m pytest -rA -p no:cacheprovider calc/tests/test_ops.py", v.regression().command());
        assertEquals("calc/tests/test_ops.py", v.regression().files().get(0).file());
        assertEquals(1, v.regression().files().size(), v.regression().files()::toString);
        assertEquals(3, v.regression().passingOnBase());
        assertEquals(List.of("regr:calc/tests/test_ops.py::test_add_zero"), v.tests().rows().get("r1").regressionBroken(),
                "add(a, b) = 5 breaks add(0, 0) == 0");
        assertEquals(List.of(), v.tests().rows().get("r0").regressionBroken());
        assertEquals(Optional.of("r0"), v.chosen(), v.selection().reasons()::toString);
    }

    @Test
    void aChosenFileSlowerThanTheBudgetIsCutAndNothingElseStarts() throws Exception {
        repository("import time\n\nfrom calc.ops import add\n\n\ndef test_add_zero():\n    time.sleep(120)\n"
                + "    assert add(0, 0) == 0\n");
        long start = System.nanoTime();

        Verification v = new HybridVerifier(docker.provider(), null, HybridConfig.builder().strategy(ExecutionOnly.defaults())
                .runId("test-bounded").budget(Duration.ofSeconds(8)).build())
                .verify(task(), tree, List.of(new CandidatePatch("r0", addReturns("a + b"), Map.of("repro.py",
                        "from calc.ops import add\nassert add(2, 3) == 5\n"))));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "the 120 s test was cut at the budget: " + took);
        assertTrue(v.notes().stream().anyMatch(n -> n.contains("base-regression: the test command timed out after")),
                v.notes()::toString);
        assertTrue(v.notes().contains("no regression tests: no result of the chosen test files passed on the base code"),
                v.notes()::toString);
        assertTrue(v.notes().contains("verification budget of 8 s spent: r0 not run (no execution evidence)"),
                v.notes()::toString);
        assertEquals(2, v.compute().sandboxes(), "the script on base, the regression file on base; r0 did not start");
        assertEquals(Map.of(), v.tests().rows());
        assertTrue(v.selection().abstained() || v.chosen().isPresent(), "selection still decides on what it has");
    }
}
