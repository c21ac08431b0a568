package dev.fixpoint.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fixpoint.tasks.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import dev.fixpoint.tasks.AtomicFiles;

/**
 * The on-disk layout of a run's output directory and atomic writes into it:
 * {@code <out>/<instance>/{patch.diff, test.patch, eval.sh, prepare_output.txt, test_output.txt, results/,
 * attempt-N/, run.json, run_instance.log, report.json}} and {@code <out>/summary.json} (also as
 * {@code <model>.<run_id>.json}). {@code report.json} is written last, by a rename, so its presence means the instance
 * is complete.
 */
public final class ReportFiles {

    /** The prediction's patch as evaluated. */
    public static final String PATCH = "patch.diff";
    /** The per-instance log SWE-bench's harness writes, rendered from the saved files ({@link RunInstanceLog}). */
    public static final String INSTANCE_LOG = "run_instance.log";
    public static final String REPORT = "report.json";
    public static final String RUN = "run.json";
    public static final String SUMMARY = "summary.json";

    private ReportFiles() {}

    /**
     * SWE-bench's name of a run's summary: {@code <model>.<run_id>.json}, the model name with {@code /} as
     * {@code __}, as its harness names the file it writes.
     */
    public static String harnessSummaryName(String model, String runId) {
        String m = model == null || model.isBlank() ? "unknown" : model;
        return (m.replace("/", "__") + "." + runId + ".json").replaceAll("[^A-Za-z0-9._+=@-]", "_");
    }

    /**
     * The directory of an instance: its id when it is a safe name ({@link Task#instanceIdProblem}, the one rule for
     * ids that become paths); else (a prediction row naming no task, reported as invalid) the id with {@code /} as
     * {@code __}, anything but {@code [A-Za-z0-9._+-]} as '_', and a leading dot or an empty id prefixed by '_'.
     */
    public static Path instanceDir(Path out, String instanceId) {
        if (Task.instanceIdProblem(instanceId).isEmpty()) return out.resolve(instanceId);
        String safe = instanceId.replace("/", "__").replaceAll("[^A-Za-z0-9._+-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) safe = "_" + safe;
        if (safe.length() > 200) safe = safe.substring(0, 200);
        return out.resolve(Task.requireSafeInstanceId(safe));
    }

    /** Writes a file by writing a temporary sibling and renaming it over the target. */
    public static void writeAtomically(Path target, String content) throws IOException {
        AtomicFiles.writeString(target, content);
    }

    /** What a saved report.json says, for resuming and summaries. */
    public record Saved(EvalStatus status, Duration duration, Duration testDuration, boolean tampered) {}

    /** Reads an instance's report.json; empty when it is missing or unreadable (then the instance re-runs). */
    public static Optional<Saved> readReport(Path instanceDir, String instanceId) {
        Path f = instanceDir.resolve(REPORT);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            JsonNode r = Json.mapper().readTree(Files.readString(f, StandardCharsets.UTF_8)).path(instanceId);
            if (!r.has("status")) return Optional.empty();
            return Optional.of(new Saved(EvalStatus.fromJson(r.get("status").asText()),
                    Duration.ofMillis(Math.round(r.path("duration").asDouble() * 1000)),
                    Duration.ofMillis(Math.round(r.path("test_duration").asDouble() * 1000)), r.has("tampering")));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
