package dev.fixpoint.harness;

import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.harness.predictions.PredictionProblem;
import dev.fixpoint.harness.predictions.PredictionSet;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an evaluation: every prediction against its task, {@code workers} at a time, writing each instance's
 * directory and, last and atomically, its {@code report.json}; then {@code summary.json}. Resumable: an instance
 * whose report exists (for the same patch) is not run again unless {@link Config#rerun()}. With
 * {@link Config#regrade()} no sandbox starts: every report is rebuilt from the saved files. Bad input (unknown
 * instance, bad predictions row) gets a report with status {@link EvalStatus#INVALID} and never stops the run.
 */
public final class EvalRunner {

    private static final Logger log = LoggerFactory.getLogger(EvalRunner.class);

    /**
     * @param outDir  where instance directories and the summary go
     * @param workers instances evaluated at once
     * @param rerun   evaluate instances again even when their report exists
     * @param regrade rebuild reports from saved files, start no sandbox
     */
    public record Config(Path outDir, int workers, boolean rerun, boolean regrade) {
        public Config {
            if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, not: " + workers);
        }
    }

    /** Progress callbacks, called from worker threads. */
    public interface Listener {
        default void planned(int instances) {}

        default void finished(String instanceId, EvalStatus status, boolean reused) {}
    }

    /** One instance's place in the run. */
    public record InstanceOutcome(String instanceId, EvalStatus status, Duration duration, Duration testDuration,
                                  boolean reused) {}

    /** What a run produced. */
    public record Outcome(RunSummary summary, Map<String, InstanceOutcome> instances, Duration wallTime,
                          Path summaryFile) {}

    private final InstanceEvaluator evaluator;
    private final Config config;
    private final Listener listener;

    /** @param evaluator may be null with {@link Config#regrade()} */
    public EvalRunner(InstanceEvaluator evaluator, Config config, Listener listener) {
        if (evaluator == null && !config.regrade()) throw new IllegalArgumentException("an evaluator is needed");
        this.evaluator = evaluator;
        this.config = config;
        this.listener = listener == null ? new Listener() {} : listener;
    }

    /**
     * Evaluates every prediction (already filtered to the instances wanted) against {@code tasks}.
     *
     * @throws InterruptedException when interrupted; finished instances keep their reports
     */
    public Outcome run(List<Task> tasks, PredictionSet predictions) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Files.createDirectories(config.outDir());
        Map<String, Task> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.put(t.instanceId(), t));

        Map<String, Prediction> todo = new TreeMap<>(predictions.predictions());
        Map<String, String> invalid = new TreeMap<>();
        List<String> invalidRows = new ArrayList<>();
        for (PredictionProblem p : predictions.problems()) {
            if (!p.instanceId().isEmpty() && !todo.containsKey(p.instanceId())) {
                invalid.merge(p.instanceId(), p.toString(), (a, b) -> a + "; " + b);
            } else if (p.instanceId().isEmpty()) {
                invalidRows.add(p.toString());
            }
        }
        for (String id : List.copyOf(todo.keySet())) {
            if (!byId.containsKey(id)) {
                invalid.put(id, "unknown instance id " + id + ": no such task in the tasks file");
                todo.remove(id);
            }
        }
        Set<String> submitted = new LinkedHashSet<>(todo.keySet());
        submitted.addAll(invalid.keySet());
        listener.planned(submitted.size());

        Map<String, InstanceOutcome> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        for (Map.Entry<String, String> e : invalid.entrySet()) {
            outcomes.put(e.getKey(), writeInvalid(e.getKey(), e.getValue()));
            listener.finished(e.getKey(), EvalStatus.INVALID, false);
        }

        ExecutorService pool = Executors.newFixedThreadPool(config.workers(), namedThreads());
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (Prediction p : todo.values()) {
                Task task = byId.get(p.instanceId());
                futures.add(pool.submit(() -> {
                    InstanceOutcome o = one(task, p);
                    if (o != null) {
                        outcomes.put(o.instanceId(), o);
                        listener.finished(o.instanceId(), o.status(), o.reused());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    log.error("evaluation worker failed: {}", e.getCause().toString(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw e;
        } finally {
            pool.shutdown();
        }

        Set<String> incomplete = new LinkedHashSet<>(byId.keySet());
        incomplete.removeAll(submitted);
        Map<String, EvalStatus> statuses = new TreeMap<>();
        Duration testTime = Duration.ZERO;
        for (InstanceOutcome o : outcomes.values()) {
            statuses.put(o.instanceId(), o.status());
            testTime = testTime.plus(o.testDuration());
        }
        Set<String> unfinished = new LinkedHashSet<>(submitted);
        unfinished.removeAll(outcomes.keySet());
        RunSummary summary = new RunSummary(byId.size(), statuses, submitted, incomplete, unfinished, invalidRows,
                testTime);
        Path summaryFile = config.outDir().resolve(ReportFiles.SUMMARY);
        ReportFiles.writeAtomically(summaryFile, summary.toJson());
        return new Outcome(summary, new TreeMap<>(outcomes), Duration.ofNanos(System.nanoTime() - start),
                summaryFile);
    }

    /** Evaluates, reuses or regrades one instance; null when it could not be finished (logged). */
    private InstanceOutcome one(Task task, Prediction p) throws InterruptedException {
        String id = task.instanceId();
        Path dir = ReportFiles.instanceDir(config.outDir(), id);
        try {
            if (config.regrade()) {
                Path runFile = dir.resolve(ReportFiles.RUN);
                if (!Files.isRegularFile(runFile)) {
                    log.warn("{}: nothing to regrade: {} is missing", id, runFile);
                    return null;
                }
                InstanceRun run = InstanceRun.fromJson(Files.readString(runFile, StandardCharsets.UTF_8));
                return finish(task, run, dir, false);
            }
            if (!config.rerun()) {
                Optional<ReportFiles.Saved> saved = ReportFiles.readReport(dir, id);
                if (saved.isPresent() && samePatch(dir, p)) {
                    return new InstanceOutcome(id, saved.get().status(), saved.get().duration(),
                            saved.get().testDuration(), true);
                }
            }
            InstanceRun run = evaluator.evaluate(task, p, dir);
            ReportFiles.writeAtomically(dir.resolve(ReportFiles.RUN), run.toJson());
            return finish(task, run, dir, false);
        } catch (IOException | RuntimeException e) {
            log.error("{}: could not write or read its files under {}: {}", id, dir, e.toString(), e);
            return null;
        }
    }

    private InstanceOutcome finish(Task task, InstanceRun run, Path dir, boolean reused) throws IOException {
        InstanceReport report = ReportBuilder.write(task, run, dir);
        log.info("{}: {} in {} ms (tests {} ms){}", task.instanceId(), report.status().json(),
                report.duration().toMillis(), report.testDuration().toMillis(),
                report.message().isEmpty() ? "" : ": " + report.message());
        return new InstanceOutcome(task.instanceId(), report.status(), report.duration(), report.testDuration(),
                reused);
    }

    private InstanceOutcome writeInvalid(String id, String message) throws IOException {
        Path dir = ReportFiles.instanceDir(config.outDir(), id);
        InstanceRun run = new InstanceRun(id, "unknown", EvalStatus.INVALID, false, ApplyStep.NONE, message,
                Duration.ZERO, List.of());
        ReportFiles.writeAtomically(dir.resolve(ReportFiles.RUN), run.toJson());
        InstanceReport report = ReportBuilder.build(run, List.of(), List.of(), ResultFormat.PYTEST_LOG, dir);
        ReportFiles.writeAtomically(dir.resolve(ReportFiles.REPORT), report.toJson());
        log.warn("{}: invalid: {}", id, message);
        return new InstanceOutcome(id, EvalStatus.INVALID, Duration.ZERO, Duration.ZERO, false);
    }

    private static boolean samePatch(Path dir, Prediction p) throws IOException {
        Path f = dir.resolve("patch.diff");
        String want = p.modelPatch() == null ? "" : p.modelPatch();
        return Files.isRegularFile(f) && Files.readString(f, StandardCharsets.UTF_8).equals(want);
    }

    private static java.util.concurrent.ThreadFactory namedThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "eval-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
