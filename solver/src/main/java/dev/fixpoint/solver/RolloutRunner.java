package dev.fixpoint.solver;

import dev.fixpoint.agent.Agent;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.agent.PriceTable;
import dev.fixpoint.agent.TrajectoryRecorder;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.solver.model.GovernedModel;
import dev.fixpoint.solver.run.RolloutRecord;
import dev.fixpoint.solver.run.TaskDirectory;
import dev.fixpoint.solver.verify.PreparedTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Runs one rollout: a sandbox from the task's instance image, the agent with this rollout's model, prompt variant
 * and limits, the trajectory recorded step by step; then saves the candidate (which marks the rollout finished).
 * A rollout cut short by the budget or by infrastructure is not saved, so that a resumed run redoes it.
 */
final class RolloutRunner {

    private static final Logger log = LoggerFactory.getLogger(RolloutRunner.class);

    private final SandboxProvider sandboxes;
    private final Concurrency concurrency;
    private final ModelSource models;
    private final PipelineConfig config;
    private final PriceTable prices;
    private final String runId;

    RolloutRunner(SandboxProvider sandboxes, Concurrency concurrency, ModelSource models, PipelineConfig config, PriceTable prices, String runId) {
        this.sandboxes = sandboxes;
        this.concurrency = concurrency;
        this.models = models;
        this.config = config;
        this.prices = prices;
        this.runId = runId;
    }

    /** The finished rollout, or a record with {@code persisted=false} when it did not finish for good. */
    record Result(RolloutRecord record, boolean persisted, boolean reused) {}

    Result run(PreparedTask prepared, RolloutSettings settings, TaskDirectory dir, Budget.Ledger ledger) throws InterruptedException {
        String id = prepared.task().instanceId();
        return concurrency.withRollout(() -> {
            try {
                return concurrency.withContainer(() -> runInSandbox(prepared, settings, dir, ledger));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SolverException(id + ": rollout " + settings.index() + " interrupted", e);
            }
        });
    }

    private Result runInSandbox(PreparedTask prepared, RolloutSettings settings, TaskDirectory dir, Budget.Ledger ledger) {
        String id = prepared.task().instanceId();
        var model = new GovernedModel(models.forRollout(prepared.task(), settings), concurrency, ledger);
        Agent agent = Agent.builder(model).prompts(PromptVariants.prompts(settings.promptVariant()))
                .limits(config.agentLimits()).prices(prices).build();
        SandboxSpec spec = SandboxSpec.builder(prepared.image()).workdir(prepared.workdir()).limits(config.sandboxLimits())
                .label(SandboxLabels.RUN, runId).label(SandboxLabels.TASK, labelValue(id))
                .label(SandboxLabels.ROLLOUT, Integer.toString(settings.index())).build();
        Candidate candidate;
        try (TrajectoryRecorder recorder = TrajectoryRecorder.open(dir.trajectory(settings.index()));
             Sandbox box = sandboxes.start(spec)) {
            candidate = agent.run(prepared.task(), box, recorder);
        } catch (SandboxException e) {
            log.warn("{}: rollout {}: sandbox failed: {}", id, settings.index(), e.getMessage());
            candidate = new Candidate(id, model.id(), "", null, Outcome.SANDBOX_ERROR, 0, null, null, e.getMessage(), Duration.ZERO);
            return new Result(new RolloutRecord(settings, candidate), false, false);
        }
        RolloutRecord record = new RolloutRecord(settings, candidate);
        boolean cutByBudget = candidate.outcome() == Outcome.MODEL_ERROR && ledger.exhausted().isPresent();
        boolean infra = candidate.outcome() == Outcome.SANDBOX_ERROR;
        if (cutByBudget || infra) return new Result(record, false, false);
        dir.saveRollout(record);
        return new Result(record, true, false);
    }

    static String labelValue(String s) {
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
