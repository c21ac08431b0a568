package dev.fixpoint.harness.results;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verbose output shared by minitest and test-unit: each prints a test's name before running it and its status
 * after, so what the test prints lands in between, and the status may start a later line. The status is given to
 * the test whose name was printed last. Status letters: {@code .} passed, {@code F} failed, {@code E} errored,
 * {@code S}kipped (minitest), {@code O}mitted and {@code P}ending (test-unit) skipped, {@code N}otified passed.
 */
final class RubyVerboseLines {

    private RubyVerboseLines() {}

    /**
     * Reads the outcomes of {@code log}.
     *
     * @param start  a test's name line: group 1 the name as printed, group 2 the rest of the line
     * @param status found in the rest of a name line or in a later line (stripped): group 1 the status letter
     * @param name   the test's name from its printed name
     */
    static void read(String log, Pattern start, Pattern status, UnaryOperator<String> name, Outcomes outcomes) {
        String waiting = null;
        for (String line : LogText.lines(log)) {
            Matcher s = start.matcher(line);
            String rest = line;
            if (s.matches()) {
                waiting = name.apply(s.group(1));
                rest = s.group(2);
            }
            if (waiting == null) continue;
            Matcher st = status.matcher(rest.strip());
            if (st.find()) {
                outcomes.add(waiting, outcome(st.group(1)));
                waiting = null;
            }
        }
    }

    private static TestOutcome outcome(String letter) {
        return switch (letter) {
            case ".", "N" -> TestOutcome.PASSED;
            case "F" -> TestOutcome.FAILED;
            case "E" -> TestOutcome.ERROR;
            default -> TestOutcome.SKIPPED;
        };
    }
}
