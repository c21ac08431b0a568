package dev.fixpoint.harness.results;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code cargo test} output (libtest's pretty format): {@code test path::name ... ok}, {@code ... FAILED},
 * {@code ... ignored} (also {@code ignored, reason}). Names are as libtest prints them ({@code tests::adds},
 * doc tests {@code src/lib.rs - add (line 5)}); a {@code #[should_panic]} test's {@code " - should panic"} suffix is
 * dropped so it has its plain path. Every test binary's results are read (run with {@code --no-fail-fast} to get
 * them all).
 *
 * <p>With {@code --nocapture} a test's output lands between {@code test x ... } and its status, which then starts a
 * later line of its own; the status is given to the one test waiting for it. When several tests wait at once
 * (parallel threads) their order is unknown, so none of them is given a status and a problem says so. A test
 * still waiting when the log ends (a crash, a cut log) gets no result.
 */
final class CargoTestLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no `test name ... ok|FAILED|ignored` lines found in the log; "
            + "was it cargo test's default (pretty) output?";

    private static final Pattern TEST = Pattern.compile("^test (.+?) \\.\\.\\. ?(.*)$");
    private static final Pattern STATUS = Pattern.compile("^(ok|FAILED|ignored)(?:, .*)?$");

    private CargoTestLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        Deque<String> waiting = new ArrayDeque<>();
        int ambiguous = 0;
        boolean tangled = false;
        for (String line : LogText.lines(log)) {
            Matcher t = TEST.matcher(line);
            if (t.matches()) {
                // parallel --nocapture runs print several headers on one line: "test a ... test b ... output"
                Matcher next;
                while ((next = TEST.matcher(t.group(2))).matches()) {
                    waiting.add(name(t.group(1)));
                    t = next;
                }
                String name = name(t.group(1));
                Matcher status = STATUS.matcher(t.group(2));
                if (status.matches()) outcomes.add(name, outcome(status.group(1)));
                else if (!t.group(2).startsWith("bench:")) waiting.add(name);
                continue;
            }
            if (waiting.isEmpty()) continue;
            String s = line.strip();
            if (s.startsWith("test result:") || s.startsWith("running ")) {
                waiting.clear(); // a test binary ended: who still waits crashed with it
                tangled = false;
                continue;
            }
            Matcher status = STATUS.matcher(s);
            if (!status.matches()) continue;
            tangled |= waiting.size() > 1; // several tests wait: whose status comes first cannot be told
            String name = waiting.poll();
            if (tangled) ambiguous++;
            else outcomes.add(name, outcome(status.group(1)));
            if (waiting.isEmpty()) tangled = false;
        }
        if (ambiguous > 0) {
            outcomes.problem(ambiguous + " test(s) printed output while others ran (--nocapture with several "
                    + "threads): their statuses cannot be told apart and are left out; run with --test-threads=1");
        }
    }

    private static String name(String printed) {
        return printed.endsWith(" - should panic") ? printed.substring(0, printed.length() - 15) : printed;
    }

    private static TestOutcome outcome(String status) {
        return switch (status) {
            case "ok" -> TestOutcome.PASSED;
            case "FAILED" -> TestOutcome.FAILED;
            default -> TestOutcome.SKIPPED;
        };
    }
}
