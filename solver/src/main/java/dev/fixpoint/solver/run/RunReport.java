package dev.fixpoint.solver.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.models.Budget;
import dev.fixpoint.solver.TaskOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run report {@code run.json}: run id, model (and whether it is scripted), settings, totals by status,
 * rollouts run / reused / saved by the adaptive stop / skipped by the budget, spend against the budget, and one
 * entry per task of this process.
 */
public final class RunReport {

    private static final ObjectMapper JSON = RunJson.mapper();

    private final String runId;
    private final String model;
    private final boolean scripted;
    private final Map<String, Object> settings;
    private final Budget budget;

    public RunReport(String runId, String model, boolean scripted, Map<String, Object> settings, Budget budget) {
        this.runId = runId;
        this.model = model;
        this.scripted = scripted;
        this.settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        this.budget = budget;
    }

    public synchronized void write(RunDirectory dir, List<TaskOutcome> outcomesLive, List<String> previously, Instant start, boolean done) {
        List<TaskOutcome> outcomes;
        synchronized (outcomesLive) {
            outcomes = new ArrayList<>(outcomesLive);
        }
        ObjectNode n = JSON.createObjectNode().put("run_id", runId).put("model", model).put("scripted", scripted)
                .put("started_at", start.toString()).put("updated_at", Instant.now().toString()).put("complete", done);
        n.set("settings", JSON.valueToTree(settings));
        ObjectNode totals = n.putObject("totals");
        for (TaskOutcome.Status s : TaskOutcome.Status.values()) {
            totals.put(s.name().toLowerCase(), outcomes.stream().filter(o -> o.status() == s).count());
        }
        totals.put("finished_in_earlier_run", previously.size());
        ObjectNode r = n.putObject("rollouts");
        r.put("ran", outcomes.stream().mapToInt(TaskOutcome::ran).sum());
        r.put("reused_from_earlier_run", outcomes.stream().mapToInt(TaskOutcome::reused).sum());
        r.put("saved_by_adaptive_stop", outcomes.stream().mapToInt(TaskOutcome::savedByAdaptive).sum());
        r.put("skipped_by_budget", outcomes.stream().mapToInt(TaskOutcome::skippedByBudget).sum());
        Budget.Spend spend = budget.spent();
        ObjectNode b = n.putObject("spend");
        b.put("usd", spend.usd()).put("tokens", spend.tokens()).put("model_calls", spend.calls());
        b.set("unpriced_models", JSON.valueToTree(spend.unpricedModels()));
        b.put("budget_usd", budget.runLimits().usd()).put("budget_tokens", budget.runLimits().tokens());
        budget.runExhausted().ifPresent(x -> b.put("exhausted", x));
        var tasks = n.putArray("tasks");
        for (TaskOutcome o : outcomes) {
            ObjectNode t = tasks.addObject().put("instance_id", o.instanceId()).put("status", o.status().name()).put("chosen", o.chosen())
                    .put("patch_chars", o.patch().length()).put("planned", o.planned()).put("ran", o.ran()).put("reused", o.reused())
                    .put("saved_by_adaptive_stop", o.savedByAdaptive()).put("skipped_by_budget", o.skippedByBudget())
                    .put("usd", o.spend().usd()).put("tokens", o.spend().tokens()).put("wall_ms", o.wallTime().toMillis());
            t.set("reasons", JSON.valueToTree(o.reasons()));
        }
        previously.forEach(id -> tasks.addObject().put("instance_id", id).put("status", "FINISHED_EARLIER"));
        dir.writeReport(RunJson.pretty(n, "the run report"));
    }
}
