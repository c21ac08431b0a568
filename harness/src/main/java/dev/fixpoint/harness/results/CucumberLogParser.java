package dev.fixpoint.harness.results;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Ruby Cucumber's progress format with the scenario lines jekyll/jekyll's {@code features/support/formatter.rb}
 * prints around it, as SWE-bench runs jekyll ({@code cucumber --publish-quiet --format progress --no-color
 * features/x.feature:6}). The progress format alone names no scenario (one character per step: {@code .} passed,
 * {@code F} failed, {@code -} skipped, {@code U} undefined, {@code P} pending); jekyll's file starts each scenario on
 * a line of its own and ends it with its time:
 * <pre>
 * features/post_data.feature:30  Scenario: Use page.name variable ..F- (0.35s)
 * </pre>
 * A test is named by that line up to the step characters ({@code features/post_data.feature:30  Scenario: Use
 * page.name variable}), as SWE-bench's parse_log_cucumber keys it and its jekyll rows list it; scenario outline rows
 * are named as Cucumber names them (Cucumber 5: the outline's name with the row's values; 2.4, whose log the tests
 * hold: {@code Add <a> and <b>, Examples (#1)}). A scenario with a failed step (a failed hook prints {@code F} too)
 * FAILED; else one with an undefined or pending step SKIPPED; else one with a passed step PASSED.
 *
 * <p>SWE-bench reads a line by {@code ^(.*) \.+(\.|F)}, which loses or misreads some scenarios this reads: one
 * whose first step fails ({@code F--}) or that has a single step ({@code .}) is not read, and one with a pending or
 * undefined step after a passed one ({@code ..U}) is read as passed. Output a step prints lands in the middle of
 * the scenario's line and moves its end to a later line; SWE-bench then loses the scenario. Here the step characters
 * that start each later line count too, up to the line ending in the time; the name then ends at the last space
 * before step characters on the first line, which output holding a space and a step character
 * ({@code " Please"}) moves. A scenario whose time never comes (the run was cut) FAILED, with a problem.
 */
final class CucumberLogParser {

    /** What a log without results lacks, for the problem of its empty results. */
    static final String LOOKED_FOR = "no `<file>:<line>  Scenario: <name> <steps> (<seconds>s)` lines found in the "
            + "log; Cucumber's progress format names no scenario without jekyll's features/support/formatter.rb, "
            + "was cucumber run with --format progress in a project that has it?";

    /** Seconds as Ruby prints a Float: {@code 0.35}, {@code 1.2e-05}. */
    private static final String TIME = "\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?";
    private static final Pattern SCENARIO = Pattern.compile("(\\S+:\\d+  Scenario: )(.*)");
    /** A scenario's line that ends with its time: name, space, step characters, space, time. */
    private static final Pattern WHOLE = Pattern.compile("(.*?) ([.FUP-]*) \\(" + TIME + "s\\)");
    /** A scenario's line that output interrupted: name, space, step characters, the output. */
    private static final Pattern BROKEN = Pattern.compile("(.*) ([.FUP-]+)(.*)");
    /** The step characters that start a later line of an interrupted scenario, and the line that ends it. */
    private static final Pattern LEADING = Pattern.compile("[.FUP-]+");
    private static final Pattern ENDS = Pattern.compile("(?:.* )?\\(" + TIME + "s\\)");

    private CucumberLogParser() {}

    /** Reads the outcomes of {@code log} into {@code outcomes}. */
    static void read(String log, Outcomes outcomes) {
        Open open = null;
        for (String raw : LogText.lines(log)) {
            String line = raw.strip();
            Matcher scenario = SCENARIO.matcher(line);
            if (scenario.matches()) {
                if (open != null) open.unfinished(outcomes);
                open = null;
                String rest = scenario.group(2);
                Matcher whole = WHOLE.matcher(rest);
                Matcher broken = BROKEN.matcher(rest);
                if (whole.matches()) {
                    outcomes.add(scenario.group(1) + whole.group(1), outcome(whole.group(2)));
                } else if (broken.matches()) {
                    open = new Open(scenario.group(1) + broken.group(1), broken.group(2));
                } else {
                    open = new Open(scenario.group(1) + rest, "");
                }
            } else if (open != null) {
                Matcher leading = LEADING.matcher(line);
                if (leading.lookingAt()) open = new Open(open.name(), open.chars() + leading.group());
                if (ENDS.matcher(line).matches()) {
                    outcomes.add(open.name(), outcome(open.chars()));
                    open = null;
                }
            }
        }
        if (open != null) open.unfinished(outcomes);
    }

    /** A scenario's outcome from its step characters. */
    private static TestOutcome outcome(String chars) {
        if (chars.indexOf('F') >= 0) return TestOutcome.FAILED;
        if (chars.indexOf('U') >= 0 || chars.indexOf('P') >= 0) return TestOutcome.SKIPPED;
        return chars.indexOf('.') >= 0 ? TestOutcome.PASSED : TestOutcome.SKIPPED;
    }

    /** A scenario whose line output interrupted: its name and the step characters read so far. */
    private record Open(String name, String chars) {

        void unfinished(Outcomes outcomes) {
            outcomes.add(name, TestOutcome.FAILED);
            outcomes.problem("scenario '" + name + "' started but its line never ended with its time (the run was "
                    + "cut or crashed): counted as failed");
        }
    }
}
