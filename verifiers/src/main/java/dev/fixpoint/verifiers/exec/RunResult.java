package dev.fixpoint.verifiers.exec;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one sandbox run of a batch of tests showed.
 *
 * @param applied     the patch applied (true when there was none: the base code)
 * @param verdicts    test id -> verdict, sorted by id
 * @param sandboxTime wall time from sandbox start to close
 * @param problem     why the run could not be done or read (empty when all went well)
 * @param passed      names of every result of the test command that passed (the repository's own tests too),
 *                    sorted; what regression tests are chosen from
 */
public record RunResult(boolean applied, Map<String, TestVerdict> verdicts, Duration sandboxTime, String problem,
                        java.util.List<String> passed) {

    public RunResult {
        passed = passed == null ? java.util.List.of() : passed.stream().sorted().toList();
        verdicts = java.util.Collections.unmodifiableMap(new TreeMap<>(verdicts));
        sandboxTime = Objects.requireNonNullElse(sandboxTime, Duration.ZERO);
        problem = Objects.requireNonNullElse(problem, "");
    }
}
