package dev.fixpoint.solver.cli;

import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.config.ConfigLoader;
import dev.fixpoint.solver.config.FixpointConfig;
import dev.fixpoint.solver.testing.Cli;
import dev.fixpoint.solver.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Config file, flags over it, secrets masked; no model means a clear error and exit 3. No Docker needed. */
class ConfigAndModelTest {

    @Test
    void flagsOverrideTheFileAndDefaultsFillTheRest(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fixpoint.yaml");
        Files.writeString(f, "rollouts: 8\nworkers: 3\nstrategy: execution-only\nbudget_usd: 12.5\n");
        FixpointConfig c = ConfigLoader.load(f, new java.util.HashMap<>(Map.of("workers", 5)));
        assertEquals(8, c.rollouts());
        assertEquals(5, c.workers());
        assertEquals("execution-only", c.strategy());
        assertEquals(0, c.budgetUsd().compareTo(new java.math.BigDecimal("12.5")));
        assertEquals("GITHUB_TOKEN", c.githubTokenEnv());
    }

    @Test
    void unknownKeyAndBadValueAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        assertRejected(f, "rolouts: 3\n", "rolouts");
        assertRejected(f, "workers: 0\n", "workers must be >= 1");
    }

    /** Writes {@code yaml} to the config file {@code f} and asserts that loading it fails with a message saying {@code said}. */
    static void assertRejected(Path f, String yaml, String said) throws Exception {
        Files.writeString(f, yaml);
        var e = assertThrows(SolverException.class, () -> ConfigLoader.load(f, Map.of()));
        assertTrue(e.getMessage().contains(said), e.getMessage());
    }

    @Test
    void verificationBudgetAndRegressionFilesReachThePipelineAndShow(@TempDir Path dir) throws Exception {
        String shown = ConfigLoader.show(ConfigLoader.load(null, Map.of()), null, Map.of());
        assertTrue(shown.contains("verification_budget_minutes: 10"), shown);
        assertTrue(shown.contains("regression_test_files: 8"), shown);
        Path f = dir.resolve("fixpoint.yaml");
        Files.writeString(f, "verification_budget_minutes: 3\nregression_test_files: 5\n");
        var pipeline = SolverSetup.pipeline(ConfigLoader.load(f, Map.of()));
        assertEquals(java.time.Duration.ofMinutes(3), pipeline.verificationBudget());
        assertEquals(5, pipeline.regressionTestFiles());
        assertRejected(f, "verification_budget_minutes: 0\n", "verification_budget_minutes must be >= 1");
    }

    @Test
    void showMasksSecrets() {
        FixpointConfig c = ConfigLoader.load(null, Map.of("model", "openai:gpt-4.1"));
        String shown = ConfigLoader.show(c, null, Map.of("OPENAI_API_KEY", "sk-test-0123456789abcdefWXYZ"));
        assertTrue(shown.contains("OPENAI_API_KEY: set (****WXYZ)"), shown);
        assertFalse(shown.contains("sk-test-0123456789"), shown);
        assertTrue(shown.contains("GITHUB_TOKEN: unset"), shown);
        assertTrue(shown.contains("rollouts: 4"), shown);
    }

    @Test
    void batchAndSolveWithoutModelNameTheFlagsAndVariables(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "", "FIXPOINT_CONFIG", "");
        var r = Cli.run(dir.resolve("a"), env, Duration.ofSeconds(60), "batch", "--tasks", Samples.TASKS.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.NO_MODEL, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("--model") && r.stderr().contains("--scripted") && r.stderr().contains("OPENAI_API_KEY"), r.stderr());
        var s = Cli.run(dir.resolve("b"), env, Duration.ofSeconds(60), "solve", "--repo", ".", "--issue", "x", "--model", "openai:gpt-4.1");
        assertEquals(ExitCodes.NO_MODEL, s.exit(), s.stderr());
        assertTrue(s.stderr().contains("OPENAI_API_KEY"), s.stderr());
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"batch", "solve", "select", "images", "config"}) {
            assertEquals(0, Main.run(cmd, "--help"), cmd);
        }
    }
}
