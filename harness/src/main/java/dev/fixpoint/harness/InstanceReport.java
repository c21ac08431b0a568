package dev.fixpoint.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graded result of one instance: SWE-bench's per-instance report plus our fields.
 *
 * @param instanceId      task id
 * @param modelNameOrPath who made the patch
 * @param status          our status (finer than SWE-bench's {@code resolved})
 * @param patchIsNone     the prediction's patch was null
 * @param patchExists     the patch was not null
 * @param patchApplied    the model patch and the test patch applied and the tests ran
 * @param grade           test verdicts; null when no test ran (SWE-bench then omits {@code tests_status})
 * @param applyStep       which fallback step applied the model patch
 * @param duration        wall time of the whole instance
 * @param testDuration    wall time of the test command(s) alone
 * @param message         what went wrong, or empty
 * @param tampering       the patch's changes to test infrastructure ({@link TamperCheck}); empty when none
 */
public record InstanceReport(String instanceId, String modelNameOrPath, EvalStatus status, boolean patchIsNone,
                             boolean patchExists, boolean patchApplied, Grade grade, ApplyStep applyStep,
                             Duration duration, Duration testDuration, String message,
                             List<TamperCheck.Finding> tampering) {

    public InstanceReport {
        message = message == null ? "" : message;
        tampering = tampering == null ? List.of() : List.copyOf(tampering);
    }

    /** A report with no tampering found. */
    public InstanceReport(String instanceId, String modelNameOrPath, EvalStatus status, boolean patchIsNone,
                          boolean patchExists, boolean patchApplied, Grade grade, ApplyStep applyStep,
                          Duration duration, Duration testDuration, String message) {
        this(instanceId, modelNameOrPath, status, patchIsNone, patchExists, patchApplied, grade, applyStep, duration,
                testDuration, message, List.of());
    }

    /**
     * This report flagged with {@code findings}; with {@code strict}, a flagged report that would resolve is graded
     * {@link EvalStatus#UNRESOLVED} instead, saying why.
     */
    public InstanceReport flagged(List<TamperCheck.Finding> findings, boolean strict) {
        if (findings.isEmpty()) return this;
        EvalStatus graded = status;
        String why = message;
        if (strict && status == EvalStatus.RESOLVED) {
            graded = EvalStatus.UNRESOLVED;
            why = (message.isEmpty() ? "" : message + "; ") + "--strict: graded unresolved because the patch changes"
                    + " test infrastructure: " + String.join(", ", findings.stream().map(TamperCheck.Finding::file).toList());
        }
        return new InstanceReport(instanceId, modelNameOrPath, graded, patchIsNone, patchExists, patchApplied, grade,
                applyStep, duration, testDuration, why, findings);
    }

    /** Whether the patch changes test infrastructure. */
    public boolean tampered() {
        return !tampering.isEmpty();
    }

    /** SWE-bench's {@code resolved}. */
    public boolean resolved() {
        return status == EvalStatus.RESOLVED;
    }

    /** report.json text: {@code {"<id>": {...}}}. */
    public String toJson() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("patch_is_None", patchIsNone);
        r.put("patch_exists", patchExists);
        r.put("patch_successfully_applied", patchApplied);
        r.put("resolved", resolved());
        if (grade != null) {
            Map<String, Object> ts = new LinkedHashMap<>();
            ts.put("FAIL_TO_PASS", split(grade.failToPass()));
            ts.put("PASS_TO_PASS", split(grade.passToPass()));
            ts.put("FAIL_TO_FAIL", split(grade.failToFail()));
            ts.put("PASS_TO_FAIL", split(grade.passToFail()));
            r.put("tests_status", ts);
        }
        r.put("status", status.json());
        r.put("model_name_or_path", modelNameOrPath);
        r.put("apply_step", applyStep.json());
        if (grade != null) {
            r.put("resolution", "RESOLVED_" + grade.resolution().name());
            r.put("attempts", grade.attempts());
            Map<String, Object> flaky = new LinkedHashMap<>();
            flaky.put("FAIL_TO_PASS", grade.flakyFailToPass());
            flaky.put("PASS_TO_PASS", grade.flakyPassToPass());
            flaky.put("all_tests", grade.flakyTests());
            r.put("flaky", flaky);
        }
        r.put("duration", Json.seconds(duration));
        r.put("test_duration", Json.seconds(testDuration));
        r.put("message", message);
        if (tampered()) {
            List<Object> found = new ArrayList<>();
            for (TamperCheck.Finding f : tampering) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", f.file());
                m.put("reason", f.reason());
                found.add(m);
            }
            r.put("tampering", found);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(instanceId, r);
        return Json.write(root);
    }

    private static Map<String, Object> split(TestSplit s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", s.success());
        m.put("failure", s.failure());
        return m;
    }
}
