package dev.fixpoint.solver.report;

import dev.fixpoint.solver.grade.CandidateGrades;
import dev.fixpoint.solver.grade.PatchGrade;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.verifiers.select.CandidateScore;
import dev.fixpoint.verifiers.select.Evidence;
import dev.fixpoint.verifiers.select.Selection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One task's detail data for the page, as JSON the page's script renders when the task is opened: issue text,
 * candidates (patch, evidence, scores, judge verdicts, grade), the test matrix (tests x candidates), and every
 * rollout's trajectory. Built one task at a time so that a 2,000-task page never holds all trajectories twice.
 */
final class TaskDetails {

    private final ReportData data;
    private final Map<String, TaskRun> tasks = new java.util.HashMap<>();
    private final TrajectoryReader trajectories;
    private final int maxText;
    private final int maxPatch;

    TaskDetails(ReportData data, SharedTexts shared, int maxText, int maxPatch) {
        this.data = data;
        data.batch().ifPresent(b -> b.tasks().forEach(t -> tasks.put(t.instanceId(), t)));
        this.trajectories = new TrajectoryReader(maxText, shared);
        this.maxText = maxText;
        this.maxPatch = maxPatch;
    }

    ObjectNode of(TaskRow row) {
        ObjectNode n = SafeJson.mapper().createObjectNode().put("id", row.instanceId()).put("status", row.status())
                .put("statusSource", row.statusSource()).put("selection", row.selection());
        Optional<TaskRun> task = Optional.ofNullable(tasks.get(row.instanceId()));
        Optional<PatchGrade> eval = data.eval().map(e -> e.grades().get(row.instanceId()));
        String issue = data.issues().get(row.instanceId());
        if (issue == null) issue = task.flatMap(TaskDetails::issueFromTrajectory).orElse(null);
        n.put("issue", issue == null ? null : Clip.clip(issue, maxText * 8, "the task file"));
        eval.ifPresent(g -> n.putObject("eval").put("status", g.status()).put("message", g.message()));
        if (task.isEmpty()) {
            eval.ifPresent(g -> matrix(n, List.of("shipped patch"), List.of(Optional.of(g))));
            return n;
        }
        TaskRun t = task.get();
        n.put("chosen", t.chosen().orElse(null)).put("adaptive", t.adaptiveNote()).put("cost", t.spend().costLabel())
                .put("tokens", t.spend().tokens()).put("wallMs", t.wallMs());
        ArrayNode reasons = n.putArray("reasons");
        t.reasons().forEach(reasons::add);
        ArrayNode judgeProblems = n.putArray("judgeProblems");
        t.judgeProblems().forEach(judgeProblems::add);
        t.selection().ifPresent(s -> {
            n.put("strategy", s.strategy());
            ArrayNode notes = n.putArray("notes");
            s.notes().forEach(notes::add);
        });
        ArrayNode clusters = n.putArray("clusters");
        for (ClusterInfo c : t.clusters()) {
            ObjectNode o = clusters.addObject().put("id", c.id()).put("state", c.state()).put("size", c.size());
            c.members().forEach(o.putArray("members")::add);
            c.files().forEach(o.putArray("files")::add);
        }
        ArrayNode candidates = n.putArray("candidates");
        List<String> columns = new ArrayList<>();
        List<Optional<PatchGrade>> grades = new ArrayList<>();
        for (RolloutInfo r : t.rollouts()) {
            candidates.add(candidate(t, r));
            columns.add(r.candidateId());
            grades.add(data.grades().of(t.instanceId(), r.patch()));
        }
        if (eval.isPresent() && t.chosen().isPresent()) {
            columns.add("shipped (eval)");
            grades.add(eval);
        }
        matrix(n, columns, grades);
        t.verification().ifPresent(v -> verification(n, v, t));
        ArrayNode rollouts = n.putArray("rollouts");
        for (RolloutInfo r : t.rollouts()) {
            String shown = "rollouts/" + r.index() + "/trajectory.jsonl";
            rollouts.addObject().put("id", r.candidateId()).put("model", r.model()).put("outcome", r.outcome()).put("steps", r.steps())
                    .put("error", r.error()).set("trajectory", trajectories.read(r.trajectory(), shown));
        }
        return n;
    }

