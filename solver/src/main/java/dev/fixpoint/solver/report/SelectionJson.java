package dev.fixpoint.solver.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fixpoint.verifiers.dedup.PatchState;
import dev.fixpoint.verifiers.select.CandidateScore;
import dev.fixpoint.verifiers.select.Evidence;
import dev.fixpoint.verifiers.select.ExecutionEvidence;
import dev.fixpoint.verifiers.select.JudgeEvidence;
import dev.fixpoint.verifiers.select.Selection;

import java.util.ArrayList;
import java.util.List;

/** Reads back the {@link Selection} that {@code selection.json} records (Jackson's serialisation of the record). */
final class SelectionJson {

    private SelectionJson() {}

    static Selection parse(JsonNode n) {
        List<CandidateScore> scores = new ArrayList<>();
        for (JsonNode s : n.path("scores")) {
            scores.add(new CandidateScore(s.path("candidateId").asText(), s.path("clusterId").asInt(), number(s.get("score")),
                    s.path("excluded").asText("")));
        }
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode e : n.path("evidence")) evidence.add(evidence(e));
        return new Selection(n.path("strategy").asText(), n.path("config").asText(""), n.path("abstained").asBoolean(),
                text(n.get("chosenCandidateId")), n.hasNonNull("chosenClusterId") ? n.get("chosenClusterId").asInt() : null,
                number(n.get("winningScore")), number(n.get("runnerUpScore")), strings(n.path("reasons")), strings(n.path("notes")),
                scores, evidence);
    }

    static Evidence evidence(JsonNode e) {
        JsonNode x = e.get("execution");
        ExecutionEvidence execution = x == null || x.isNull() ? null : new ExecutionEvidence(x.path("applied").asBoolean(),
                x.path("reproductionPassed").asInt(), x.path("reproductionTotal").asInt(),
                x.path("regressionBroken").asInt(), x.path("regressionTotal").asInt());
        JsonNode j = e.get("judge");
        JudgeEvidence judge = j == null || j.isNull() ? null
                : new JudgeEvidence(number(j.get("pointwise")), number(j.get("listwise")), number(j.get("meanRank")), j.path("calls").asInt());
        return new Evidence(e.path("candidateId").asText(), e.path("clusterId").asInt(), e.path("clusterSize").asInt(),
                PatchState.valueOf(e.path("patchState").asText()), execution, judge);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array) out.add(s.asText());
        return out;
    }

    private static Double number(JsonNode n) {
        return n == null || n.isNull() ? null : n.asDouble();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
