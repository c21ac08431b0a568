package dev.fixpoint.harness.results;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A test log as plain lines: ANSI escape sequences (colours, cursor moves) and other control characters removed,
 * a carriage return ending a progress line ({@code \r\n}) or overwriting one ({@code a\rb} keeps {@code b}) read the
 * way a terminal shows it, trailing blanks dropped. Pure.
 */
final class LogLines {

    private static final Pattern ANSI = Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|[@-Z\\\\-_])");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private LogLines() {}

    /** The lines of {@code log}, cleaned as the class says. */
    static List<String> of(String log) {
        return Arrays.stream(log.split("\n", -1)).map(LogLines::clean).toList();
    }

    /** One line cleaned: escapes and control characters out, only what follows the last inner {@code \r} kept. */
    static String clean(String raw) {
        String line = ANSI.matcher(raw).replaceAll("");
        line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        int cr = line.lastIndexOf('\r');
        if (cr >= 0) line = line.substring(cr + 1);
        return CONTROL.matcher(line).replaceAll("").stripTrailing();
    }
}
