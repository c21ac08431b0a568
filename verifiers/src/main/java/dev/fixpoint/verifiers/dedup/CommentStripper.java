package dev.fixpoint.verifiers.dedup;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Removes comments from source text while keeping line structure and marking string literals. A small lexer,
 * not a parser: it knows string, character, text-block and template literals well enough that a comment
 * marker inside a string is not taken for a comment. Never fails; unterminated constructs run to the end.
 */
final class CommentStripper {

    private final String src;
    private final Language language;
    private final List<LexedLine> lines = new ArrayList<>();
    private StringBuilder line = new StringBuilder();
    private BitSet literal = new BitSet();
    private int pos;

    private CommentStripper(String src, Language language) {
        this.src = src;
        this.language = language;
    }

    /**
     * Lexes {@code text}.
     *
     * @param startInComment the text is a fragment that begins inside a block comment (a diff hunk whose first
     *                       line continues a Javadoc); only used for C-like languages
     */
    static List<LexedLine> strip(String text, Language language, boolean startInComment) {
        CommentStripper lexer = new CommentStripper(text.replace("\r\n", "\n"), language);
        if (startInComment && language != Language.PYTHON && language != Language.PLAIN) {
            lexer.skipBlockComment();
        }
        lexer.run();
        return lexer.lines;
    }

    private void run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                newline();
                pos++;
            } else if (language == Language.PLAIN) {
                plain(c);
            } else if (language == Language.PYTHON) {
                python(c);
            } else {
                cLike(c);
            }
        }
        newline();
    }

    private void plain(char c) {
        line.append(c);
        pos++;
    }

    private void python(char c) {
        if (c == '#') {
            skipToEndOfLine();
        } else if (c == '"' || c == '\'') {
            boolean triple = src.startsWith(String.valueOf(c).repeat(3), pos);
            literal(triple ? String.valueOf(c).repeat(3) : String.valueOf(c), !triple);
        } else {
            line.append(c);
            pos++;
        }
    }

    private void cLike(char c) {
        if (src.startsWith("//", pos)) {
            skipToEndOfLine();
        } else if (src.startsWith("/*", pos)) {
            pos += 2;
            skipBlockComment();
            line.append(' ');
        } else if (src.startsWith("\"\"\"", pos)) {
            literal("\"\"\"", false);
        } else if (c == '"' || c == '`') {
            literal(String.valueOf(c), c == '"');
        } else if (c == '\'' && closesSoon()) {
            literal("'", true);
        } else {
            line.append(c);
            pos++;
        }
    }

    /** A quote that closes within a few characters is a char literal; otherwise (Rust lifetimes) plain text. */
    private boolean closesSoon() {
        int end = Math.min(src.length(), pos + 12);
        for (int i = pos + 1; i < end; i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                return true;
            } else if (c == '\n') {
                return false;
            }
        }
        return false;
    }

    /** Copies a literal that starts at {@code pos} with {@code quote}, up to and including its closing quote. */
    private void literal(String quote, boolean endsAtNewline) {
        appendLiteral(quote);
        pos += quote.length();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) != '\n') {
                appendLiteral(src.substring(pos, pos + 2));
                pos += 2;
            } else if (src.startsWith(quote, pos)) {
                appendLiteral(quote);
                pos += quote.length();
                return;
            } else if (c == '\n') {
                if (endsAtNewline) {
                    return;
                }
                newline(true);
                pos++;
            } else {
                appendLiteral(String.valueOf(c));
                pos++;
            }
        }
    }

    private void skipToEndOfLine() {
        while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
        }
    }

    /** Skips to just after the next {@code *\/}, keeping the newlines inside the comment. */
    private void skipBlockComment() {
        while (pos < src.length()) {
            if (src.startsWith("*/", pos)) {
                pos += 2;
                return;
            }
            if (src.charAt(pos) == '\n') {
                newline();
            }
            pos++;
        }
    }

    private void appendLiteral(String s) {
        literal.set(line.length(), line.length() + s.length());
        line.append(s);
    }

    private void newline() {
        newline(false);
    }

    private void newline(boolean insideLiteral) {
        lines.add(new LexedLine(line.toString(), literal, insideLiteral));
        line = new StringBuilder();
        literal = new BitSet();
    }
}
