package dev.fixpoint.solver.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.models.Budget;
import dev.fixpoint.solver.ModelSource;
import dev.fixpoint.solver.TaskOutcome;
import dev.fixpoint.verifiers.Verification;
import dev.fixpoint.verifiers.dedup.Cluster;
import dev.fixpoint.verifiers.dedup.Clustering;
import dev.fixpoint.verifiers.exec.VerificationTest;

import java.util.List;
import java.util.Map;

/**
 * The per-task report {@code selection.json}: outcome, every rollout (model, settings, outcome, patch status and
 * message: changed, no change, too large with its size, unreadable with git's error; cluster), the
 * clusters, the reproduction tests kept or rejected, the selector's full evidence, adaptive stop and budget
 * notes, spend, and the verifiers' whole {@link Verification} under {@code verification} (test matrix rows,
 * compute, notes). Also writes {@code patch.diff}. Both atomically. {@code select} writes its own
 * {@code selection.json} ({@link #writeEnsemble}).
 */
public final class SelectionReport {

    private static final ObjectMapper JSON = RunJson.mapper();

    private SelectionReport() {}

    /**
     * @param result     the verification; null when the task ended before it (budget)
     * @param clustering the pool's clusters, as verified; null with {@code result}
     */
    public static void write(TaskDirectory dir, TaskOutcome outcome, ModelSource models, Verification result,
                             Clustering clustering, List<RolloutRecord> rollouts, String adaptiveNote) {
        ObjectNode n = JSON.createObjectNode().put("instance_id", outcome.instanceId()).put("status", outcome.status().name())
                .put("model", models.label()).put("scripted", models.scripted()).put("chosen", outcome.chosen());
        var reasons = n.putArray("reasons");
        outcome.reasons().forEach(reasons::add);
        n.putObject("rollouts_summary").put("planned", outcome.planned()).put("ran", outcome.ran()).put("reused", outcome.reused())
                .put("saved_by_adaptive_stop", outcome.savedByAdaptive()).put("skipped_by_budget", outcome.skippedByBudget());
        n.put("adaptive_stop", adaptiveNote);
        var rs = n.putArray("rollouts");
        for (RolloutRecord r : rollouts) {
            var c = r.candidate();
            ObjectNode o = rs.addObject().put("rollout", r.settings().index()).put("model", c.modelId())
                    .put("temperature", r.settings().temperature()).put("prompt_variant", r.settings().promptVariant())
                    .put("outcome", c.outcome().name()).put("steps", c.steps())
                    .put("patch_status", c.patchStatus().name()).put("patch_message", c.patchMessage()).put("patch_chars", c.patch().length())
                    .put("reproduction_files", c.reproduction().size()).put("error", c.error());
            if (clustering != null) {
                Cluster cl = clustering.byCandidate().get("rollout-" + r.settings().index());
                if (cl != null) o.put("cluster", cl.id());
            }
        }
        if (clustering != null) {
            var cs = n.putArray("clusters");
            for (Cluster c : clustering.clusters()) {
                var o = cs.addObject().put("id", c.id()).put("state", c.state().name()).put("size", c.size());
                c.memberIds().forEach(o.withArray("members")::add);
                c.files().forEach(o.withArray("files")::add);
            }
        }
        if (result != null) {
            writeVerification(n, result);
        }
        Budget.Spend s = outcome.spend();
        n.putObject("spend").put("usd", s.usd()).put("tokens", s.tokens()).put("model_calls", s.calls())
                .set("unpriced_models", JSON.valueToTree(s.unpricedModels()));
        n.put("wall_ms", outcome.wallTime().toMillis());
        AtomicFiles.write(dir.patchFile(), outcome.patch());
        AtomicFiles.write(dir.selectionFile(), RunJson.pretty(n, "the selection report of " + outcome.instanceId()));
    }

    /**
     * {@code select}'s {@code selection.json}: the test model, the status (SELECTED, ABSTAINED, or ERROR with the
     * model's failure), the candidates' sources by candidate id, and the verification's fields.
     *
     * @param sources      candidate id -> where it came from, e.g. {@code "preds.jsonl (model-x)"}
     * @param modelFailure why the task is an error rather than a selection, or null
     */
    public static void writeEnsemble(TaskDirectory dir, String instanceId, ModelSource models, Map<String, String> sources,
                                     Verification result, String modelFailure) {
        ObjectNode n = JSON.createObjectNode().put("instance_id", instanceId).put("test_model", models.label())
                .put("scripted", models.scripted()).put("status", modelFailure != null ? "ERROR" : result.selection().abstained() ? "ABSTAINED" : "SELECTED")
                .put("chosen", modelFailure != null ? null : result.selection().chosenCandidateId());
        if (modelFailure != null) n.put("error", modelFailure);
        n.set("candidates", JSON.valueToTree(sources));
        writeVerification(n, result);
        AtomicFiles.write(dir.selectionFile(), RunJson.pretty(n, "the selection report of " + instanceId));
    }

    /**
     * The verification's fields of {@code selection.json} (and of {@code select}'s report): reproduction tests kept
     * ("origin id: how it runs") and rejected, the regression test count, the selection, the judge, and the whole
     * verification.
     */
    private static void writeVerification(ObjectNode n, Verification result) {
        var scripts = n.putObject("reproduction_scripts");
        var kept = scripts.putArray("kept");
        int regression = 0;
        for (Verification.TestInfo t : result.tests().tests()) {
            if (t.kind() == VerificationTest.Kind.REPRODUCTION) kept.add(t.origin() + " " + t.id() + ": " + t.target());
            else regression++;
        }
        result.tests().discarded().forEach(scripts.putArray("rejected")::add);
        n.put("regression_tests", regression);
        n.set("selection", JSON.valueToTree(result.selection()));
        if (result.judge().ran()) {
            n.putObject("judge").put("calls", result.compute().judge().calls()).set("problems", JSON.valueToTree(result.judge().problems()));
        }
        n.set("verification", JSON.valueToTree(result));
    }
}
