package dev.fixpoint.harness.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per-test outcomes of one test run, as parsed from a log or from structured reports.
 *
 * @param outcomes test name -> outcome, sorted by name
 * @param source   where the outcomes came from, e.g. {@code "pytest_log"} or {@code "junit_xml"}
 * @param problems what could not be read (a malformed XML file, no summary lines found); never fatal
 */
public record TestResults(Map<String, TestOutcome> outcomes, String source, List<String> problems) {

    public TestResults {
        outcomes = Collections.unmodifiableMap(new TreeMap<>(outcomes == null ? Map.of() : outcomes));
        source = source == null ? "" : source;
        problems = List.copyOf(problems == null ? List.of() : problems);
    }

    /** No results at all, with the reason. */
    public static TestResults empty(String source, String problem) {
        return new TestResults(Map.of(), source, List.of(problem));
    }

    /**
     * Outcome of a test named in a FAIL_TO_PASS / PASS_TO_PASS list, matched as {@link TestNames} describes:
     * the full name first, then (for names without a {@code ::} / {@code #} path) the last part of the node id,
     * then every parameterised invocation of a Java method. When several results match, the worst wins.
     * Empty when the test is absent from the results.
     */
    public Optional<TestOutcome> lookup(String listedName) {
        return TestNames.lookup(listedName, outcomes);
    }

    /** Results of two sources of the same run (e.g. several XML files) combined; the worse outcome wins. */
    public TestResults merge(TestResults other) {
        Map<String, TestOutcome> all = new TreeMap<>(outcomes);
        other.outcomes.forEach((name, outcome) -> all.merge(name, outcome, TestOutcome::worse));
        List<String> allProblems = new ArrayList<>(problems);
        allProblems.addAll(other.problems);
        String src = source.isEmpty() ? other.source : source;
        return new TestResults(all, src, allProblems);
    }
}
