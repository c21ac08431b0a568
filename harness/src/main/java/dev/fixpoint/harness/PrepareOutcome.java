package dev.fixpoint.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code prepare} phase of {@link EvalScript} did, read from its exit status and markers. Pure.
 *
 * @param phase     {@link EvalStatus#UNRESOLVED} (ready to test), {@link EvalStatus#PATCH_FAILED} or
 *                  {@link EvalStatus#ERROR}
 * @param applyStep the fallback step that applied the model patch
 * @param message   what failed, with step names and exit codes; empty when all went well
 */
public record PrepareOutcome(EvalStatus phase, ApplyStep applyStep, String message) {

    private static final int MAX_DETAIL_LINES = 4;

    /** Interprets the prepare phase's exit status and combined output. */
    public static PrepareOutcome read(int exitCode, String output) {
        if (exitCode == EvalScript.EXIT_TREE) {
            return new PrepareOutcome(EvalStatus.ERROR, ApplyStep.NONE, TreeCheck.problem(output)
                    .orElse("the exact-tree check failed (prepare exit " + exitCode + ") without saying why"));
        }
        ApplyStep step = ApplyStep.NONE;
        List<String> failedSteps = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String line : output.split("\r?\n")) {
            if (line.startsWith(TreeCheck.MARKER) || line.startsWith(TreeCheck.PATH)) {
                continue; // the tree check passed or it would have returned above
            }
            if (line.startsWith(EvalScript.APPLIED)) {
                step = ApplyStep.fromJson(line.substring(EvalScript.APPLIED.length()).strip());
            } else if (line.startsWith(EvalScript.STEP_FAILED)) {
                failedSteps.add(line.substring(EvalScript.STEP_FAILED.length()).strip());
            } else if (line.startsWith(">>>>> ")) {
                notes.add(line.substring(6).strip());
            } else if (isDiagnostic(line) && details.size() < MAX_DETAIL_LINES) {
                details.add(line.strip());
            }
        }
        String detail = details.isEmpty() ? "" : " (" + String.join("; ", details) + ")";
        if (exitCode == EvalScript.EXIT_MODEL_PATCH) {
            return new PrepareOutcome(EvalStatus.PATCH_FAILED, ApplyStep.NONE,
                    "model patch did not apply: " + String.join(", ", failedSteps) + detail);
        }
        if (exitCode == EvalScript.EXIT_TEST_PATCH) {
            return new PrepareOutcome(EvalStatus.ERROR, step,
                    "the task's test patch did not apply after the model patch (prepare exit " + exitCode + ")"
                            + detail);
        }
        if (exitCode != 0) {
            return new PrepareOutcome(EvalStatus.ERROR, step, "prepare phase exited " + exitCode + detail);
        }
        return new PrepareOutcome(EvalStatus.UNRESOLVED, step, String.join("; ", notes));
    }

    private static boolean isDiagnostic(String line) {
        String l = line.strip();
        return l.startsWith("error:") || l.startsWith("fatal:") || l.startsWith("patch:")
                || l.startsWith("can't find file") || l.contains("FAILED at") || l.startsWith("patch unexpectedly")
                || l.startsWith("Only garbage");
    }
}
