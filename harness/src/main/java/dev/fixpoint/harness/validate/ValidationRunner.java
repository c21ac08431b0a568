package dev.fixpoint.harness.validate;

import dev.fixpoint.harness.DaemonThreads;
import dev.fixpoint.harness.ReportFiles;
import dev.fixpoint.tasks.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates task rows, {@code workers} at a time, and writes {@code OUT/validated.jsonl} (the rows that validated,
 * in input order: each input row with FAIL_TO_PASS / PASS_TO_PASS filled in) and {@code OUT/validation.json} (per
 * row: valid or the {@link ValidationProblem} with details, the counts, the lists, flaky tests, times). Each row's
 * harness files go to {@code OUT/<instance>/before/} and {@code OUT/<instance>/after/}. Both files are written
 * atomically once every row is done.
 */
public final class ValidationRunner {

    private static final Logger log = LoggerFactory.getLogger(ValidationRunner.class);

    /**
     * @param outDir  where the files go
     * @param workers rows validated at once
     */
    public record Config(Path outDir, int workers) {
        public Config {
            if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, not: " + workers);
        }
    }

    /** Progress callback, called from worker threads. */
    public interface Listener {
        void finished(RowValidation row);
    }

    /**
     * What a run produced.
     *
     * @param rows          one per task, in input order
     * @param validatedFile {@code validated.jsonl}
     * @param reportFile    {@code validation.json}
     * @param wallTime      wall time of the run
     */
    public record Outcome(List<RowValidation> rows, Path validatedFile, Path reportFile, Duration wallTime) {
        public Outcome {
            rows = List.copyOf(rows);
        }

        /** Every row validated. */
        public boolean allValid() {
            return rows.stream().allMatch(RowValidation::valid);
        }
    }

    private final RowValidator validator;
    private final Config config;
    private final Listener listener;

    public ValidationRunner(RowValidator validator, Config config, Listener listener) {
        this.validator = validator;
        this.config = config;
        this.listener = listener == null ? row -> { } : listener;
    }

    /**
     * Validates the tasks (each with an environment).
     *
     * @param inputRows    the input rows' JSON text by instance id ({@link RawRows}); a task without one is written
     *                     from its SWE-bench fields
     * @param unloadedRows rows of the input that could not be loaded (as problem texts), listed in the report
     * @throws IOException          when the output files cannot be written (a row whose own files cannot be
     *                              written is reported as {@link ValidationProblem#TEST_RUN_ERROR})
     * @throws InterruptedException when interrupted; nothing is written
     */
    public Outcome run(List<Task> tasks, Map<String, String> inputRows, List<String> unloadedRows)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Files.createDirectories(config.outDir());
        ExecutorService pool = Executors.newFixedThreadPool(config.workers(), DaemonThreads.named("validate-worker"));
        List<Future<RowValidation>> futures = new ArrayList<>();
        List<RowValidation> rows = new ArrayList<>();
        try {
            for (Task t : tasks) {
                futures.add(pool.submit(() -> {
                    RowValidation v;
                    try {
                        v = validator.validate(t, ReportFiles.instanceDir(config.outDir(), t.instanceId()));
                    } catch (IOException | RuntimeException e) {
                        log.error("{}: validation failed: {}", t.instanceId(), e.toString(), e);
                        v = validator.failed(t, "validation failed: " + e);
                    }
                    listener.finished(v);
                    return v;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    rows.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof InterruptedException ie) throw ie;
                    throw new IllegalStateException(tasks.get(i).instanceId() + ": validation worker failed: "
                            + e.getCause(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw e;
        } finally {
            pool.shutdown();
        }
        StringBuilder validated = new StringBuilder();
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            if (rows.get(i).valid()) {
                validated.append(ValidationFiles.completedRow(inputRows.get(t.instanceId()), t, rows.get(i)))
                        .append('\n');
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Path validatedFile = config.outDir().resolve(ValidationFiles.VALIDATED);
        Path reportFile = config.outDir().resolve(ValidationFiles.REPORT);
        ReportFiles.writeAtomically(validatedFile, validated.toString());
        ReportFiles.writeAtomically(reportFile, ValidationFiles.report(rows, unloadedRows, wall));
        return new Outcome(rows, validatedFile, reportFile, wall);
    }
}
