package dev.fixpoint.solver.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.run.RunJson;

/**
 * JSON for embedding in a {@code <script type="application/json">} element: {@code < > &} and the JavaScript line
 * separators are written as {@code \\uXXXX}, so no string can close the element or open a comment.
 */
final class SafeJson {

    private static final ObjectWriter WRITER = RunJson.mapper().writer().with(new HtmlSafe());

    private SafeJson() {}

    static ObjectMapper mapper() {
        return RunJson.mapper();
    }

    static String write(JsonNode n) {
        try {
            return WRITER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new SolverException("cannot serialise the page data: " + e.getMessage(), e);
        }
    }

    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafe() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) return new SerializedString("\\u2028");
            if (ch == 0x2029) return new SerializedString("\\u2029");
            return null;
        }
    }
}
