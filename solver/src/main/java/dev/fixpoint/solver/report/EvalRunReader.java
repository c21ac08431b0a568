package dev.fixpoint.solver.report;

import dev.fixpoint.solver.grade.PatchGrade;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.harness.ReportFiles;
import dev.fixpoint.solver.run.RunJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a directory written by {@code fixpoint eval}: {@code summary.json} (SWE-bench's schema) and every
 * {@code <instance>/report.json} ({@code {"<instance_id>": {...}}}). Errors name the bad file.
 */
public final class EvalRunReader {

    private EvalRunReader() {}

    public static EvalRun read(Path root) {
        if (!Files.isDirectory(root)) throw new SolverException(root + ": no such eval directory");
        Map<String, PatchGrade> grades = new TreeMap<>();
        for (Path dir : BatchRunReader.list(root)) {
            Path report = dir.resolve(ReportFiles.REPORT);
            if (!Files.isRegularFile(report)) continue;
            Map.Entry<String, PatchGrade> e = PatchGrade.readReport(report);
            grades.put(e.getKey(), e.getValue());
        }
        Path summaryFile = root.resolve(ReportFiles.SUMMARY);
        Optional<EvalRun.Summary> summary = Optional.empty();
        double testSeconds = 0;
        if (Files.isRegularFile(summaryFile)) {
            JsonNode s = RunJson.read(summaryFile);
            summary = Optional.of(new EvalRun.Summary(s.path("total_instances").asInt(), s.path("submitted_instances").asInt(),
                    s.path("completed_instances").asInt(), s.path("resolved_instances").asInt(), s.path("unresolved_instances").asInt(),
                    s.path("empty_patch_instances").asInt(), s.path("error_instances").asInt()));
            testSeconds = s.path("test_duration").asDouble();
        }
        if (grades.isEmpty() && summary.isEmpty()) {
            throw new SolverException(root + ": not an eval directory (no summary.json and no <instance>/report.json)");
        }
        return new EvalRun(root, grades, summary, testSeconds);
    }
}
