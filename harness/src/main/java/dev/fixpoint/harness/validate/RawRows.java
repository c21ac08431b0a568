package dev.fixpoint.harness.validate;

import dev.fixpoint.harness.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a task file as written, by instance id, so that validated rows keep every field of the input (those
 * Fixpoint does not read included): JSONL, a JSON array of rows, a single row, or a Hugging Face datasets-server page
 * ({@code {"rows":[{"row":{...}}]}}). Rows without a textual {@code instance_id} are left out; for a repeated id the
 * first row counts, as in the task loader.
 */
public final class RawRows {

    private static final ObjectMapper MAPPER = Json.mapper();

    private RawRows() {}

    /**
     * Reads the rows of {@code file}: instance id to the row's JSON text, in file order. Rows of a form not listed
     * above are not found; their validated rows are then written from the task's SWE-bench fields.
     *
     * @throws IOException when the file cannot be read
     */
    public static Map<String, String> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        Map<String, String> rows = new LinkedHashMap<>();
        for (JsonNode value : values(text)) {
            add(value.isObject() && value.path("rows").isArray() ? value.get("rows") : value, rows);
        }
        return rows;
    }

    /** Every JSON value of the text; line by line, skipping malformed lines, when the text is not all JSON. */
    private static List<JsonNode> values(String text) {
        List<JsonNode> values = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) values.add(it.nextValue());
            return values;
        } catch (IOException | RuntimeException e) {
            values.clear();
        }
        for (String line : text.split("\r?\n")) {
            try {
                if (!line.isBlank()) values.add(MAPPER.readTree(line));
            } catch (JsonProcessingException e) {
                // a malformed row: the task loader reports it; it has no validated row
            }
        }
        return values;
    }

    private static void add(JsonNode node, Map<String, String> rows) throws JsonProcessingException {
        if (node.isArray()) {
            for (JsonNode n : node) add(n.isObject() && n.path("row").isObject() ? n.get("row") : n, rows);
        } else if (node.isObject() && node.path("instance_id").isTextual()) {
            rows.putIfAbsent(node.get("instance_id").asText(), MAPPER.writeValueAsString(node));
        }
    }
}
