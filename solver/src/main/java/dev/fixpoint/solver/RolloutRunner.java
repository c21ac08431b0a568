package dev.fixpoint.solver;

import dev.fixpoint.models.Budget;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.agent.PatchStatus;
import dev.fixpoint.agent.Role;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.models.ModelCallLog;
import dev.fixpoint.solver.run.RolloutRecord;
import dev.fixpoint.solver.run.TaskDirectory;
import dev.fixpoint.solver.prepare.PreparedTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Runs one rollout: a sandbox from the task's instance image, the agent with this rollout's model, prompt variant
 * and limits, the trajectory recorded step by step; then saves the candidate (which marks the rollout finished).
 * A rollout cut short by the budget or by infrastructure is not saved, so that a resumed run redoes it; one ended by a
 * model error is saved (the reports show it) but redone by a resumed run ({@link TaskDirectory#reusableRollout}).
 */
final class RolloutRunner {

    private static final Logger log = LoggerFactory.getLogger(RolloutRunner.class);

    private final AgentSessions sessions;

    RolloutRunner(AgentSessions sessions) {
        this.sessions = sessions;
    }

    /** The finished rollout, or a record with {@code persisted=false} when it did not finish for good. */
    record Result(RolloutRecord record, boolean persisted, boolean reused) {}

    Result run(PreparedTask prepared, RolloutSettings settings, TaskDirectory dir, Budget.Ledger ledger) throws InterruptedException {
        String id = prepared.task().instanceId();
        Concurrency concurrency = sessions.concurrency();
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
        var model = sessions.governed(sessions.models().forRollout(prepared.task(), settings), ledger, new ModelCallLog());
        Candidate candidate;
        try {
            candidate = sessions.run(prepared, model, Role.FIX, PromptVariants.prompts(settings.promptVariant()),
                    Integer.toString(settings.index()), dir.trajectory(settings.index()));
        } catch (SandboxException e) {
            log.warn("{}: rollout {}: sandbox failed: {}", id, settings.index(), e.getMessage());
            candidate = Candidate.builder().instanceId(id).modelId(model.id()).outcome(Outcome.SANDBOX_ERROR).error(e.getMessage())
                    .patchStatus(PatchStatus.UNREADABLE).patchMessage("no patch: the rollout's sandbox failed: " + e.getMessage()).build();
            return new Result(new RolloutRecord(settings, candidate), false, false);
        }
        RolloutRecord record = new RolloutRecord(settings, candidate);
        if (AgentSessions.cutShort(candidate, ledger)) return new Result(record, false, false);
        dir.saveRollout(record);
        return new Result(record, true, false);
    }
}
