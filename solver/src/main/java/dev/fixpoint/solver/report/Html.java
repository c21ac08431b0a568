package dev.fixpoint.solver.report;

import com.google.common.html.HtmlEscapers;

/** HTML escaping for text and attribute values: everything a run wrote is untrusted. */
final class Html {

    private Html() {}

    /**
     * Escapes {@code & < > " '} (Guava's {@link HtmlEscapers}) so the text can go into element content or a quoted
     * attribute; null is the empty text.
     */
    static String esc(String s) {
        return s == null ? "" : HtmlEscapers.htmlEscaper().escape(s);
    }
}
