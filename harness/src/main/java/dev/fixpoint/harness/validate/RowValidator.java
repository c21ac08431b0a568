package dev.fixpoint.harness.validate;

import dev.fixpoint.harness.ApplyStep;
import dev.fixpoint.harness.Attempt;
import dev.fixpoint.harness.AttemptResults;
import dev.fixpoint.harness.EvalStatus;
import dev.fixpoint.harness.InstanceEvaluator;
import dev.fixpoint.harness.InstanceRun;
import dev.fixpoint.harness.ReportFiles;
import dev.fixpoint.harness.SourceTrees;
import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.harness.results.TestResults;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.env.CommandTemplate;
import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates one task row the way SWE-bench's validation step does: runs the row's tests (its environment's test
 * command, whose {@code {test_files}} are the files the test patch touches) on base + test patch ("before") and on
 * base + test patch + gold patch ("after"), each {@code repeat} times in fresh sandboxes, and derives FAIL_TO_PASS
 * and PASS_TO_PASS from the outcomes ({@link Derivation}: a test whose outcome differs between repeats is flaky and
 * in neither list).
 *
 * <p>Both phases are runs of the grading harness ({@link InstanceEvaluator}, {@code eval.sh}, the same result
 * parsers), saved under {@code dir/before/} and {@code dir/after/}. "After" is exactly {@code eval --gold}. "Before"
 * grades the row without its test patch with the test patch as the patch under test, so the test patch goes through
 * the same sandbox, tree check and apply step; it must apply with plain {@code git apply}, as the harness applies a
 * test patch. Results are read as grading reads them; on base + test patch a Java build may leave no JUnit report at
 * all (the new tests do not compile before the fix): then every test that passes after is FAIL_TO_PASS, as in
 * SWE-bench, whereas a log with no test result is an error. Thread-safe.
 */
public final class RowValidator {

    private static final Logger log = LoggerFactory.getLogger(RowValidator.class);
    /** {@code model_name_or_path} of the "before" run, whose patch is the row's test patch. */
    static final String TEST_PATCH_AS_PATCH = "validate:test_patch";

    private final InstanceEvaluator evaluator;
    private final int repeat;
    private final boolean onlyTestFiles;

    /**
     * @param timeoutOverride test-command time limit replacing the rows' own; null keeps theirs
     * @param repeat          runs per phase, each in a fresh sandbox (at least 1; 2 or more to find flaky tests)
     */
    public RowValidator(SandboxProvider sandboxes, SourceTrees trees, String runId, Duration timeoutOverride,
                        int repeat) {
        this(new InstanceEvaluator(sandboxes, trees, runId, timeoutOverride, repeat), repeat, false);
    }

    private RowValidator(InstanceEvaluator evaluator, int repeat, boolean onlyTestFiles) {
        this.evaluator = evaluator;
        this.repeat = repeat;
        this.onlyTestFiles = onlyTestFiles;
    }

    /**
     * A validator that keeps only the results of tests in the files the test patch touches ({@link TestFileScope}),
     * for environments whose test command runs more (a whole module or test directory): PASS_TO_PASS then lists only
     * those files' tests.
     */
    public RowValidator onlyTestFiles() {
        return new RowValidator(evaluator, repeat, true);
    }

