package dev.fixpoint.harness.validate;

import dev.fixpoint.harness.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.tasks.Task;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The texts a validation run writes: a completed row of {@code validated.jsonl} and {@code validation.json}. Pure.
 */
final class ValidationFiles {

    static final String VALIDATED = "validated.jsonl";
    static final String REPORT = "validation.json";
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final ObjectWriter PRETTY = Json.mapper().writerWithDefaultPrettyPrinter();

    private ValidationFiles() {}

    /**
     * The input row (its JSON text, or null when it was not found: then the task's SWE-bench fields) with
     * FAIL_TO_PASS and PASS_TO_PASS set to the derived lists, JSON-encoded as SWE-bench's datasets hold them; one line.
     */
    static String completedRow(String inputRow, Task task, RowValidation v) {
        ObjectNode row;
        try {
            row = inputRow == null ? fromTask(task) : (ObjectNode) MAPPER.readTree(inputRow);
            row.put("FAIL_TO_PASS", encodedList(v.failToPass()));
            row.put("PASS_TO_PASS", encodedList(v.passToPass()));
            return MAPPER.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("row of " + task.instanceId() + " is not JSON", e);
        }
    }

    /** A list as a JSON-encoded string the way Python's {@code json.dumps} writes it: {@code ["a", "b"]}. */
    static String encodedList(List<String> items) {
        return items.stream().map(ValidationFiles::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoted(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode fromTask(Task t) {
        ObjectNode row = MAPPER.createObjectNode();
        row.put("instance_id", t.instanceId());
        row.put("repo", t.repo());
        row.put("base_commit", t.baseCommit());
        row.put("patch", t.patch());
        row.put("test_patch", t.testPatch());
        row.put("problem_statement", t.problemStatement());
        row.put("hints_text", t.hintsText());
        row.put("created_at", t.createdAt());
        row.put("version", t.version());
        row.put("environment_setup_commit", t.environmentSetupCommit());
        return row;
    }

    /** {@code validation.json}: totals, then every row's report by instance id. */
    static String report(List<RowValidation> rows, List<String> unloadedRows, Duration wallTime) {
        ObjectNode root = MAPPER.createObjectNode();
        long valid = rows.stream().filter(RowValidation::valid).count();
        root.put("rows", rows.size() + unloadedRows.size());
        root.put("valid", valid);
        root.put("invalid", rows.size() - valid);
        root.put("not_loaded", unloadedRows.size());
        root.put("wall_time_s", seconds(wallTime));
        ArrayNode invalidIds = root.putArray("invalid_ids");
        rows.stream().filter(r -> !r.valid()).forEach(r -> invalidIds.add(r.instanceId()));
        ArrayNode unloaded = root.putArray("not_loaded_rows");
        unloadedRows.forEach(unloaded::add);
        ObjectNode instances = root.putObject("instances");
        for (RowValidation r : rows) instances.set(r.instanceId(), rowReport(r));
        try {
            return PRETTY.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode rowReport(RowValidation r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("valid", r.valid());
        n.put("problem", r.problem().map(ValidationProblem::json).orElse(null));
        n.put("message", r.message());
        ObjectNode counts = n.putObject("counts");
        counts.put("FAIL_TO_PASS", r.failToPass().size());
        counts.put("PASS_TO_PASS", r.passToPass().size());
        counts.put("flaky", r.flaky().size());
        counts.put("PASS_TO_FAIL", r.passToFail().size());
        counts.put("FAIL_TO_FAIL", r.failToFail().size());
        counts.put("tests_before", r.testsBefore());
        counts.put("tests_after", r.testsAfter());
        list(n, "FAIL_TO_PASS", r.failToPass());
        list(n, "PASS_TO_PASS", r.passToPass());
        list(n, "flaky", r.flaky());
        list(n, "PASS_TO_FAIL", r.passToFail());
        list(n, "FAIL_TO_FAIL", r.failToFail());
        n.put("repeat", r.repeat());
        n.put("gold_apply_step", r.goldApplyStep());
        n.put("duration_s", seconds(r.duration()));
        n.put("test_duration_s", seconds(r.testDuration()));
        return n;
    }

    private static void list(ObjectNode n, String name, List<String> items) {
        ArrayNode a = n.putArray(name);
        items.forEach(a::add);
    }

    private static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3);
    }
}
