package dev.fixpoint.agent;

import dev.fixpoint.agent.testing.Fixtures;
import dev.fixpoint.agent.testing.LocalSandbox;
import dev.fixpoint.models.ModelConfig;
import dev.fixpoint.models.Models;
import dev.fixpoint.models.PriceTable;
import dev.fixpoint.models.RetryPolicy;
import dev.fixpoint.models.testing.OpenAiStub;
import dev.fixpoint.tasks.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rollout's deadline cuts a model call short: a model server on loopback that never answers (the request timeout,
 * 300 s by default, far away), a rollout deadline of 3 s.
 */
@Tag("hostile-models")
class RolloutDeadlineTest {

    @TempDir Path repo;
    @TempDir Path state;

    @Test
    void aHangingModelCallEndsTheRolloutAtItsDeadline() throws Exception {
        String base = Fixtures.calcRepo(repo);
        Task task = Fixtures.calcTask(base, repo.toString());
        try (OpenAiStub stub = new OpenAiStub()) {
            stub.otherwiseHang();
            var model = Models.open(ModelConfig.parse("openai-compatible:stub-model").withBaseUrl(stub.baseUrl())
                    .withRetry(RetryPolicy.DEFAULT), Map.of());
            Agent agent = Agent.builder(model).stateDir(state.toString()).prices(PriceTable.defaults())
                    .limits(AgentLimits.DEFAULT.withMaxWallTime(Duration.ofSeconds(3))).build();
            long t0 = System.nanoTime();
            Candidate c = agent.run(task, new LocalSandbox(repo));
            double seconds = (System.nanoTime() - t0) / 1e9;

            assertEquals(Outcome.TIME_LIMIT, c.outcome(), c.error());
            assertTrue(c.error().startsWith("deadline: the model call was cut short at the rollout's deadline (PT3S"), c.error());
            assertTrue(seconds >= 2.5 && seconds < 20, "ended at the deadline, not after the request timeout: " + seconds + " s");
            assertEquals(1, stub.requests().size(), "the hanging call was the only one");
            assertFalse(Thread.currentThread().isInterrupted(), "the timer's interrupt does not leak");
        }
    }

    @Test
    void aCallThatAnswersInTimeIsNotCut() throws Exception {
        String base = Fixtures.calcRepo(repo);
        Task task = Fixtures.calcTask(base, repo.toString());
        try (OpenAiStub stub = new OpenAiStub()) {
            stub.delayed(1500, OpenAiStub.toolCall("c1", "submit", "{}", 10, 5, 0));
            var model = Models.open(ModelConfig.parse("openai-compatible:stub-model").withBaseUrl(stub.baseUrl()), Map.of());
            Candidate c = Agent.builder(model).stateDir(state.toString()).prices(PriceTable.defaults())
                    .limits(AgentLimits.DEFAULT.withMaxWallTime(Duration.ofSeconds(30))).build().run(task, new LocalSandbox(repo));
            assertEquals(Outcome.SUBMITTED, c.outcome(), c.error());
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }
}