    /**
     * Validates a row (which must have an environment); its files go under {@code dir}.
     *
     * @throws InterruptedException when interrupted; nothing is recorded for the row
     */
    public RowValidation validate(Task task, Path dir) throws IOException, InterruptedException {
        Outcome o = new Outcome(task.instanceId(), repeat);
        EnvironmentSpec env = task.environment();
        if (env == null) {
            throw new IllegalArgumentException(task.instanceId() + ": the row has no environment; resolve it first");
        }
        if (task.testPatch().isBlank()) return o.invalid(ValidationProblem.NO_TEST_PATCH, "test_patch is empty");
        if (task.patch().isBlank()) return o.invalid(ValidationProblem.NO_GOLD_PATCH, "patch (the gold fix) is empty");
        List<String> graded = new ArrayList<>(CommandTemplate.placeholders(env.testCommandTemplate()));
        graded.retainAll(CommandTemplate.GRADED_TESTS);
        if (!graded.isEmpty()) {
            return o.invalid(ValidationProblem.COMMAND_NAMES_GRADED_TESTS, "the test command \""
                    + env.testCommandTemplate() + "\" runs the tests named by {" + graded.get(0) + "}, the lists"
                    + " validation derives; give the row an environment whose command runs the test files"
                    + " ({test_files})");
        }
        ResultFormat format = env.resultFormat();

        Path beforeDir = dir.resolve("before");
        InstanceRun before = run(withoutTestPatch(task), new Prediction(task.instanceId(), TEST_PATCH_AS_PATCH,
                task.testPatch()), beforeDir, o);
        if (before.phase() == EvalStatus.PATCH_FAILED
                || before.phase() == EvalStatus.UNRESOLVED && before.applyStep() != ApplyStep.GIT_APPLY) {
            return o.invalid(ValidationProblem.TEST_PATCH_DOES_NOT_APPLY, before.phase() == EvalStatus.PATCH_FAILED
                    ? before.message().replace("model patch", "test patch")
                    : "the test patch applies only with " + before.applyStep().command() + ", not git apply");
        }
        Optional<RowValidation> failed = runProblem(before, "base + test patch", o);
        if (failed.isPresent()) return failed.get();
        List<TestResults> beforeResults = AttemptResults.read(before, format, beforeDir);
        boolean logFormat = format != ResultFormat.JUNIT_XML;
        failed = noResults(before, beforeResults, "base + test patch", logFormat, o);
        if (failed.isPresent()) return failed.get();
        if (!logFormat && beforeResults.stream().anyMatch(r -> r.outcomes().isEmpty())) {
            o.notes.add("base + test patch left no JUnit report (do the new tests compile before the fix?): every"
                    + " test that passes with the gold patch counts as FAIL_TO_PASS");
        }

        Path afterDir = dir.resolve("after");
        InstanceRun after = run(task, new Prediction(task.instanceId(), Prediction.GOLD, task.patch()), afterDir, o);
        o.goldStep = after.applyStep();
        if (after.phase() == EvalStatus.PATCH_FAILED) {
            return o.invalid(ValidationProblem.GOLD_PATCH_DOES_NOT_APPLY,
                    after.message().replace("model patch", "gold patch"));
        }
        failed = runProblem(after, "base + test patch + gold patch", o);
        if (failed.isPresent()) return failed.get();
        List<TestResults> afterResults = AttemptResults.read(after, format, afterDir);
        failed = noResults(after, afterResults, "base + test patch + gold patch", true, o);
        if (failed.isPresent()) return failed.get();

        if (onlyTestFiles) {
            Predicate<String> inFiles = TestFileScope.of(CommandTemplate.testFiles(task));
            beforeResults = TestFileScope.filter(beforeResults, inFiles);
            afterResults = TestFileScope.filter(afterResults, inFiles);
        }
        o.derivation = Derivation.of(beforeResults, afterResults);
        o.testsBefore = distinct(beforeResults);
        o.testsAfter = distinct(afterResults);
        if (o.derivation.failToPass().isEmpty()) {
            return o.invalid(ValidationProblem.NO_FAIL_TO_PASS, "no test fails on base + test patch and passes with"
                    + " the gold patch (" + o.testsAfter + " test(s) ran with the gold patch, "
                    + o.derivation.passToPass().size() + " pass on both, " + o.derivation.flaky().size()
                    + " flaky)");
        }
        log.info("{}: valid: {} FAIL_TO_PASS, {} PASS_TO_PASS, {} flaky", task.instanceId(),
                o.derivation.failToPass().size(), o.derivation.passToPass().size(), o.derivation.flaky().size());
        return o.finish(Optional.empty(), "");
    }

