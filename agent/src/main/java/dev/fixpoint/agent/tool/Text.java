package dev.fixpoint.agent.tool;

import java.util.function.UnaryOperator;

/** Shaping text for a model's context: cutting long outputs, numbering lines, quoting for the shell. */
public final class Text {

    private Text() {}

    /**
     * {@code text} if it has at most {@code max} characters; else its head and tail (60% / 40% of the budget, cut at
     * line ends where possible) with a note in between saying how many characters and lines were cut.
     */
    public static String headTail(String text, int max) {
        if (text.length() <= max) return text;
        int headLen = max * 6 / 10, tailLen = max - headLen;
        int headEnd = text.lastIndexOf('\n', headLen);
        if (headEnd < headLen / 2) headEnd = headLen; else headEnd++;
        int tailStart = text.indexOf('\n', text.length() - tailLen);
        if (tailStart < 0 || tailStart > text.length() - tailLen / 2) tailStart = text.length() - tailLen; else tailStart++;
        if (tailStart <= headEnd) return text.substring(0, max);
        String cut = text.substring(headEnd, tailStart);
        long lines = cut.chars().filter(c -> c == '\n').count();
        return text.substring(0, headEnd)
                + "\n[... output cut: " + cut.length() + " characters (" + lines + " lines) omitted from the middle; "
                + "narrow the command (grep, head, tail, sed -n) or view a line range ...]\n"
                + text.substring(tailStart);
    }

    /** One-line shortening with an ellipsis. */
    public static String clip(String line, int max) {
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }

    /** {@code path} relative to {@code dir} when it lies below it, else unchanged. */
    static String below(String dir, String path) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    /**
     * The first {@code max} of {@code items}, each as {@code render} shows it on a line of its own, then
     * {@code [more than <max> <more>]} when there are more.
     */
    static String capped(String[] items, int max, UnaryOperator<String> render, String more) {
        var sb = new StringBuilder();
        for (int i = 0; i < Math.min(items.length, max); i++) sb.append(render.apply(items[i])).append('\n');
        if (items.length > max) sb.append("[more than ").append(max).append(' ').append(more).append("]\n");
        return sb.toString();
    }

    /** Single-quotes a string for sh. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Lines {@code from..to} (1-based, inclusive) of the given lines, each prefixed with its number. */
    public static String numbered(String[] lines, int from, int to) {
        var sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(String.format("%6d\t", i)).append(lines[i - 1]).append('\n');
        }
        return sb.toString();
    }

    /** Splits into lines without their terminators; a trailing newline does not make an extra empty line. */
    public static String[] lines(String content) {
        if (content.isEmpty()) return new String[0];
        String body = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        return body.split("\n", -1);
    }
}
