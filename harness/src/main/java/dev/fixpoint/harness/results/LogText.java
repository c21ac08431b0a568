package dev.fixpoint.harness.results;

import java.util.regex.Pattern;

/**
 * Line handling shared by every log parser: a log split into lines as a terminal shows them, with ANSI colour and
 * cursor sequences and other control characters removed, a carriage return keeping only what was drawn last
 * ({@code \r\n} ends a line, {@code a\rb} keeps {@code b}), trailing blanks dropped. Pure.
 */
final class LogText {

    /**
     * CSI sequences ({@code ESC [ ... letter}), OSC sequences such as terminal hyperlinks ({@code ESC ] ... BEL}),
     * character-set selections, keypad modes and the other two-byte escapes some reporters emit.
     */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]"
            + "|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|\u001B[()][0-9A-B]|\u001B[=>]|\u001B[@-Z\\\\-_]");
    /** Control characters but tab, line feed and carriage return. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private LogText() {}

    /** The log's lines, each already {@link #plain plain}. A trailing newline makes no extra line. */
    static String[] lines(String log) {
        String[] raw = log.split("\n", -1);
        int n = raw.length > 0 && raw[raw.length - 1].isEmpty() ? raw.length - 1 : raw.length;
        String[] out = new String[n];
        for (int i = 0; i < n; i++) out[i] = plain(raw[i]);
        return out;
    }

    /**
     * One line without colours, control characters, trailing whitespace, or what a carriage return overwrote:
     * {@code "50%\rdone"} is {@code "done"}, as a terminal shows it.
     */
    static String plain(String line) {
        String s = line.indexOf('\u001B') >= 0 ? ANSI.matcher(line).replaceAll("") : line;
        s = s.stripTrailing();
        int cr = s.lastIndexOf('\r');
        if (cr >= 0) s = s.substring(cr + 1);
        return hasControl(s) ? CONTROL.matcher(s).replaceAll("").stripTrailing() : s;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) return true;
        }
        return false;
    }

    /** Number of leading spaces (a tab counts as one). */
    static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        return i;
    }
}
