package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Maven's console output the way SWE-bench grades its Multilingual Java rows (parse_log_maven): each listed
 * test runs in a Maven invocation of its own, {@code mvn test -Dtest=pkg.Class#method}, traced by the shell
 * ({@code set -x}: the line {@code + mvn ... -Dtest=NAME}); the invocation's {@code BUILD SUCCESS} or
 * {@code BUILD FAILURE} is that name's outcome. Unlike SWE-bench, an invocation that ran no test
 * ({@code Tests run: 0}, e.g. a method that does not exist) gives no result rather than a pass. Pure: no I/O.
 */
public final class MavenLogParser implements LogParser {

    private static final String SOURCE = LogParsers.name(ResultFormat.MAVEN_LOG);
    private static final Pattern TRACED = Pattern.compile("^\\++ .*-Dtest=(\\S+)");
    /** Surefire's total of a run (its per-class lines end with {@code -- in pkg.Class} and are skipped). */
    private static final Pattern TOTAL = Pattern.compile("^\\[(?:INFO|WARNING|ERROR)] Tests run: (\\d+),.*$");
    private static final Pattern BUILD = Pattern.compile("^\\[INFO] BUILD (SUCCESS|FAILURE)$");

    @Override
    public TestResults parse(String log, Set<String> expected) {
        Map<String, TestOutcome> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        String current = null;
        int ran = -1;
        for (String line : LogText.lines(log)) {
            Matcher traced = TRACED.matcher(line);
            if (traced.find()) {
                current = traced.group(1);
                ran = -1;
                continue;
            }
            Matcher total = TOTAL.matcher(line);
            if (total.matches() && !line.contains(" -- in ")) {
                ran = Integer.parseInt(total.group(1));
                continue;
            }
            Matcher build = BUILD.matcher(line);
            if (build.matches() && current != null) {
                if (ran == 0) {
                    problems.add("mvn -Dtest=" + current + " ran no test");
                } else {
                    outcomes.merge(current, build.group(1).equals("SUCCESS") ? TestOutcome.PASSED : TestOutcome.FAILED,
                            TestOutcome::worse);
                }
                current = null;
            }
        }
        if (outcomes.isEmpty()) {
            problems.add("no traced Maven run (+ mvn ... -Dtest=NAME, then BUILD SUCCESS / FAILURE) found in the log;"
                    + " was each test run by its own mvn -Dtest=... under set -x?");
        }
        return new TestResults(outcomes, SOURCE, problems);
    }
}
