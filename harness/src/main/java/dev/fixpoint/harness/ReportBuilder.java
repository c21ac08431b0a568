package dev.fixpoint.harness;

import dev.fixpoint.harness.results.JUnitXmlParser;
import dev.fixpoint.harness.results.LogParsers;
import dev.fixpoint.harness.results.TestResults;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an {@link InstanceReport} from a saved {@link InstanceRun} and the raw files of its attempts (test output,
 * JUnit XML), with nothing else: the live run and {@code --regrade} both come here, so their reports are
 * byte-identical. Structured results are preferred: when an attempt saved result files they are parsed, else
 * its log is, by the parser of the task's result format ({@link LogParsers}). A log from which no test result can be
 * read makes the instance {@link EvalStatus#NO_RESULTS}, an error rather than a verdict, unless the run's baseline
 * ({@link Baselines}: the same tests on base + test patch only) has results: then the patch broke the test run and is
 * graded unresolved, every listed test missing and so failed, as SWE-bench grades it. Missing JUnit XML reports stay
 * a verdict, since a patch that breaks compilation leaves none.
 */
public final class ReportBuilder {

    private ReportBuilder() {}

    /**
     * Builds the report of a task's run with the task's own test lists and result format (a pytest log when the task
     * has no environment) and saves it as {@code dir/report.json}.
     *
     * @param dir the instance directory the run's files are relative to
     */
    public static InstanceReport write(Task task, InstanceRun run, Path dir) throws IOException {
        return write(task, run, dir, false);
    }

    /**
     * As {@link #write(Task, InstanceRun, Path)}, flagging a graded patch that changes test infrastructure
     * ({@link TamperCheck}, read from the saved {@code patch.diff}); with {@code strict} such a patch is not resolved.
     */
    public static InstanceReport write(Task task, InstanceRun run, Path dir, boolean strict) throws IOException {
        InstanceReport report = build(task, run, dir, strict);
        ReportFiles.writeAtomically(dir.resolve(ReportFiles.REPORT), report.toJson());
        return report;
    }

    /** The report {@link #write(Task, InstanceRun, Path, boolean)} saves, not saved. */
    public static InstanceReport build(Task task, InstanceRun run, Path dir, boolean strict) throws IOException {
        InstanceReport report = build(run, task.failToPass(), task.passToPass(), format(task), dir);
        Path patch = dir.resolve(ReportFiles.PATCH);
        if (report.grade() != null && Files.isRegularFile(patch)) {
            report = report.flagged(TamperCheck.findings(Files.readString(patch, StandardCharsets.UTF_8),
                    task.testPatch()), strict);
        }
        return report;
    }

    /**
     * @param run       saved facts
     * @param failToPass the task's FAIL_TO_PASS list (empty for an unknown instance)
     * @param passToPass the task's PASS_TO_PASS list
     * @param format    how the task's tests report results
     * @param dir       the instance directory the run's files are relative to
     */
    public static InstanceReport build(InstanceRun run, List<String> failToPass, List<String> passToPass,
                                       ResultFormat format, Path dir) {
        boolean exists = !run.patchIsNone();
        if (run.phase() != EvalStatus.UNRESOLVED) {
            return new InstanceReport(run.instanceId(), run.modelNameOrPath(), run.phase(), run.patchIsNone(),
                    exists, false, null, run.applyStep(), run.duration(), run.testDuration(), run.message());
        }
        Set<String> expected = expected(failToPass, passToPass);
        List<TestResults> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!run.message().isEmpty()) notes.add(run.message());
        boolean timedOut = false;
        boolean noResults = false;
        for (Attempt a : run.attempts()) {
            TestResults r = parse(a, format, expected, dir);
            results.add(r);
            timedOut |= a.timedOut();
            noResults |= lacksResults(a, format, r);
            String prefix = run.attempts().size() > 1 ? "attempt " + a.number() + ": " : "";
            if (a.timedOut()) notes.add(prefix + "test command timed out after "
                    + Json.seconds(a.testDuration()) + " s");
            for (String p : r.problems()) notes.add(prefix + p + " (test command exit " + a.exitCode() + ")");
        }
        if (results.isEmpty()) {
            results.add(TestResults.empty("", "no test run recorded"));
            notes.add("no test run recorded");
        }
        boolean brokeTestRun = false;
        if (noResults && !timedOut) {
            Baselines.Result baseline = run.baseline().isEmpty() ? null
                    : Baselines.read(run, format, expected, dir);
            if (!brokeTestRun(baseline, format, notes)) {
                return new InstanceReport(run.instanceId(), run.modelNameOrPath(), EvalStatus.NO_RESULTS,
                        run.patchIsNone(), exists, true, null, run.applyStep(), run.duration(), run.testDuration(),
                        String.join("; ", notes));
            }
            brokeTestRun = true;
        }
        Grade grade = Grader.grade(failToPass, passToPass, results);
        EvalStatus status;
        if (timedOut) status = EvalStatus.TIMEOUT;
        else if (brokeTestRun) status = EvalStatus.UNRESOLVED;
        else if (grade.resolved()) status = EvalStatus.RESOLVED;
        else if (grade.hasFlakyListedTests() && grade.failToPass().failure().isEmpty()
                && grade.passToPass().failure().isEmpty()) status = EvalStatus.FLAKY;
        else if (grade.resolution() == Resolution.PARTIAL) status = EvalStatus.PARTIAL;
        else status = EvalStatus.UNRESOLVED;
        return new InstanceReport(run.instanceId(), run.modelNameOrPath(), status, run.patchIsNone(), exists, true,
                grade, run.applyStep(), run.duration(), run.testDuration(), String.join("; ", notes));
    }

    /**
     * Puts first in {@code notes} what a log with no results means given its baseline ({@link Baselines}; null when
     * none ran); true when the baseline shows that the patch broke the test run (a verdict), false when the instance
     * has no results (an error).
     */
    private static boolean brokeTestRun(Baselines.Result baseline, ResultFormat format, List<String> notes) {
        String none = "no test results could be read from the test output with result_format " + LogParsers.name(format);
        String either = ": either the tests did not start (a patch that breaks an import does that) or the"
                + " environment's result_format or test_command do not fit";
        if (baseline == null) {
            notes.add(0, none + either + "; see test_output.txt");
        } else if (baseline.tests() > 0) {
            notes.add(0, "the tests produced no results with this patch; without it they produce " + baseline.tests()
                    + " test results: the patch broke the test run (see test_output.txt; without the patch: "
                    + baseline.output() + ")");
            return true;
        } else if (baseline.ran()) {
            notes.add(0, none + ", neither with this patch nor without it (base + test patch only, " + baseline.output() + ": "
                    + baseline.problem() + "): the environment's result_format or test_command do not fit the"
                    + " repository's tests; see test_output.txt");
        } else {
            notes.add(0, none + either + "; the run without the patch that tells them apart failed ("
                    + baseline.problem() + "); see test_output.txt");
        }
        return false;
    }

    /** The result format a task's logs are read with: its environment's, a pytest log when it has none. */
    static ResultFormat format(Task task) {
        return task.environment() == null ? ResultFormat.PYTEST_LOG : task.environment().resultFormat();
    }

    private static Set<String> expected(List<String> failToPass, List<String> passToPass) {
        Set<String> expected = new LinkedHashSet<>(failToPass);
        expected.addAll(passToPass);
        return expected;
    }

    /**
     * Whether a run got to its tests, none timed out, and the log of some attempt (one read from its log, not from
     * JUnit XML) held no test result: the case {@link Baselines} tells apart.
     *
     * @param dir the instance directory the run's files are relative to
     */
    static boolean lacksResults(Task task, InstanceRun run, Path dir) {
        if (run.phase() != EvalStatus.UNRESOLVED || run.attempts().stream().anyMatch(Attempt::timedOut)) return false;
        ResultFormat format = format(task);
        Set<String> expected = expected(task.failToPass(), task.passToPass());
        return run.attempts().stream().anyMatch(a -> lacksResults(a, format, parse(a, format, expected, dir)));
    }

    private static boolean lacksResults(Attempt a, ResultFormat format, TestResults r) {
        return readsLog(a, format) && r.outcomes().isEmpty();
    }

    static TestResults parse(Attempt a, ResultFormat format, Set<String> expected, Path dir) {
        if (!readsLog(a, format)) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String f : a.resultFiles()) files.put(f, read(dir.resolve(f)));
            return JUnitXmlParser.parse(files);
        }
        String log = new String(read(dir.resolve(a.outputFile())), StandardCharsets.UTF_8);
        return LogParsers.read(format, log, expected);
    }

    /** Whether an attempt's results come from its log (not from JUnit XML report files). */
    private static boolean readsLog(Attempt a, ResultFormat format) {
        return format != ResultFormat.JUNIT_XML && a.resultFiles().isEmpty();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read saved result file " + file, e);
        }
    }
}
