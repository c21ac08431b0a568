package dev.fixpoint.verifiers.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns comment-free lexed source into a canonical string, so that texts differing only in layout compare
 * equal. Whitespace outside literals is dropped except a single space between two word characters
 * ({@code return x} stays, {@code f( a )} becomes {@code f(a)}); blank lines go. Python keeps one logical line
 * per statement with its indentation, joining lines inside brackets and after a backslash; C-like text becomes
 * one line; plain text keeps its lines and their indentation.
 */
final class CanonicalText {

    private CanonicalText() {
    }

    static String of(Language language, List<LexedLine> lines) {
        return switch (language) {
            case PYTHON -> python(lines);
            case JAVA, C_LIKE -> cLike(lines);
            case PLAIN -> plain(lines);
        };
    }

    private static String cLike(List<LexedLine> lines) {
        StringBuilder out = new StringBuilder();
        for (LexedLine line : lines) {
            append(out, line, 0, true);
        }
        return out.toString();
    }

    private static String plain(List<LexedLine> lines) {
        List<String> kept = new ArrayList<>();
        for (LexedLine line : lines) {
            String text = line.text();
            if (text.isBlank()) {
                continue;
            }
            int indent = indentOf(text);
            kept.add(text.substring(0, indent) + text.substring(indent).strip().replaceAll("\\s+", " "));
        }
        return String.join("\n", kept);
    }

    private static String python(List<LexedLine> lines) {
        List<String> logical = new ArrayList<>();
        StringBuilder current = null;
        int depth = 0;
        boolean insideLiteral = false;
        for (LexedLine line : lines) {
            String text = line.text();
            if (current == null) {
                if (text.isBlank()) {
                    continue;
                }
                int indent = indentOf(text);
                current = new StringBuilder(text.substring(0, indent));
                append(current, line, indent, false);
            } else if (insideLiteral) {
                current.append('\n');
                append(current, line, 0, false);
            } else {
                append(current, line, 0, true);
            }
            depth = Math.max(0, depth + bracketBalance(line));
            insideLiteral = line.endsInsideLiteral();
            boolean continued = endsWithContinuation(current);
            if (continued) {
                current.setLength(current.length() - 1);
            }
            if (depth == 0 && !continued && !insideLiteral) {
                logical.add(current.toString());
                current = null;
            }
        }
        if (current != null) {
            logical.add(current.toString());
        }
        return String.join("\n", logical);
    }

    /**
     * Appends {@code line} from {@code from} with whitespace outside literals collapsed.
     *
     * @param separated the line starts after a line break, which counts as whitespace
     */
    private static void append(StringBuilder out, LexedLine line, int from, boolean separated) {
        String text = line.text();
        boolean pendingSpace = separated;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean literal = line.isLiteral(i);
            if (!literal && Character.isWhitespace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && !out.isEmpty() && isWord(out.charAt(out.length() - 1)) && isWord(c)) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
    }

    private static int bracketBalance(LexedLine line) {
        int balance = 0;
        String text = line.text();
        for (int i = 0; i < text.length(); i++) {
            if (line.isLiteral(i)) {
                continue;
            }
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                balance++;
            } else if (c == ')' || c == ']' || c == '}') {
                balance--;
            }
        }
        return balance;
    }

    private static boolean endsWithContinuation(StringBuilder text) {
        return !text.isEmpty() && text.charAt(text.length() - 1) == '\\';
    }

    private static int indentOf(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
