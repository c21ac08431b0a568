package dev.fixpoint.harness.results;

import java.util.regex.Pattern;

/**
 * Line handling shared by the log parsers of the other languages: a log split into lines as a terminal shows
 * them, with ANSI colour and cursor sequences removed and a carriage return keeping only what was drawn last.
 */
final class LogText {

    /**
     * CSI sequences ({@code ESC [ ... letter}), OSC sequences such as terminal hyperlinks ({@code ESC ] ... BEL}) and
     * the two-byte escapes some reporters emit.
     */
    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|\u001B[()][0-9A-B]|\u001B[=>]");

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
     * One line without colours, trailing whitespace, or what a carriage return overwrote: {@code "50%\rdone"}
     * is {@code "done"}, as a terminal shows it.
     */
    static String plain(String line) {
        String s = line.indexOf('\u001B') >= 0 ? ANSI.matcher(line).replaceAll("") : line;
        s = s.stripTrailing();
        int cr = s.lastIndexOf('\r');
        return cr >= 0 ? s.substring(cr + 1) : s;
    }

    /** Number of leading spaces (a tab counts as one). */
    static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        return i;
    }
}
