package dev.fixpoint.harness.results;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log format that reports one test per line, read by one pattern: the line (plain, as {@link LogText} gives it,
 * and stripped) must match {@code line} whole, its group {@code status} is looked up in {@code statuses} and its
 * group {@code name}, passed through {@code name}, names the test. Lines whose status is not in the table are not
 * results. Formats that need state across lines (suites, names and statuses on separate lines) have their own
 * reader instead.
 *
 * @param line     the pattern of a result line, with named groups {@code status} and {@code name}
 * @param statuses the outcome of each status text the format prints ({@code "ok" -> PASSED})
 * @param name     turns the printed name into the test's name (e.g. drops a trailing location); identity if none
 */
record LinePattern(Pattern line, Map<String, TestOutcome> statuses, UnaryOperator<String> name)
        implements Outcomes.Reader {

    LinePattern {
        if (!line.pattern().contains("(?<status>") || !line.pattern().contains("(?<name>")) {
            throw new IllegalArgumentException("pattern " + line + " needs groups (?<status>...) and (?<name>...)");
        }
        statuses = Map.copyOf(statuses);
    }

    /** A format whose printed names are the test names. */
    static LinePattern of(String regex, Map<String, TestOutcome> statuses) {
        return new LinePattern(Pattern.compile(regex), statuses, UnaryOperator.identity());
    }

    @Override
    public void read(String log, Outcomes outcomes) {
        for (String raw : LogText.lines(log)) {
            Matcher m = line.matcher(raw.strip());
            if (!m.matches()) continue;
            TestOutcome outcome = statuses.get(m.group("status"));
            if (outcome != null) outcomes.add(name.apply(m.group("name")), outcome);
        }
    }
}
