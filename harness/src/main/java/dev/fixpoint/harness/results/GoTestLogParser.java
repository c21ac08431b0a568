package dev.fixpoint.harness.results;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code go test -v} output: {@code --- PASS: TestX/sub_case (0.00s)}, {@code --- FAIL: ...},
 * {@code --- SKIP: ...}, subtests indented under their parent. Names are as Go prints them (spaces in subtest
 * names already turned into {@code _}), the way SWE-bench's {@code parse_log_gotest} keys them.
 *
 * <p>Pitfalls handled: a test that prints without a trailing newline glues the next {@code --- PASS:} onto its
 * output, so the marker is looked for anywhere in a line; a test that started ({@code === RUN}) but never reported
 * (the binary panicked in another goroutine, timed out, or the log was cut) counts as {@link TestOutcome#FAILED},
 * with a problem naming how many. Packages that do not build report no tests at all.
 */
final class GoTestLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no `--- PASS:` / `--- FAIL:` / `--- SKIP:` lines found in the log; "
            + "was go test run with -v?";

    private static final Pattern RESULT = Pattern.compile("--- (PASS|FAIL|SKIP): (.+?) \\(([0-9.]+m?s)\\)$");
    private static final Pattern RUN = Pattern.compile("^=== RUN\\s+(\\S.*)$");

    private GoTestLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        Set<String> started = new LinkedHashSet<>();
        for (String line : LogText.lines(log)) {
            Matcher run = RUN.matcher(line);
            if (run.matches()) {
                started.add(run.group(1));
                continue;
            }
            result(line).ifPresent(r -> outcomes.add(r.getKey(), r.getValue()));
        }
        GoTestJsonLogParser.failUnfinished(started, outcomes);
    }

    /** The test and outcome of a {@code --- PASS: TestX (0.00s)} marker anywhere in the line, if it holds one. */
    static Optional<Map.Entry<String, TestOutcome>> result(String line) {
        int marker = line.indexOf("--- ");
        if (marker < 0) return Optional.empty();
        Matcher m = RESULT.matcher(line);
        return m.find(marker) ? Optional.of(Map.entry(m.group(2), outcome(m.group(1)))) : Optional.empty();
    }

    static TestOutcome outcome(String word) {
        return switch (word) {
            case "PASS", "pass" -> TestOutcome.PASSED;
            case "FAIL", "fail" -> TestOutcome.FAILED;
            default -> TestOutcome.SKIPPED;
        };
    }
}
