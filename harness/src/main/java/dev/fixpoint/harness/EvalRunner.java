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
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an evaluation: every prediction against its task, {@code workers} at a time, writing each instance's
 * directory and, last and atomically, its {@code report.json} (and SWE-bench's {@code run_instance.log}); then
 * {@code summary.json} and, with a run id, the same summary under SWE-bench's name {@code <model>.<run_id>.json}.
 * Resumable: an instance whose report exists (for the same patch) is not run again unless {@link Config#rerun()}.
 * With {@link Config#regrade()} no sandbox starts: every report is rebuilt from the saved files. Bad input (unknown
 * instance, bad predictions row) gets a report with status {@link EvalStatus#INVALID} and never stops the run. A
 * patch that changes test infrastructure is flagged ({@link TamperCheck}), and with {@link Config#strict()} not
 * resolved. A prediction whose test log holds no result is checked against the instance's baseline
 * ({@link Baselines}, in {@code <instance>/baseline/}): the same tests without the patch.
 */
public final class EvalRunner {

    private static final Logger log = LoggerFactory.getLogger(EvalRunner.class);

    /**
     * @param outDir  where instance directories and the summary go
     * @param workers instances evaluated at once
     * @param rerun   evaluate instances again even when their report exists
     * @param regrade rebuild reports from saved files, start no sandbox
     * @param strict  grade a patch that changes test infrastructure unresolved (it is flagged either way)
     * @param runId   the run's id, naming the harness-style summary {@code <model>.<run_id>.json}; null for none
     */
    public record Config(Path outDir, int workers, boolean rerun, boolean regrade, boolean strict, String runId) {
        public Config {
            if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, not: " + workers);
        }

        /** Not strict, no harness-style summary. */
        public Config(Path outDir, int workers, boolean rerun, boolean regrade) {
            this(outDir, workers, rerun, regrade, false, null);
        }
    }

    /** Progress callbacks, called from worker threads. */
    public interface Listener {
        default void planned(int instances) {}

        default void finished(String instanceId, EvalStatus status, boolean reused) {}
    }

    /** One instance's place in the run; {@code tampered}: its patch changes test infrastructure. */
    public record InstanceOutcome(String instanceId, EvalStatus status, Duration duration, Duration testDuration,
                                  boolean reused, boolean tampered) {}

    /** What a run produced; {@code harnessSummaryFile} is null without a run id. */
    public record Outcome(RunSummary summary, Map<String, InstanceOutcome> instances, Duration wallTime,
                          Path summaryFile, Path harnessSummaryFile) {}

    /**
     * What a run is to do: the tasks by id, the predictions to evaluate, the instances that are invalid (with why),
     * the predictions rows naming no instance, and every submitted id.
     */
    private record Plan(Map<String, Task> tasks, Map<String, Prediction> todo, Map<String, String> invalid,
                        List<String> invalidRows, Set<String> submitted) {}

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
        Plan plan = plan(tasks, predictions);
        listener.planned(plan.submitted().size());
        Map<String, InstanceOutcome> outcomes = new ConcurrentHashMap<>();
        reportInvalid(plan, outcomes);
        // one baseline per instance within this run, for the predictions whose test log holds no result
        evaluateAll(plan, outcomes, evaluator == null ? null : evaluator.withBaselines(config.outDir()));
        RunSummary summary = summarize(plan, outcomes);
        Path summaryFile = config.outDir().resolve(ReportFiles.SUMMARY);
        ReportFiles.writeAtomically(summaryFile, summary.toJson());
        Path harnessFile = writeHarnessSummary(summary, predictions);
        return new Outcome(summary, new TreeMap<>(outcomes), Duration.ofNanos(System.nanoTime() - start),
                summaryFile, harnessFile);
    }

    private static Plan plan(List<Task> tasks, PredictionSet predictions) {
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
        return new Plan(byId, todo, invalid, invalidRows, submitted);
    }

    private void reportInvalid(Plan plan, Map<String, InstanceOutcome> outcomes) throws IOException {
        for (Map.Entry<String, String> e : plan.invalid().entrySet()) {
            outcomes.put(e.getKey(), writeInvalid(e.getKey(), e.getValue()));
            listener.finished(e.getKey(), EvalStatus.INVALID, false);
        }
    }

    /** Evaluates the plan's predictions on the worker pool; a worker's unexpected failure is logged, not fatal. */
    private void evaluateAll(Plan plan, Map<String, InstanceOutcome> outcomes, InstanceEvaluator evaluator)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(config.workers(), DaemonThreads.named("eval-worker"));
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (Prediction p : plan.todo().values()) {
                Task task = plan.tasks().get(p.instanceId());
                futures.add(pool.submit(() -> {
                    InstanceOutcome o = one(task, p, evaluator);
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
    }

    private static RunSummary summarize(Plan plan, Map<String, InstanceOutcome> outcomes) {
        Set<String> incomplete = new LinkedHashSet<>(plan.tasks().keySet());
        incomplete.removeAll(plan.submitted());
        Map<String, EvalStatus> statuses = new TreeMap<>();
        Set<String> tampered = new TreeSet<>();
        Duration testTime = Duration.ZERO;
        for (InstanceOutcome o : outcomes.values()) {
            statuses.put(o.instanceId(), o.status());
            testTime = testTime.plus(o.testDuration());
            if (o.tampered()) tampered.add(o.instanceId());
        }
        Set<String> unfinished = new LinkedHashSet<>(plan.submitted());
        unfinished.removeAll(outcomes.keySet());
        return new RunSummary(plan.tasks().size(), statuses, plan.submitted(), incomplete, unfinished,
                plan.invalidRows(), testTime, tampered);
    }

    /** {@code <model>.<run_id>.json}, the model being the first prediction's, as SWE-bench names it; or null. */
    private Path writeHarnessSummary(RunSummary summary, PredictionSet predictions) throws IOException {
        if (config.runId() == null || config.runId().isBlank()) return null;
        String model = predictions.predictions().values().stream().findFirst().map(Prediction::modelNameOrPath)
                .orElse("unknown");
        Path file = config.outDir().resolve(ReportFiles.harnessSummaryName(model, config.runId()));
        ReportFiles.writeAtomically(file, summary.toJson());
        return file;
    }

    /** Evaluates, reuses or regrades one instance; null when it could not be finished (logged). */
    private InstanceOutcome one(Task task, Prediction p, InstanceEvaluator evaluator) throws InterruptedException {
        Path dir = ReportFiles.instanceDir(config.outDir(), task.instanceId());
        try {
            if (config.regrade()) return regrade(task, dir);
            Optional<ReportFiles.Saved> saved = config.rerun() ? Optional.empty() : saved(task.instanceId(), p, dir);
            if (saved.isPresent() && config.strict() && saved.get().tampered()) {
                return regrade(task, dir); // graded before without --strict: grade its saved run again
            }
            if (saved.isPresent()) {
                return new InstanceOutcome(task.instanceId(), saved.get().status(), saved.get().duration(),
                        saved.get().testDuration(), true, saved.get().tampered());
            }
            return evaluate(task, p, dir, evaluator);
        } catch (IOException | RuntimeException e) {
            log.error("{}: could not write or read its files under {}: {}", task.instanceId(), dir, e.toString(), e);
            return null;
        }
    }

    /** Rebuilds the report from the saved run; null when there is none. */
    private InstanceOutcome regrade(Task task, Path dir) throws IOException {
        Path runFile = dir.resolve(ReportFiles.RUN);
        if (!Files.isRegularFile(runFile)) {
            log.warn("{}: nothing to regrade: {} is missing", task.instanceId(), runFile);
            return null;
        }
        return finish(task, InstanceRun.fromJson(Files.readString(runFile, StandardCharsets.UTF_8)), dir, false);
    }

    /** The saved report of an earlier run of the same patch, if any. */
    private static Optional<ReportFiles.Saved> saved(String id, Prediction p, Path dir) throws IOException {
        Optional<ReportFiles.Saved> saved = ReportFiles.readReport(dir, id);
        return saved.isPresent() && samePatch(dir, p) ? saved : Optional.empty();
    }

    private InstanceOutcome evaluate(Task task, Prediction p, Path dir, InstanceEvaluator evaluator)
            throws IOException, InterruptedException {
        InstanceRun run = evaluator.evaluate(task, p, dir);
        ReportFiles.writeAtomically(dir.resolve(ReportFiles.RUN), run.toJson());
        return finish(task, run, dir, false);
    }

    private InstanceOutcome finish(Task task, InstanceRun run, Path dir, boolean reused) throws IOException {
        InstanceReport report = ReportBuilder.build(task, run, dir, config.strict());
        RunInstanceLog.write(run, report, dir);
        ReportFiles.writeAtomically(dir.resolve(ReportFiles.REPORT), report.toJson()); // last: the instance is done
        log.info("{}: {} in {} ms (tests {} ms){}", task.instanceId(), report.status().json(),
                report.duration().toMillis(), report.testDuration().toMillis(),
                report.message().isEmpty() ? "" : ": " + report.message());
        if (report.tampered()) {
            log.warn("{}: the patch changes test infrastructure: {}", task.instanceId(), report.tampering());
        }
        return new InstanceOutcome(task.instanceId(), report.status(), report.duration(), report.testDuration(),
                reused, report.tampered());
    }

    private InstanceOutcome writeInvalid(String id, String message) throws IOException {
        Path dir = ReportFiles.instanceDir(config.outDir(), id);
        InstanceRun run = new InstanceRun(id, "unknown", EvalStatus.INVALID, false, ApplyStep.NONE, message,
                Duration.ZERO, List.of());
        ReportFiles.writeAtomically(dir.resolve(ReportFiles.RUN), run.toJson());
        InstanceReport report = ReportBuilder.build(run, List.of(), List.of(), ResultFormat.PYTEST_LOG, dir);
        RunInstanceLog.write(run, report, dir);
        ReportFiles.writeAtomically(dir.resolve(ReportFiles.REPORT), report.toJson());
        log.warn("{}: invalid: {}", id, message);
        return new InstanceOutcome(id, EvalStatus.INVALID, Duration.ZERO, Duration.ZERO, false, false);
    }

    private static boolean samePatch(Path dir, Prediction p) throws IOException {
        Path f = dir.resolve(ReportFiles.PATCH);
        String want = p.modelPatch() == null ? "" : p.modelPatch();
        return Files.isRegularFile(f) && Files.readString(f, StandardCharsets.UTF_8).equals(want);
    }
}
