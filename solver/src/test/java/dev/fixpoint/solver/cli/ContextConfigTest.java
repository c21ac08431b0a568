package dev.fixpoint.solver.cli;

import dev.fixpoint.agent.ContextPolicy;
import dev.fixpoint.solver.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.fixpoint.solver.cli.ConfigAndModelTest.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** context_tokens and context_keep_steps reach each rollout's limits; the model's table entry applies when unset. */
class ContextConfigTest {

    @Test
    void contextSettingsReachTheRolloutLimits(@TempDir Path dir) throws Exception {
        ContextPolicy unset = SolverSetup.pipeline(ConfigLoader.load(null, Map.of())).agentLimits().context();
        assertNull(unset.windowTokens(), "the model's window from the table");
        assertEquals(5, unset.keepSteps());
        assertEquals(1_047_576L, unset.forModel("openai:gpt-4.1").windowTokens());
        assertEquals(200_000L, unset.forModel("anthropic:claude-sonnet-4-20250514").windowTokens());
        assertEquals(0L, unset.forModel("scripted:demo").windowTokens(), "no entry: not managed");

        Path f = dir.resolve("fixpoint.yaml");
        Files.writeString(f, "context_tokens: 32000\ncontext_keep_steps: 3\n");
        ContextPolicy set = SolverSetup.pipeline(ConfigLoader.load(f, Map.of())).agentLimits().context();
        assertEquals(new ContextPolicy(32_000L, 3), set);
        assertEquals(set, set.forModel("openai:gpt-4.1"), "the config overrides the table");
        assertEquals(25_600L, set.requestBudget());

        assertRejected(f, "context_keep_steps: 0\n", "context_keep_steps must be >= 1");
        assertRejected(f, "context_tokens: -1\n", "context_tokens must be >= 0");
    }
}
