package dev.fixpoint.solver.grade;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.run.RunJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A graded patch as a harness {@code report.json} states it: status ("resolved", "unresolved", "partial",
 * "empty_patch", "patch_failed", "error", ...), and each listed test's outcome.
 *
 * @param status   the harness status
 * @param resolved every FAIL_TO_PASS and PASS_TO_PASS test passes
 * @param tests    listed test name, sorted, to "pass" or "fail", with its list ("FAIL_TO_PASS" / "PASS_TO_PASS") as
 *                 {@link TestResult#list()}
 * @param message  the harness's message, empty when none
 */
public record PatchGrade(String status, boolean resolved, Map<String, TestResult> tests, String message) {

    /** One listed test's outcome. */
    public record TestResult(String list, boolean passed) {}

    public PatchGrade {
        Objects.requireNonNull(status, "status");
        tests = java.util.Collections.unmodifiableMap(new TreeMap<>(tests)); // sorted: grades.json lists them in name order
        message = Objects.requireNonNullElse(message, "");
    }

    /** The instance id and grade of a harness {@code report.json} file ({@code {"<instance_id>": {...}}}). */
    public static Map.Entry<String, PatchGrade> readReport(Path file) {
        return first(RunJson.read(file), file.toString());
    }

    /** The instance id and grade of a harness {@code report.json} text; {@code source} names it in errors. */
    public static Map.Entry<String, PatchGrade> fromReport(String json, String source) {
        try {
            return first(RunJson.mapper().readTree(json), source);
        } catch (IOException e) {
            throw new SolverException(source + ": cannot read it as JSON: " + e.getMessage(), e);
        }
    }

    private static Map.Entry<String, PatchGrade> first(JsonNode report, String source) {
        Iterator<Map.Entry<String, JsonNode>> fields = report.fields();
        if (!fields.hasNext()) throw new SolverException(source + ": not a harness report (expected {\"<instance_id>\": {...}})");
        Map.Entry<String, JsonNode> e = fields.next();
        return Map.entry(e.getKey(), of(e.getValue()));
    }

    private static PatchGrade of(JsonNode body) {
        Map<String, TestResult> tests = new TreeMap<>();
        for (String list : List.of("FAIL_TO_PASS", "PASS_TO_PASS")) {
            var split = body.path("tests_status").path(list);
            split.path("success").forEach(t -> tests.put(t.asText(), new TestResult(list, true)));
            split.path("failure").forEach(t -> tests.put(t.asText(), new TestResult(list, false)));
        }
        String status = body.path("status").asText(body.path("resolved").asBoolean() ? "resolved" : "unresolved");
        return new PatchGrade(status, body.path("resolved").asBoolean(), tests, body.path("message").asText(""));
    }
}
