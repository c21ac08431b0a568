package dev.fixpoint.verifiers.dedup;

import java.util.BitSet;

/**
 * One line of source after comments were removed, with a mask of the characters inside string or character
 * literals (whose whitespace must be kept verbatim).
 *
 * @param endsInsideLiteral the line break after this line is inside a multi-line literal (a docstring, a text block)
 */
record LexedLine(String text, BitSet literal, boolean endsInsideLiteral) {

    LexedLine {
        literal = (BitSet) literal.clone();
    }

    boolean isLiteral(int index) {
        return literal.get(index);
    }

    @Override
    public BitSet literal() {
        return (BitSet) literal.clone();
    }
}
