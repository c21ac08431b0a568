package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the outcomes one log parser reads, keeping the worse outcome of a test reported twice, and turns them
 * into {@link TestResults} with the parser's problems; an empty collection gets a problem saying what was looked
 * for, so the grader can report it as an error.
 */
final class Outcomes {

    /** Reads one log's outcomes into an {@link Outcomes}: the part each log parser of this package writes. */
    @FunctionalInterface
    interface Reader {
        void read(String log, Outcomes outcomes);
    }

    /**
     * A {@link LogParser} made of a reader: fresh outcomes per log, results with {@code source}, and
     * {@code lookedFor} as the problem of a log without results.
     */
    static LogParser parser(String source, Reader reader, String lookedFor) {
        return (log, expected) -> {
            Outcomes outcomes = new Outcomes();
            reader.read(log, outcomes);
            return outcomes.results(source, lookedFor);
        };
    }

    /**
     * Registers a provider's format: its {@link #parser} with the format's name ({@code go_test}) as the source of
     * its results.
     */
    static void register(Map<ResultFormat, LogParser> parsers, ResultFormat format, Reader reader, String lookedFor) {
        parsers.put(format, parser(LogParsers.name(format), reader, lookedFor));
    }

    private final Map<String, TestOutcome> byName = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    /** Records one result; names are trimmed, blank names ignored. */
    void add(String name, TestOutcome outcome) {
        String n = name.strip();
        if (!n.isEmpty()) byName.merge(n, outcome, TestOutcome::worse);
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }

    void problem(String problem) {
        problems.add(problem);
    }

    /**
     * The results.
     *
     * @param source      {@link TestResults#source()}
     * @param lookedFor   what the parser looks for, for the problem of a log with no results
     *                    ({@code "no `--- PASS:` lines found; was it run with -v?"})
     */
    TestResults results(String source, String lookedFor) {
        List<String> all = new ArrayList<>(problems);
        if (byName.isEmpty()) all.add(0, lookedFor);
        return new TestResults(byName, source, all);
    }
}