    /** The validation of a row that failed unexpectedly (a file of the row could not be written, ...). */
    RowValidation failed(Task task, String message) {
        return new Outcome(task.instanceId(), repeat).invalid(ValidationProblem.TEST_RUN_ERROR, message);
    }

    private InstanceRun run(Task task, Prediction p, Path dir, Outcome o) throws IOException, InterruptedException {
        InstanceRun run = evaluator.evaluate(task, p, dir);
        ReportFiles.writeAtomically(dir.resolve(ReportFiles.RUN), run.toJson());
        o.testDuration = o.testDuration.plus(run.testDuration());
        return run;
    }

    /** A run that did not get to the tests, or whose test command timed out. */
    private static Optional<RowValidation> runProblem(InstanceRun run, String phase, Outcome o) {
        if (run.phase() != EvalStatus.UNRESOLVED) {
            return Optional.of(o.invalid(ValidationProblem.TEST_RUN_ERROR, phase + ": " + run.phase().json()
                    + (run.message().isEmpty() ? "" : ": " + run.message())));
        }
        for (Attempt a : run.attempts()) {
            if (a.timedOut()) {
                return Optional.of(o.invalid(ValidationProblem.TEST_RUN_ERROR, phase + ": run " + a.number()
                        + ": the test command timed out after " + a.testDuration().toSeconds() + " s"));
            }
        }
        return Optional.empty();
    }

    private static Optional<RowValidation> noResults(InstanceRun run, List<TestResults> results, String phase,
                                                     boolean required, Outcome o) {
        if (!required) return Optional.empty();
        for (int i = 0; i < results.size(); i++) {
            TestResults r = results.get(i);
            if (r.outcomes().isEmpty()) {
                Attempt a = run.attempts().get(i);
                return Optional.of(o.invalid(ValidationProblem.NO_RESULTS, phase + ": run " + a.number()
                        + ": no test result could be read (test command exit " + a.exitCode() + ")"
                        + (r.problems().isEmpty() ? "" : ": " + String.join("; ", r.problems()))
                        + "; see " + a.outputFile()));
            }
        }
        return Optional.empty();
    }

    private static int distinct(List<TestResults> runs) {
        Set<String> names = new HashSet<>();
        runs.forEach(r -> names.addAll(r.outcomes().keySet()));
        return names.size();
    }

    static Task withoutTestPatch(Task t) {
        return new Task(t.instanceId(), t.repo(), t.baseCommit(), t.problemStatement(), t.hintsText(), t.createdAt(),
                t.version(), t.patch(), "", List.of(), List.of(), t.environmentSetupCommit(), t.environment());
    }

    /** What one row's validation has gathered so far. */
    private static final class Outcome {
        final String instanceId;
        final int repeat;
        final long start = System.nanoTime();
        final List<String> notes = new ArrayList<>();
        Derivation derivation = new Derivation(List.of(), List.of(), List.of(), List.of(), List.of());
        int testsBefore;
        int testsAfter;
        ApplyStep goldStep = ApplyStep.NONE;
        Duration testDuration = Duration.ZERO;

        Outcome(String instanceId, int repeat) {
            this.instanceId = instanceId;
            this.repeat = repeat;
        }

        RowValidation invalid(ValidationProblem problem, String message) {
            log.info("{}: not valid: {}: {}", instanceId, problem.json(), message);
            return finish(Optional.of(problem), message);
        }

        RowValidation finish(Optional<ValidationProblem> problem, String message) {
            List<String> all = new ArrayList<>();
            if (!message.isEmpty()) all.add(message);
            all.addAll(notes);
            return new RowValidation(instanceId, problem, String.join("; ", all), derivation.failToPass(),
                    derivation.passToPass(), derivation.flaky(), derivation.passToFail(), derivation.failToFail(),
                    testsBefore, testsAfter, repeat, goldStep.json(), Duration.ofNanos(System.nanoTime() - start),
                    testDuration);
        }
    }
}
