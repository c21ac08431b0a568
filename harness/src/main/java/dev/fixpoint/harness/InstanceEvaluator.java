package dev.fixpoint.harness;

import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.harness.results.ReportDirs;
import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates one prediction for one task in fresh sandboxes and saves the raw facts ({@code patch.diff},
 * {@code eval.sh}, {@code prepare_output.txt}, {@code test_output.txt}, {@code results/}) in the instance
 * directory. Returns an {@link InstanceRun}; grading is {@link ReportBuilder}'s job. A failing patch or test is a
 * result; infrastructure failures (checkout, sandbox) become {@link EvalStatus#ERROR} with a message naming the
 * step. Only interruption propagates, so that an interrupted instance is re-run on resume. Thread-safe.
 */
public final class InstanceEvaluator {

    private static final Logger log = LoggerFactory.getLogger(InstanceEvaluator.class);

    private final SandboxProvider sandboxes;
    private final SourceTrees trees;
    private final String runId;
    private final Duration timeoutOverride;
    private final int repeat;
    private final Baselines baselines;

    /**
     * @param timeoutOverride test-command time limit replacing the tasks' own; null keeps theirs
     * @param repeat          test runs per instance, each in a fresh sandbox (at least 1)
     */
    public InstanceEvaluator(SandboxProvider sandboxes, SourceTrees trees, String runId, Duration timeoutOverride,
                             int repeat) {
        this(sandboxes, trees, runId, timeoutOverride, repeat, null);
    }

    private InstanceEvaluator(SandboxProvider sandboxes, SourceTrees trees, String runId, Duration timeoutOverride,
                              int repeat, Baselines baselines) {
        if (repeat < 1) throw new IllegalArgumentException("repeat must be at least 1, not: " + repeat);
        this.sandboxes = sandboxes;
        this.trees = trees;
        this.runId = runId;
        this.timeoutOverride = timeoutOverride;
        this.repeat = repeat;
        this.baselines = baselines;
    }

    /**
     * This evaluator, also running the baseline ({@link Baselines}: the tests on base + test patch only, once per
     * instance for every evaluation through the returned evaluator) when a prediction's test log holds no result, so
     * that grading can tell a patch that broke the test run from an environment that yields no results. Baseline
     * runs go to {@code root/<instance>/baseline/}.
     */
    public InstanceEvaluator withBaselines(Path root) {
        InstanceEvaluator plain = new InstanceEvaluator(sandboxes, trees, runId, timeoutOverride, repeat, null);
        return new InstanceEvaluator(sandboxes, trees, runId, timeoutOverride, repeat,
                new Baselines(plain::baseline, root));
    }

    /** Evaluates; {@code dir} is emptied first. */
    public InstanceRun evaluate(Task task, Prediction prediction, Path dir) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String id = task.instanceId();
        resetDirectory(dir);
        String patch = prediction.modelPatch() == null ? "" : prediction.modelPatch();
        Files.writeString(dir.resolve(ReportFiles.PATCH), patch, StandardCharsets.UTF_8);
        if (prediction.isEmpty()) {
            return run(prediction, EvalStatus.EMPTY_PATCH, ApplyStep.NONE,
                    prediction.modelPatch() == null ? "model_patch is null" : "model_patch is empty", start,
                    List.of());
        }
        Optional<String> malformed = PatchFiles.malformed(patch);
        if (malformed.isPresent()) {
            return run(prediction, EvalStatus.PATCH_FAILED, ApplyStep.NONE, malformed.get(), start, List.of());
        }
        InstanceRun run = test(task, prediction, patch, dir, repeat, "eval-", start);
        return baselines == null ? run : baselines.attach(run, task, dir);
    }

    /**
     * Runs the task's tests once on base + test patch only (no model patch), as {@code evaluate} runs them for a
     * prediction; {@code dir} is emptied first. The baseline of {@link Baselines}.
     */
    InstanceRun baseline(Task task, Path dir) throws IOException, InterruptedException {
        long start = System.nanoTime();
        resetDirectory(dir);
        Files.writeString(dir.resolve(ReportFiles.PATCH), "", StandardCharsets.UTF_8);
        return test(task, new Prediction(task.instanceId(), Baselines.MODEL, ""), "", dir, 1, "baseline-", start);
    }

    /**
     * Applies {@code patch} (none when blank) and the test patch and runs the tests {@code times} times, each in a
     * fresh sandbox labelled rollout {@code rollout + k}.
     */
    private InstanceRun test(Task task, Prediction prediction, String patch, Path dir, int times, String rollout,
                             long start)
            throws IOException, InterruptedException {
        String id = task.instanceId();
        String script = EvalScript.render(task, patch, prediction.modelNameOrPath());
        Files.writeString(dir.resolve("eval.sh"), script, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("test.patch"), task.testPatch(), StandardCharsets.UTF_8);

        List<Attempt> attempts = new ArrayList<>();
        ApplyStep step = ApplyStep.NONE;
        List<String> notes = new ArrayList<>();
        String stage = "checkout";
        // An image holding the repository (SWE-bench's) needs no checkout: the prepare phase checks its tree instead.
        try (SourceTrees.SourceTree tree = task.environment().repoInImage() ? null : trees.checkout(task)) {
            for (int k = 1; k <= times; k++) {
                checkInterrupted();
                String sub = Attempt.dirOf(k);
                Map<String, Long> phases = new LinkedHashMap<>();
                long mark = System.nanoTime();
                Path attemptDir = dir.resolve(sub);
                Files.createDirectories(attemptDir);
                stage = "sandbox start";
                Sandbox sb = sandboxes.start(spec(task, rollout + k));
                try {
                    mark = lap(phases, "sandbox_start", mark);
                    EnvironmentSpec env = task.environment();
                    stage = "copy-in";
                    if (tree != null) sb.copyIn(tree.directory(), env.workdir());
                    sb.writeFile(EvalScript.MODEL_PATCH, patch.getBytes(StandardCharsets.UTF_8));
                    sb.writeFile(EvalScript.TEST_PATCH, task.testPatch().getBytes(StandardCharsets.UTF_8));
                    sb.writeFile(EvalScript.SCRIPT, script.getBytes(StandardCharsets.UTF_8));
                    mark = lap(phases, "copy_in", mark);
                    stage = "prepare";
                    ExecResult prep = sb.exec(ExecRequest.of("sh " + EvalScript.SCRIPT + " prepare 2>&1", timeout(task)));
                    checkInterrupted();
                    Files.writeString(attemptDir.resolve("prepare_output.txt"), prep.combined(),
                            StandardCharsets.UTF_8);
                    PrepareOutcome prepared = prep.timedOut()
                            ? new PrepareOutcome(EvalStatus.ERROR, ApplyStep.NONE,
                                    "prepare phase timed out after " + timeout(task).toSeconds() + " s")
                            : PrepareOutcome.read(prep.exitCode(), prep.combined());
                    if (prepared.phase() != EvalStatus.UNRESOLVED) {
                        log.info("{}: attempt {}: {} ({})", id, k, prepared.phase().json(), prepared.message());
                        return run(prediction, prepared.phase(), prepared.applyStep(), prepared.message(), start,
                                attempts);
                    }
                    mark = lap(phases, "prepare", mark);
                    step = prepared.applyStep();
                    if (k == 1 && !prepared.message().isEmpty()) notes.add(prepared.message());
                    stage = "test";
                    ExecResult test = sb.exec(ExecRequest.of("sh " + EvalScript.SCRIPT + " test", timeout(task)));
                    checkInterrupted();
                    mark = lap(phases, "test", mark);
                    stage = "collect results";
                    byte[] output = sb.readFile(EvalScript.TEST_OUTPUT);
                    Files.write(attemptDir.resolve("test_output.txt"), output);
                    List<String> results = collectResults(sb, env, dir, sub);
                    mark = lap(phases, "collect", mark);
                    sb.close();
                    lap(phases, "close", mark);
                    attempts.add(new Attempt(k, test.timedOut() ? -1 : test.exitCode(), test.timedOut(),
                            test.duration(), sub + "test_output.txt", results, "", phases));
                    log.debug("{}: attempt {}: tests exit {} in {} ms ({} result files)", id, k, test.exitCode(),
                            test.duration().toMillis(), results.size());
                } finally {
                    sb.close();
                }
            }
        } catch (RuntimeException | IOException e) {
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException(id + ": interrupted");
            String message = id + ": " + stage + " failed: " + e.getMessage();
            log.warn("{}", message, e);
            return run(prediction, EvalStatus.ERROR, step, message, start, attempts);
        }
        return run(prediction, EvalStatus.UNRESOLVED, step, String.join("; ", notes), start, attempts);
    }

    private static long lap(Map<String, Long> phases, String name, long since) {
        long now = System.nanoTime();
        phases.put(name, (now - since) / 1_000_000);
        return now;
    }

    private SandboxSpec spec(Task task, String rollout) {
        EnvironmentSpec env = task.environment();
        SandboxSpec.Builder b = SandboxSpec.builder(env.image())
                .workdir(env.workdir())
                .label(SandboxLabels.RUN, runId)
                .label(SandboxLabels.TASK, task.instanceId())
                .label(SandboxLabels.ROLLOUT, rollout);
        env.env().forEach(b::env);
        return b.build();
    }

    private Duration timeout(Task task) {
        return timeoutOverride != null ? timeoutOverride : task.environment().testTimeout();
    }

    /**
     * Copies the JUnit XML reports out of the sandbox into {@code dir/sub/results/}, from every reports directory
     * ({@link ReportDirs}); returns their paths.
     */
    private static List<String> collectResults(Sandbox sb, EnvironmentSpec env, Path dir, String sub)
            throws IOException {
        if (env.reportsDir() == null || env.reportsDir().isBlank()) return List.of();
        ExecResult found = sb.exec(ExecRequest.of(ReportDirs.findCommand(env), Duration.ofMinutes(2)));
        List<String> saved = new ArrayList<>();
        for (String reports : found.stdout().lines().filter(l -> !l.isBlank()).toList()) {
            Path tmp = Files.createTempDirectory("fixpoint-results");
            try {
                sb.copyOut(reports, tmp);
                try (Stream<Path> files = Files.walk(tmp)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        if (!f.getFileName().toString().endsWith(".xml")) continue;
                        String rel = ReportDirs.savedName(env, reports, tmp.relativize(f).toString());
                        Path to = dir.resolve(sub + "results").resolve(rel);
                        Files.createDirectories(to.getParent());
                        Files.copy(f, to);
                        saved.add(sub + "results/" + rel);
                    }
                }
            } finally {
                deleteTree(tmp);
            }
        }
        return saved;
    }

    private InstanceRun run(Prediction p, EvalStatus phase, ApplyStep step, String message, long start,
                            List<Attempt> attempts) {
        return new InstanceRun(p.instanceId(), p.modelNameOrPath(), phase, p.modelPatch() == null, step, message,
                Duration.ofNanos(System.nanoTime() - start).truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                attempts);
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) throw new InterruptedException("evaluation interrupted");
    }

    static void resetDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) deleteTree(dir);
        Files.createDirectories(dir);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
