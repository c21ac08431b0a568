package dev.fixpoint.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code run_instance.log}: the per-instance log SWE-bench's harness writes (the patch, the apply attempts, the
 * eval script, the test output, the grading and the result line), rendered from the instance's saved files and its
 * report only, so that a regrade writes the same log. Lines it cannot fill (a file that was never written because
 * the instance stopped earlier) say so.
 */
final class RunInstanceLog {

    private RunInstanceLog() {}

    /** Writes {@code dir/run_instance.log} for {@code report}, whose run's files are in {@code dir}. */
    static void write(InstanceRun run, InstanceReport report, Path dir) throws IOException {
        ReportFiles.writeAtomically(dir.resolve(ReportFiles.INSTANCE_LOG), render(run, report, dir));
    }

    static String render(InstanceRun run, InstanceReport report, Path dir) throws IOException {
        String id = run.instanceId();
        StringBuilder s = new StringBuilder();
        s.append("Evaluating ").append(id).append(" (model: ").append(run.modelNameOrPath()).append(")\n");
        String patch = read(dir.resolve(ReportFiles.PATCH));
        s.append("Patch for ").append(id).append(" written to ").append(ReportFiles.PATCH).append(" (")
                .append(patch == null ? 0 : patch.length()).append(" characters; files: ")
                .append(patch == null ? "" : String.join(", ", PatchFiles.touched(patch))).append(")\n");
        section(s, "Apply attempts (eval.sh prepare: git apply --verbose, git apply --verbose --reject, "
                + "patch --batch --fuzz=5 -p1 -i)", dir.resolve(Attempt.dirOf(1) + "prepare_output.txt"));
        s.append("Model patch applied with: ").append(run.applyStep().json()).append('\n');
        section(s, "Eval script for " + id + " (eval.sh)", dir.resolve("eval.sh"));
        for (Attempt a : run.attempts()) {
            s.append("Test run ").append(a.number()).append(": ")
                    .append(a.timedOut() ? "timed out" : "exit " + a.exitCode()).append(", test runtime ")
                    .append(Json.seconds(a.testDuration())).append(" seconds\n");
            section(s, "Test output for " + id + " (" + a.outputFile() + ")", dir.resolve(a.outputFile()));
        }
        if (!run.baseline().isEmpty()) {
            s.append("No test result in the test output: the same tests ran on base + test patch only (no model patch)"
                    + " in ").append(run.baseline()).append("/ (eval.sh, test_output.txt, run.json)\n");
        }
        s.append("Grading answer for ").append(id).append("...\n");
        s.append("report: ").append(report.toJson().strip()).append('\n');
        for (TamperCheck.Finding f : report.tampering()) {
            s.append("Tampering: ").append(f.file()).append(": ").append(f.reason()).append('\n');
        }
        if (!report.message().isEmpty()) s.append("Message: ").append(report.message()).append('\n');
        s.append("Result for ").append(id).append(": resolved: ").append(report.resolved() ? "True" : "False")
                .append(" (status ").append(report.status().json()).append(")\n");
        return s.toString();
    }

    private static void section(StringBuilder s, String title, Path file) throws IOException {
        String text = read(file);
        s.append(">>>>> ").append(title).append(text == null ? ": not written (the instance stopped before)\n" : ":\n");
        if (text != null) {
            s.append(text);
            if (!text.endsWith("\n")) s.append('\n');
            s.append("<<<<< end of ").append(file.getFileName()).append('\n');
        }
    }

    private static String read(Path file) throws IOException {
        return Files.isRegularFile(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : null;
    }
}