    private ObjectNode candidate(TaskRun t, RolloutInfo r) {
        ObjectNode c = SafeJson.mapper().createObjectNode().put("id", r.candidateId()).put("model", r.model())
                .put("temperature", r.temperature()).put("variant", r.promptVariant()).put("outcome", r.outcome()).put("steps", r.steps())
                .put("cost", r.spend().costLabel()).put("tokens", r.spend().tokens()).put("wallMs", r.wallMs()).put("error", r.error())
                .put("patchStatus", r.patchStatus()).put("patchMessage", r.patchMessage())
                .put("patch", Clip.clip(r.patch(), maxPatch, "rollouts/" + r.index() + "/candidate.json"))
                .put("sha", CandidateGrades.sha(r.patch()).substring(0, 12))
                .put("chosen", t.chosen().map(r.candidateId()::equals).orElse(false));
        r.cluster().ifPresent(k -> c.put("cluster", k));
        data.grades().of(t.instanceId(), r.patch()).ifPresent(g -> c.put("grade", g.status()));
        t.selection().ifPresent(s -> evidence(c, s, r.candidateId()));
        return c;
    }

    private static void evidence(ObjectNode c, Selection s, String id) {
        s.scores().stream().filter(x -> x.candidateId().equals(id)).findFirst().ifPresent((CandidateScore x) -> {
            if (x.score() != null) c.put("score", x.score());
            if (!x.excluded().isEmpty()) c.put("excluded", x.excluded());
        });
        s.evidence().stream().filter(e -> e.candidateId().equals(id)).findFirst().ifPresent((Evidence e) -> {
            c.put("patchState", e.patchState().name()).put("clusterSize", e.clusterSize());
            if (e.execution() != null) {
                var x = e.execution();
                c.putObject("execution").put("applied", x.applied()).put("reproduction", x.reproductionPassed() + "/" + x.reproductionTotal())
                        .put("regressionBroken", x.regressionBroken() + "/" + x.regressionTotal());
            }
            if (e.judge() != null) {
                c.putObject("judge").put("pointwise", e.judge().pointwise()).put("listwise", e.judge().listwise())
                        .put("meanRank", e.judge().meanRank()).put("calls", e.judge().calls());
            }
        });
    }

    /** tests x columns: "pass", "fail" or null (not graded); rows in FAIL_TO_PASS then PASS_TO_PASS order. */
    private static void matrix(ObjectNode n, List<String> columns, List<Optional<PatchGrade>> grades) {
        Map<String, String> tests = new TreeMap<>();
        grades.forEach(g -> g.ifPresent(x -> x.tests().forEach((name, r) -> tests.putIfAbsent(name, r.list()))));
        if (tests.isEmpty() && grades.stream().allMatch(Optional::isEmpty)) return;
        ObjectNode m = n.putObject("matrix");
        columns.forEach(m.putArray("columns")::add);
        ArrayNode status = m.putArray("status");
        grades.forEach(g -> status.add(g.map(PatchGrade::status).orElse(null)));
        Map<String, String> ordered = new LinkedHashMap<>();
        tests.forEach((k, v) -> { if (v.equals("FAIL_TO_PASS")) ordered.put(k, v); });
        tests.forEach((k, v) -> { if (!v.equals("FAIL_TO_PASS")) ordered.put(k, v); });
        ArrayNode rows = m.putArray("rows");
        for (var e : ordered.entrySet()) {
            ObjectNode row = rows.addObject().put("test", e.getKey()).put("list", e.getValue());
            ArrayNode cells = row.putArray("cells");
            for (Optional<PatchGrade> g : grades) {
                var r = g.map(x -> x.tests().get(e.getKey()));
                if (r.isEmpty()) cells.addNull();
                else cells.add(r.get().passed() ? "pass" : "fail");
            }
        }
    }

    /** The verifiers' matrix: their tests x the task's candidates, verdicts as recorded. */
    private static void verification(ObjectNode n, VerificationMatrix v, TaskRun t) {
        ObjectNode m = n.putObject("verification");
        t.rollouts().forEach(r -> m.withArray("columns").add(r.candidateId()));
        ArrayNode rows = m.putArray("rows");
        for (VerificationMatrix.Test test : v.tests()) {
            ObjectNode row = rows.addObject().put("test", test.id()).put("kind", test.kind()).put("origin", test.origin()).put("target", test.target());
            ArrayNode cells = row.putArray("cells");
            for (RolloutInfo r : t.rollouts()) {
                VerificationMatrix.Row cr = v.rows().get(r.candidateId());
                if (cr == null) cells.addNull();
                else cells.add(cr.verdict(test));
            }
        }
        ArrayNode problems = m.putArray("problems");
        v.rows().forEach((id, r) -> { if (!r.problem().isEmpty()) problems.add(id + ": " + r.problem()); });
    }

    /** The issue as the agent was told it: the first user message's {@code <issue>} element. */
    static Optional<String> issueFromTrajectory(TaskRun t) {
        for (RolloutInfo r : t.rollouts()) {
            Path f = r.trajectory();
            Optional<String> issue = IssueText.fromTrajectory(f);
            if (issue.isPresent()) return issue;
        }
        return Optional.empty();
    }

}
