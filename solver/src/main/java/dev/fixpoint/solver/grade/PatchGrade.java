package dev.fixpoint.solver.grade;

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
 * @param tests    listed test name to "pass" or "fail", with its list ("FAIL_TO_PASS" / "PASS_TO_PASS") as
 *                 {@link TestResult#list()}
 * @param message  the harness's message, empty when none
 */
public record PatchGrade(String status, boolean resolved, Map<String, TestResult> tests, String message) {

    /** One listed test's outcome. */
    public record TestResult(String list, boolean passed) {}

    public PatchGrade {
        Objects.requireNonNull(status, "status");
        tests = Map.copyOf(new TreeMap<>(tests));
        message = Objects.requireNonNullElse(message, "");
    }

    public static PatchGrade fromReport(com.fasterxml.jackson.databind.JsonNode body) {
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
