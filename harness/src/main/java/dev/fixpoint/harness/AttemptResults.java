package dev.fixpoint.harness;

import dev.fixpoint.harness.results.TestResults;
import dev.fixpoint.tasks.env.ResultFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The per-test outcomes of each attempt of a saved {@link InstanceRun}, read exactly as grading reads them (JUnit XML
 * when the attempt saved reports, else its log with the result format's parser), for callers that need the raw
 * outcomes rather than a grade: row validation derives FAIL_TO_PASS / PASS_TO_PASS from them.
 */
public final class AttemptResults {

    private AttemptResults() {}

    /**
     * One {@link TestResults} per attempt, in attempt order.
     *
     * @param dir the instance directory the run's files are relative to
     */
    public static List<TestResults> read(InstanceRun run, ResultFormat format, Path dir) {
        return run.attempts().stream().map(a -> ReportBuilder.parse(a, format, Set.of(), dir)).toList();
    }
}
