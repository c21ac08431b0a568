package dev.fixpoint.harness.results;

import java.util.Set;

/**
 * Reads per-test outcomes from the combined output (stdout and stderr) of a task's test command, for one
 * {@link dev.fixpoint.tasks.env.ResultFormat}. Implementations are pure (no I/O), thread-safe and stateless; they
 * never throw on odd input: what cannot be read becomes a {@link TestResults#problems() problem}. A log from which
 * no test result at all can be read yields empty {@link TestResults#outcomes()} (and a problem saying what was
 * looked for); the grader turns that into an error, never into a verdict.
 */
public interface LogParser {

    /**
     * Parses one log.
     *
     * @param log      the test command's combined output, as written (ANSI colours and {@code \r} included)
     * @param expected the names the caller will look up (FAIL_TO_PASS and PASS_TO_PASS); only to settle where an
     *                 ambiguous name ends, never to invent results. May be empty.
     */
    TestResults parse(String log, Set<String> expected);
}
