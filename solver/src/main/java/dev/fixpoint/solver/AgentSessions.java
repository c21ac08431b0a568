package dev.fixpoint.solver;

import dev.fixpoint.agent.Agent;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.models.Budget;
import dev.fixpoint.models.GovernedModel;
import dev.fixpoint.models.Model;
import dev.fixpoint.models.ModelCallLog;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.models.PriceTable;
import dev.fixpoint.agent.Prompts;
import dev.fixpoint.agent.RepoFacts;
import dev.fixpoint.agent.Role;
import dev.fixpoint.agent.tool.Toolbox;
import dev.fixpoint.agent.trajectory.TrajectoryRecorder;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.solver.prepare.PreparedTask;

import java.nio.file.Path;

/**
 * Agent sessions on a task's instance image, as {@link RolloutRunner} and {@link TestWriter} run them: the agent with
 * the run's limits and prices, the tools of the session's {@link Role} that fit the repository's language and the
 * facts its prompts cite (both read from the base tree: {@link RepoFacts}), a sandbox labelled with the run, the task
 * and the session and given the task's environment variables (its spec's {@code env}, nothing else), the trajectory
 * recorded step by step. Both kinds of session share the run's model source, its concurrency bounds and the rule for
 * which sessions a resumed run redoes ({@link #cutShort}). Immutable, shared by the run's tasks.
 */
record AgentSessions(SandboxProvider sandboxes, Concurrency concurrency, ModelSource models, PipelineConfig config,
                     PriceTable prices, String runId) {

    /** {@code model} as a session uses it: within the run's model-call slots and the task's {@code ledger}. */
    GovernedModel governed(Model model, Budget.Ledger ledger, ModelCallLog calls) {
        return new GovernedModel(model, concurrency, ledger, calls);
    }

    /**
     * Whether a session that ended with {@code candidate} was cut short by the task's budget or by its sandbox: such a
     * session is not saved, so that a resumed run redoes it.
     */
    static boolean cutShort(Candidate candidate, Budget.Ledger ledger) {
        boolean cutByBudget = candidate.outcome() == Outcome.MODEL_ERROR && ledger.exhausted().isPresent();
        return cutByBudget || candidate.outcome() == Outcome.SANDBOX_ERROR;
    }

    /**
     * Runs one session to its end.
     *
     * @param model      the session's model, already governed by the run's concurrency and budget
     * @param role       what the session is asked to do; picks its submit tool's wording (its prompts must match)
     * @param session    the sandbox's {@link SandboxLabels#ROLLOUT} label, e.g. {@code 3} or {@code testgen-1}
     * @param trajectory where the trajectory is recorded
     * @throws dev.fixpoint.sandbox.SandboxException when the sandbox cannot be started
     */
    Candidate run(PreparedTask prepared, Model model, Role role, Prompts prompts, String session, Path trajectory) {
        RepoFacts facts = RepoFacts.of(prepared.baseTree(), prepared.task());
        Agent agent = Agent.builder(model).prompts(prompts).toolbox(Toolbox.forTask(role, facts.language(), config.tools())).facts(facts)
                .limits(config.agentLimits()).prices(prices).build();
        SandboxSpec.Builder b = SandboxSpec.builder(prepared.image()).workdir(prepared.workdir()).limits(config.sandboxLimits())
                .label(SandboxLabels.RUN, runId).label(SandboxLabels.TASK, labelValue(prepared.task().instanceId()))
                .label(SandboxLabels.ROLLOUT, session);
        prepared.task().environment().env().forEach(b::env);
        SandboxSpec spec = b.build();
        try (TrajectoryRecorder recorder = TrajectoryRecorder.open(trajectory);
             Sandbox box = sandboxes.start(spec)) {
            return agent.run(prepared.task(), box, recorder);
        }
    }

    static String labelValue(String s) {
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
