package dev.fixpoint.solver.report;

import dev.fixpoint.harness.ReportFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What wrote a directory the report is given, told from the files it holds. */
public enum RunKind {
    /** {@code fixpoint batch --out}: {@code run.json} and {@code tasks/<id>/}. */
    BATCH,
    /** {@code fixpoint solve --out}: {@code tasks/<id>/} without {@code run.json}. */
    SOLVE,
    /** {@code fixpoint eval --out}: {@code summary.json} and/or {@code <instance>/report.json}. */
    EVAL;

    /** The kind of {@code dir}; empty when it is none of them (or does not exist). */
    public static Optional<RunKind> detect(Path dir) {
        if (!Files.isDirectory(dir)) return Optional.empty();
        if (Files.isRegularFile(dir.resolve("run.json"))) return Optional.of(BATCH);
        if (Files.isDirectory(dir.resolve("tasks"))) return Optional.of(SOLVE);
        if (Files.isRegularFile(dir.resolve(ReportFiles.SUMMARY))
                || BatchRunReader.list(dir).stream().anyMatch(d -> Files.isRegularFile(d.resolve(ReportFiles.REPORT)))) {
            return Optional.of(EVAL);
        }
        return Optional.empty();
    }
}
