package dev.fixpoint.harness.results;

import dev.fixpoint.harness.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Finds a JSON report (Jest's {@code --json}, Mocha's and RSpec's JSON reporters) inside a log that may hold other
 * output before and after it: test prints, npm's banner, a warning on stderr. Candidates are the places where an
 * object starts ({@code {"} anywhere, or a line that is just {@code {}); the first one that parses as an object
 * holding {@code field} wins. Text after the object is ignored.
 */
final class JsonReport {

    private static final ObjectMapper JSON = Json.mapper();

    private JsonReport() {}

    /**
     * The first JSON object in {@code log} with a top-level {@code field}.
     *
     * @param problems receives the parse error of the last candidate, when none parsed
     */
    static Optional<JsonNode> find(String log, String field, Outcomes problems) {
        String needle = "\"" + field + "\"";
        String lastError = null;
        int from = 0;
        while (true) {
            int start = nextStart(log, from);
            if (start < 0) break;
            from = start + 1;
            int fieldAt = log.indexOf(needle, start);
            if (fieldAt < 0) break; // no candidate after this one can hold the field
            try {
                JsonNode node = JSON.readTree(log.substring(start));
                if (node != null && node.isObject() && node.has(field)) return Optional.of(node);
            } catch (JsonProcessingException e) {
                lastError = e.getOriginalMessage();
            }
        }
        if (lastError != null) {
            problems.problem("a JSON report with \"" + field + "\" starts in the log but does not parse (truncated?): "
                    + lastError);
        }
        return Optional.empty();
    }

    /** Index of the next {@code {"} or of a line that is only {@code {}, from {@code from}; -1 when none. */
    private static int nextStart(String log, int from) {
        for (int i = log.indexOf('{', from); i >= 0; i = log.indexOf('{', i + 1)) {
            if (i + 1 < log.length() && log.charAt(i + 1) == '"') return i;
            boolean lineStart = i == 0 || log.charAt(i - 1) == '\n';
            boolean lineEnd = i + 1 == log.length() || log.charAt(i + 1) == '\n' || log.charAt(i + 1) == '\r';
            if (lineStart && lineEnd) return i;
        }
        return -1;
    }

    /** A text field, or "" when absent or not text. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
