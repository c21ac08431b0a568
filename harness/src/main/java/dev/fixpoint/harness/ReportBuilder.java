package dev.fixpoint.harness;

import dev.fixpoint.harness.results.JUnitXmlParser;
import dev.fixpoint.harness.results.LogParser;
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
import java.util.Optional;
import java.util.Set;

/**
 * Builds an {@link InstanceReport} from a saved {@link InstanceRun} and the raw files of its attempts (test output,
 * JUnit XML), with nothing else: the live run and {@code --regrade} both come here, so their reports are
 * byte-identical. Structured results are preferred: when an attempt saved result files they are parsed, else
 * its log is, by the parser of the task's result format ({@link LogParsers}). A log from which no test result can be
 * read makes the instance {@link EvalStatus#NO_RESULTS}, an error rather than a verdict (SWE-bench grades it
 * unresolved); missing JUnit XML reports stay a verdict, since a patch that breaks compilation leaves none.
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
        ResultFormat format = task.environment() == null ? ResultFormat.PYTEST_LOG : task.environment().resultFormat();
        InstanceReport report = build(run, task.failToPass(), task.passToPass(), format, dir);
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
        Set<String> expected = new LinkedHashSet<>(failToPass);
        expected.addAll(passToPass);
        List<TestResults> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!run.message().isEmpty()) notes.add(run.message());
        boolean timedOut = false;
        boolean noResults = false;
        for (Attempt a : run.attempts()) {
            TestResults r = parse(a, format, expected, dir);
            results.add(r);
            timedOut |= a.timedOut();
            noResults |= readsLog(a, format) && r.outcomes().isEmpty();
            String prefix = run.attempts().size() > 1 ? "attempt " + a.number() + ": " : "";
            if (a.timedOut()) notes.add(prefix + "test command timed out after "
                    + Json.seconds(a.testDuration()) + " s");
            for (String p : r.problems()) notes.add(prefix + p + " (test command exit " + a.exitCode() + ")");
        }
        if (results.isEmpty()) {
            results.add(TestResults.empty("", "no test run recorded"));
            notes.add("no test run recorded");
        }
        if (noResults && !timedOut) {
            notes.add(0, "no test results could be read from the test output with result_format "
                    + LogParsers.name(format) + ": either the tests did not start (a patch that breaks an import"
                    + " does that) or the environment's result_format or test_command do not fit; see test_output.txt");
            return new InstanceReport(run.instanceId(), run.modelNameOrPath(), EvalStatus.NO_RESULTS,
                    run.patchIsNone(), exists, true, null, run.applyStep(), run.duration(), run.testDuration(),
                    String.join("; ", notes));
        }
        Grade grade = Grader.grade(failToPass, passToPass, results);
        EvalStatus status;
        if (timedOut) status = EvalStatus.TIMEOUT;
        else if (grade.resolved()) status = EvalStatus.RESOLVED;
        else if (grade.hasFlakyListedTests() && grade.failToPass().failure().isEmpty()
                && grade.passToPass().failure().isEmpty()) status = EvalStatus.FLAKY;
        else if (grade.resolution() == Resolution.PARTIAL) status = EvalStatus.PARTIAL;
        else status = EvalStatus.UNRESOLVED;
        return new InstanceReport(run.instanceId(), run.modelNameOrPath(), status, run.patchIsNone(), exists, true,
                grade, run.applyStep(), run.duration(), run.testDuration(), String.join("; ", notes));
    }

    static TestResults parse(Attempt a, ResultFormat format, Set<String> expected, Path dir) {
        if (!readsLog(a, format)) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String f : a.resultFiles()) files.put(f, read(dir.resolve(f)));
            return JUnitXmlParser.parse(files);
        }
        Optional<LogParser> parser = LogParsers.find(format);
        if (parser.isEmpty()) {
            return TestResults.empty(LogParsers.name(format), "this build has no log parser for result_format "
                    + LogParsers.name(format));
        }
        String log = new String(read(dir.resolve(a.outputFile())), StandardCharsets.UTF_8);
        return parser.get().parse(log, expected);
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
