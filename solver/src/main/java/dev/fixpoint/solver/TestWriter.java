package dev.fixpoint.solver;

import dev.fixpoint.agent.Agent;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.agent.Model;
import dev.fixpoint.agent.PriceTable;
import dev.fixpoint.agent.Prompts;
import dev.fixpoint.agent.TrajectoryRecorder;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.solver.model.GovernedModel;
import dev.fixpoint.solver.run.TaskDirectory;
import dev.fixpoint.solver.verify.PreparedTask;
import dev.fixpoint.solver.verify.ReproScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test generation: agent sessions asked only to write a reproduction script for the issue (no fix), in sandboxes
 * from the instance image; their reproduction files join the pool of tests (kept only if they fail on the base
 * code, as every script). Usage counts against the task's budget like any model call.
 */
final class TestWriter {

    private static final Logger log = LoggerFactory.getLogger(TestWriter.class);
    private static final String INSTANCE = """
            Write a test for this issue of {{repo}} (task {{instance_id}}). The repository is at {{workdir}}.

            <issue>
            {{problem_statement}}
            </issue>

            Do NOT fix the issue. Write {{repro_file}}: a script that exits non-zero on the current code because of
            the problem described, and would exit 0 once it is fixed. Run it ({{repro_run}}) to check that it fails
            for that reason, then submit.""";

    private final SandboxProvider sandboxes;
    private final Concurrency concurrency;
    private final ModelSource models;
    private final PipelineConfig config;
    private final PriceTable prices;
    private final String runId;

    TestWriter(SandboxProvider sandboxes, Concurrency concurrency, ModelSource models, PipelineConfig config, PriceTable prices, String runId) {
        this.sandboxes = sandboxes;
        this.concurrency = concurrency;
        this.models = models;
        this.config = config;
        this.prices = prices;
        this.runId = runId;
    }

    List<ReproScript> write(PreparedTask prepared, int count, TaskDirectory dir, Budget.Ledger ledger) throws InterruptedException {
        var out = new ArrayList<ReproScript>();
        Prompts d = Prompts.defaults();
        Prompts prompts = new Prompts(d.systemTemplate(), INSTANCE, d.noToolCall());
        for (int k = 1; k <= count; k++) {
            Optional<Model> m = models.forTestWriting(prepared.task(), k);
            if (m.isEmpty() || ledger.exhausted().isPresent()) break;
            int index = k;
            Candidate c = concurrency.withContainer(() -> {
                Agent agent = Agent.builder(new GovernedModel(m.get(), concurrency, ledger)).prompts(prompts).limits(config.agentLimits()).prices(prices).build();
                SandboxSpec spec = SandboxSpec.builder(prepared.image()).workdir(prepared.workdir()).limits(config.sandboxLimits())
                        .label(SandboxLabels.RUN, runId).label(SandboxLabels.TASK, RolloutRunner.labelValue(prepared.task().instanceId()))
                        .label(SandboxLabels.ROLLOUT, "testgen-" + index).build();
                try (TrajectoryRecorder rec = TrajectoryRecorder.open(dir.root().resolve("testgen").resolve(index + ".jsonl"));
                     Sandbox box = sandboxes.start(spec)) {
                    return agent.run(prepared.task(), box, rec);
                }
            });
            c.reproduction().forEach(f -> out.add(new ReproScript(f.path(), f.content(), "testgen-" + index)));
            log.info("{}: test writer {} ({}) wrote {} file(s)", prepared.task().instanceId(), index, c.modelId(), c.reproduction().size());
        }
        return out;
    }
}
