package dev.fixpoint.solver.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verifiers' own test matrix as {@code selection.json} records it under {@code verification.tests}: the tests
 * the run wrote or kept (reproduction tests, then regression tests) and each candidate's verdicts. Absent from
 * reports written before it was recorded.
 *
 * @param tests tests in the matrix's order
 * @param rows  each candidate's row, by candidate id
 */
public record VerificationMatrix(List<Test> tests, Map<String, Row> rows) {

    /** One test: id, "REPRODUCTION" or "REGRESSION", who wrote it, what it runs. */
    public record Test(String id, String kind, String origin, String target) {}

    /**
     * A candidate's verdicts.
     *
     * @param applied          its patch applied
     * @param reproduction     reproduction test id to verdict (PASS, FAIL, ERROR, MISSING)
     * @param regressionBroken regression tests it broke
     * @param problem          why the run could not be done, or empty
     */
    public record Row(boolean applied, Map<String, String> reproduction, List<String> regressionBroken, String problem) {
        public Row {
            reproduction = Map.copyOf(reproduction);
            regressionBroken = List.copyOf(regressionBroken);
        }

        /** "PASS", "FAIL", "ERROR", "MISSING", or "n/a" when the patch did not apply. */
        public String verdict(Test t) {
            if (!applied) return "n/a";
            if (t.kind().equals("REPRODUCTION")) return reproduction.getOrDefault(t.id(), "MISSING");
            return regressionBroken.contains(t.id()) ? "FAIL" : "PASS";
        }
    }

    public VerificationMatrix {
        tests = List.copyOf(tests);
        rows = Map.copyOf(rows);
    }

    /** Reads {@code verification.tests} of a selection report; empty when it has none or no matrix ran. */
    static Optional<VerificationMatrix> read(JsonNode selectionReport) {
        JsonNode t = selectionReport.path("verification").path("tests");
        if (!t.path("ran").asBoolean()) return Optional.empty();
        List<Test> tests = new ArrayList<>();
        for (JsonNode x : t.path("tests")) {
            tests.add(new Test(x.path("id").asText(), x.path("kind").asText(), x.path("origin").asText(""), x.path("target").asText("")));
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        t.path("rows").fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            Map<String, String> repro = new LinkedHashMap<>();
            r.path("reproduction").fields().forEachRemaining(v -> repro.put(v.getKey(), v.getValue().asText()));
            rows.put(e.getKey(), new Row(r.path("applied").asBoolean(), repro, SelectionJson.strings(r.path("regressionBroken")),
                    r.path("problem").asText("")));
        });
        return Optional.of(new VerificationMatrix(tests, rows));
    }
}
