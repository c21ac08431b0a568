package dev.fixpoint.harness;

import java.time.Duration;
import java.util.LinkedHashMap;
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
 */
public record InstanceReport(String instanceId, String modelNameOrPath, EvalStatus status, boolean patchIsNone,
                             boolean patchExists, boolean patchApplied, Grade grade, ApplyStep applyStep,
                             Duration duration, Duration testDuration, String message) {

    public InstanceReport {
        message = message == null ? "" : message;
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
