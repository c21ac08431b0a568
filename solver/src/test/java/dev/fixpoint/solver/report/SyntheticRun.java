package dev.fixpoint.solver.report;

import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.solver.grade.CandidateGrades;
import dev.fixpoint.solver.grade.PatchGrade;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.agent.AgentLimits;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.models.Message;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.agent.tool.Observation;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.agent.ReproductionFile;
import dev.fixpoint.agent.RolloutStart;
import dev.fixpoint.agent.trajectory.Step;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.agent.tool.ToolRun;
import dev.fixpoint.models.Usage;
import dev.fixpoint.agent.trajectory.TrajectoryJson;
import dev.fixpoint.solver.RolloutSettings;
import dev.fixpoint.solver.run.AtomicFiles;
import dev.fixpoint.solver.run.RolloutRecord;
import dev.fixpoint.solver.run.RunDirectory;
import dev.fixpoint.solver.run.RunJson;
import dev.fixpoint.solver.run.TaskDirectory;
import dev.fixpoint.verifiers.ModelSpend;
import dev.fixpoint.verifiers.Verification;
import dev.fixpoint.verifiers.dedup.PatchState;
import dev.fixpoint.verifiers.exec.TestVerdict;
import dev.fixpoint.verifiers.exec.VerificationTest;
import dev.fixpoint.verifiers.select.Abstention;
import dev.fixpoint.verifiers.select.Evidence;
import dev.fixpoint.verifiers.select.ExecutionEvidence;
import dev.fixpoint.verifiers.select.Selection;
import dev.fixpoint.verifiers.select.Selector;
import dev.fixpoint.verifiers.select.Strategies;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Writes a synthetic batch run directory (and optionally an eval directory and a grade cache) in the formats the
 * real writers produce: trajectories through the agent's {@link TrajectoryJson}, candidates through
 * {@link RolloutRecord}, predictions through {@link RunDirectory}, the selection through the verifiers' real
 * {@link Selector} serialised as batch does. For the report's tests and scripts/bench-report.
 *
 * <p>Each rollout is one of three kinds: GOLD (one of two textually different but correct patches), PARTIAL (passes half
 * the reproduction tests, unresolved), BREAKS (breaks a regression test). Task 0's texts carry HTML/script payloads
 * when {@link Spec#hostile()} is set.
 */
public final class SyntheticRun {

    /** The HTML payload hostile runs carry in model text, observations, patches and the issue. */
    public static final String PAYLOAD = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"></pre></script><!--";

    /** The arguments of task 0's edit call in a hostile run: two multi-line strings. */
    public static final String EDIT_ARGS = "{\"path\":\"src/core.py\",\"old_str\":\"def add(a, b):\\n    return a + b\\n\","
            + "\"new_str\":\"def add(a, b):\\n    if b < 0:\\n        return a - abs(b)\\n    return a + b\\n\"}";

    private static final ObjectMapper JSON = RunJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param tasks     number of tasks
     * @param rollouts  rollouts per task
     * @param steps     steps per trajectory
     * @param obsChars  characters per observation
     * @param scripted  label the model scripted
     * @param priced    give every rollout a dollar cost
     * @param hostile   put {@link #PAYLOAD} into task 0's texts
     * @param seed      random seed
     */
    public record Spec(int tasks, int rollouts, int steps, int obsChars, boolean scripted, boolean priced, boolean hostile, long seed) {
        public static Spec small() {
            return new Spec(6, 4, 4, 300, false, true, true, 7);
        }
    }

    enum Kind { GOLD_A, GOLD_B, PARTIAL, BREAKS }

    private SyntheticRun() {}

    /** Writes the batch run into {@code root}; with {@code evalDir}, also an eval run of its predictions; grades when asked. */
    public static void write(Spec spec, Path root, Path evalDir, boolean grades) throws IOException {
        Random rnd = new Random(spec.seed());
        RunDirectory run = RunDirectory.open(root);
        CandidateGrades cache = CandidateGrades.empty();
        Map<String, Boolean> shippedResolves = new LinkedHashMap<>();
        String model = spec.scripted() ? "scripted:synthetic" : "openai:gpt-synthetic";
        for (int t = 0; t < spec.tasks(); t++) {
            String id = "synthetic__repo-%04d".formatted(t);
            boolean hostile = spec.hostile() && t == 0;
            TaskDirectory td = run.task(id);
            List<Kind> kinds = new ArrayList<>();
            List<Evidence> pool = new ArrayList<>();
            Map<String, Integer> clusterOfPatch = new LinkedHashMap<>();
            for (int k = 1; k <= spec.rollouts(); k++) {
                Kind kind = t % 7 == 3 ? (rnd.nextBoolean() ? Kind.PARTIAL : Kind.BREAKS) : Kind.values()[rnd.nextInt(4)];
                kinds.add(kind);
                String patch = patch(id, kind, hostile);
                writeRollout(td, id, model, k, kind, patch, spec, rnd, hostile);
                int cluster = clusterOfPatch.computeIfAbsent(kind == Kind.GOLD_B ? patch(id, Kind.GOLD_A, hostile) : patch, p -> clusterOfPatch.size());
                ExecutionEvidence x = switch (kind) {
                    case GOLD_A, GOLD_B -> new ExecutionEvidence(true, 2, 2, 0, 12);
                    case PARTIAL -> new ExecutionEvidence(true, 1, 2, 0, 12);
                    case BREAKS -> new ExecutionEvidence(true, 0, 2, 1, 12);
                };
                pool.add(new Evidence("rollout-" + k, cluster, 1, PatchState.APPLIES, x, null));
                if (grades) cache.put(id, CandidateGrades.sha(patch), grade(kind));
            }
            List<Evidence> sized = pool.stream().map(e -> new Evidence(e.candidateId(), e.clusterId(),
                    (int) pool.stream().filter(o -> o.clusterId() == e.clusterId()).count(), e.patchState(), e.execution(), null)).toList();
            Selection sel = new Selector().select(Strategies.named("weighted", new Abstention(0.5, 0.0)), sized);
            writeSelection(td, id, model, spec, sel, sized, kinds, rnd);
            String chosenPatch = sel.chosen().map(c -> patch(id, kinds.get(Integer.parseInt(c.substring(8)) - 1), hostile)).orElse("");
            run.addPrediction(new Prediction(id, model, chosenPatch));
            shippedResolves.put(id, sel.chosen().map(c -> kinds.get(Integer.parseInt(c.substring(8)) - 1).name().startsWith("GOLD")).orElse(false));
        }
        writeRunJson(run, spec, model);
        if (grades) cache.save(root);
        if (evalDir != null) writeEval(evalDir, shippedResolves, model);
    }

    /** A run of one real task whose rollouts carry the given patches (for grading them with the real harness). */
    public static void writeOneTask(Path root, String instanceId, List<String> patches) throws IOException {
        Spec spec = new Spec(1, patches.size(), 2, 50, true, false, false, 1);
        Random rnd = new Random(1);
        RunDirectory run = RunDirectory.open(root);
        TaskDirectory td = run.task(instanceId);
        List<Evidence> pool = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        for (int k = 1; k <= patches.size(); k++) {
            writeRollout(td, instanceId, "scripted:synthetic", k, Kind.GOLD_A, patches.get(k - 1), spec, rnd, false);
            pool.add(new Evidence("rollout-" + k, k - 1, 1, PatchState.APPLIES, new ExecutionEvidence(true, 1, 1, 0, 1), null));
            kinds.add(Kind.GOLD_A);
        }
        Selection sel = new Selector().select(Strategies.named("weighted", new Abstention(0.5, 0.0)), pool);
        writeSelection(td, instanceId, "scripted:synthetic", spec, sel, pool, kinds, rnd);
        writeRunJson(run, spec, "scripted:synthetic");
    }

    private static PatchGrade grade(Kind kind) {
        boolean gold = kind == Kind.GOLD_A || kind == Kind.GOLD_B;
        return new PatchGrade(gold ? "resolved" : kind == Kind.PARTIAL ? "partial" : "unresolved", gold,
                Map.of("tests/test_core.py::test_issue", new PatchGrade.TestResult("FAIL_TO_PASS", kind != Kind.BREAKS),
                        "tests/test_core.py::test_issue_edge", new PatchGrade.TestResult("FAIL_TO_PASS", gold),
                        "tests/test_core.py::test_old", new PatchGrade.TestResult("PASS_TO_PASS", kind != Kind.BREAKS)), "");
    }

    static String patch(String id, Kind kind, boolean hostile) {
        String change = switch (kind) {
            case GOLD_A -> "-    return a + b\n+    return a + b if b >= 0 else a - abs(b)\n";
            case GOLD_B -> "-    return a + b\n+    return a + b if b >= 0 else a - abs(b)  # same change, another comment\n";
            case PARTIAL -> "-    return a + b\n+    return a + max(b, 0)\n";
            case BREAKS -> "-    return a + b\n+    return a - b\n";
        };
        return "diff --git a/src/core.py b/src/core.py\n--- a/src/core.py\n+++ b/src/core.py\n@@ -10,3 +10,3 @@ def add(a, b):\n"
                + "     # " + id + (hostile ? " " + PAYLOAD : "") + "\n" + change + "     pass\n";
    }

    private static void writeRollout(TaskDirectory td, String id, String model, int k, Kind kind, String patch, Spec spec, Random rnd,
                                     boolean hostile) throws IOException {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(k * 60L);
        String issue = "Adding a negative number gives the wrong result in " + id + ".\n\n```python\nadd(1, -2)  # expected -1\n```"
                + (hostile ? "\n" + PAYLOAD : "");
        RolloutStart start = new RolloutStart(id, model + "/" + kind.name().toLowerCase(), "/testbed",
                List.of(new Message.SystemPrompt("You are an expert software engineer. You fix an issue in a Python repository.\n"),
                        new Message.User("Resolve this issue.\n\n<issue>\n" + issue + "\n</issue>\n")),
                List.of(), AgentLimits.DEFAULT, t0);
        StringBuilder lines = new StringBuilder(TrajectoryJson.start(start).toString()).append('\n');
        Usage total = Usage.of(0, 0, 0, Duration.ZERO);
        for (int s = 1; s <= spec.steps(); s++) {
            boolean last = s == spec.steps();
            // task 0 of a hostile run edits a file at step 2: arguments with multi-line strings
            boolean edit = hostile && s == 2 && !last;
            String tool = last ? "submit" : edit ? "edit" : s % 2 == 1 ? "bash" : "view";
            String args = last ? "{\"summary\":\"fixed\"}" : edit ? EDIT_ARGS : tool.equals("bash") ? "{\"command\":\"python -m pytest -q tests/test_core.py\"}"
                    : "{\"path\":\"src/core.py\"}";
            String text = "Step " + s + ": let me " + (last ? "submit." : "look at the code.") + (hostile && s == 1 ? " " + PAYLOAD : "");
            ToolCall call = new ToolCall("call-" + s, tool, args);
            Usage u = Usage.of(2_000 + rnd.nextInt(3_000), 100 + rnd.nextInt(300), 0, Duration.ofMillis(400));
            total = new Usage(total.inputTokens() + u.inputTokens(), total.outputTokens() + u.outputTokens(), 0, Duration.ZERO, total.calls() + 1);
            Optional<BigDecimal> cost = spec.priced() ? Optional.of(BigDecimal.valueOf(u.inputTokens() * 2 + u.outputTokens() * 8, 6)) : Optional.empty();
            Step step = Step.builder().index(s).startedAt(t0.plusSeconds(s * 5L)).requestMessages(2 * s).requestChars(4_000L * s)
                    .response(new ModelResponse(new Message.Assistant(text, List.of(call)), u, "tool_calls")).cost(cost)
                    .toolRuns(List.of(new ToolRun(call, new Observation(observation(spec.obsChars(), s, hostile && s == 2), false, last), Duration.ofMillis(300))))
                    .totalUsage(total).totalCost(cost).modelTime(Duration.ofMillis(400)).toolTime(Duration.ofMillis(300))
                    .stepTime(Duration.ofMillis(720)).build();
            lines.append(TrajectoryJson.step(step).toString()).append('\n');
        }
        Optional<BigDecimal> rolloutCost = spec.priced() ? Optional.of(BigDecimal.valueOf(total.inputTokens() * 2 + total.outputTokens() * 8, 6))
                : spec.scripted() ? Optional.of(BigDecimal.ZERO) : Optional.empty();
        Candidate c = Candidate.builder().instanceId(id).modelId(start.modelId()).patch(patch)
                .reproduction(List.of(new ReproductionFile("repro_issue.py", "assert add(1, -2) == -1\n"))).outcome(Outcome.SUBMITTED)
                .steps(spec.steps()).usage(total).costUsd(rolloutCost).wallTime(Duration.ofMillis(spec.steps() * 720L)).build();
        lines.append(TrajectoryJson.end(c).toString()).append('\n');
        Files.createDirectories(td.rolloutDir(k));
        Files.writeString(td.trajectory(k), lines.toString());
        td.saveRollout(new RolloutRecord(new RolloutSettings(k, k % 3 * 0.4, "default"), c));
    }

    private static String observation(int chars, int step, boolean hostile) {
        StringBuilder b = new StringBuilder();
        if (hostile) b.append(SyntheticRun.PAYLOAD).append('\n');
        int line = 1;
        while (b.length() < chars) b.append("%4d  ".formatted(line++)).append(step % 2 == 0 ? "def add(a, b):  # source line\n" : "tests/test_core.py::test_old PASSED\n");
        return b.toString();
    }

    private static void writeSelection(TaskDirectory td, String id, String model, Spec spec, Selection sel, List<Evidence> pool,
                                       List<Kind> kinds, Random rnd) throws IOException {
        ObjectNode n = JSON.createObjectNode().put("instance_id", id).put("status", sel.abstained() ? "ABSTAINED" : "SELECTED")
                .put("model", model).put("scripted", spec.scripted()).put("chosen", sel.chosenCandidateId());
        sel.reasons().forEach(n.putArray("reasons")::add);
        n.putObject("rollouts_summary").put("planned", spec.rollouts()).put("ran", spec.rollouts());
        n.putNull("adaptive_stop");
        var rs = n.putArray("rollouts");
        for (Evidence e : pool) {
            rs.addObject().put("rollout", Integer.parseInt(e.candidateId().substring(8))).put("outcome", "SUBMITTED").put("cluster", e.clusterId());
        }
        var cs = n.putArray("clusters");
        pool.stream().map(Evidence::clusterId).distinct().forEach(c -> {
            var o = cs.addObject().put("id", c).put("state", "APPLIES").put("size", pool.stream().filter(e -> e.clusterId() == c).count());
            pool.stream().filter(e -> e.clusterId() == c).forEach(e -> o.withArray("members").add(e.candidateId()));
            o.withArray("files").add("src/core.py");
        });
        n.set("selection", JSON.valueToTree(sel));
        n.set("verification", JSON.valueToTree(verification(id, sel, kinds)));
        n.putObject("spend").put("usd", spec.priced() ? BigDecimal.valueOf(10_000 + rnd.nextInt(90_000), 6) : spec.scripted() ? BigDecimal.ZERO : null)
                .put("tokens", 40_000 + rnd.nextInt(60_000)).put("model_calls", spec.rollouts() * spec.steps()).putArray("unpriced_models");
        if (!spec.priced() && !spec.scripted()) ((com.fasterxml.jackson.databind.node.ArrayNode) n.path("spend").path("unpriced_models")).add(model);
        n.put("wall_ms", 20_000 + rnd.nextInt(80_000));
        AtomicFiles.write(td.selectionFile(), JSON.writeValueAsString(n) + "\n");
    }

    /** The verifiers' record as batch serialises it: two reproduction tests and one regression test per task. */
    private static Verification verification(String id, Selection sel, List<Kind> kinds) {
        List<Verification.TestInfo> tests = List.of(
                new Verification.TestInfo("repro-1", VerificationTest.Kind.REPRODUCTION, "rollout-1", "python repro_issue.py"),
                new Verification.TestInfo("repro-2", VerificationTest.Kind.REPRODUCTION, "generated", "python repro_2.py"),
                new Verification.TestInfo("regr-1", VerificationTest.Kind.REGRESSION, "suite", "tests/test_core.py::test_old"));
        Map<String, Verification.Row> rows = new LinkedHashMap<>();
        for (int k = 1; k <= kinds.size(); k++) {
            Kind kind = kinds.get(k - 1);
            boolean gold = kind == Kind.GOLD_A || kind == Kind.GOLD_B;
            rows.put("rollout-" + k, new Verification.Row(true, Map.of("repro-1", kind == Kind.BREAKS ? TestVerdict.FAIL : TestVerdict.PASS,
                    "repro-2", gold ? TestVerdict.PASS : TestVerdict.FAIL), kind == Kind.BREAKS ? List.of("regr-1") : List.of(), ""));
        }
        return new Verification(id, sel, new Verification.Tests(true, tests, List.of(), rows), Verification.Judge.none(),
                new Verification.Compute(Duration.ofSeconds(3), kinds.size(), ModelSpend.NONE, ModelSpend.NONE), List.of());
    }

    private static void writeRunJson(RunDirectory run, Spec spec, String model) throws IOException {
        ObjectNode n = JSON.createObjectNode().put("run_id", "synthetic").put("model", model).put("scripted", spec.scripted())
                .put("started_at", "2026-01-01T00:00:00Z").put("updated_at", "2026-01-01T01:02:03Z").put("complete", true);
        n.putObject("settings").put("rollouts", spec.rollouts()).put("strategy", "weighted").putNull("tasks_file");
        n.putObject("spend").put("usd", spec.priced() ? BigDecimal.ONE : null).put("tokens", 1).put("model_calls", 1).putArray("unpriced_models");
        run.writeReport(JSON.writeValueAsString(n) + "\n");
    }

    private static void writeEval(Path dir, Map<String, Boolean> resolved, String model) throws IOException {
        ObjectNode summary = JSON.createObjectNode().put("total_instances", resolved.size()).put("submitted_instances", resolved.size())
                .put("completed_instances", resolved.size()).put("resolved_instances", resolved.values().stream().filter(b -> b).count())
                .put("unresolved_instances", resolved.values().stream().filter(b -> !b).count()).put("empty_patch_instances", 0).put("error_instances", 0);
        for (var e : resolved.entrySet()) {
            ObjectNode r = JSON.createObjectNode();
            ObjectNode b = r.putObject(e.getKey()).put("patch_exists", true).put("patch_successfully_applied", true).put("resolved", e.getValue());
            ObjectNode ts = b.putObject("tests_status");
            ts.putObject("FAIL_TO_PASS").set(e.getValue() ? "success" : "failure", JSON.createArrayNode().add("tests/test_core.py::test_issue"));
            ts.putObject("PASS_TO_PASS").set("success", JSON.createArrayNode().add("tests/test_core.py::test_old"));
            b.put("status", e.getValue() ? "resolved" : "unresolved").put("model_name_or_path", model).put("message", "");
            AtomicFiles.write(dir.resolve(e.getKey()).resolve("report.json"), JSON.writeValueAsString(r));
        }
        AtomicFiles.write(dir.resolve("summary.json"), JSON.writeValueAsString(summary));
    }
}
