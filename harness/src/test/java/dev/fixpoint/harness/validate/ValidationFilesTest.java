package dev.fixpoint.harness.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.tasks.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationFilesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static RowValidation valid(String id, List<String> f2p, List<String> p2p) {
        return new RowValidation(id, Optional.empty(), "", f2p, p2p, List.of("t::flaky"), List.of(), List.of(), 3, 4,
                2, "git_apply", Duration.ofMillis(1500), Duration.ofMillis(700));
    }

    static Task task(String id) {
        return Task.builder().instanceId(id).repo("o/r").baseCommit("abcd1234").patch("p").testPatch("t").build();
    }

    @Test
    void completedRowKeepsEveryInputFieldAndEncodesTheListsAsSweBenchDoes() throws Exception {
        String input = "{\"instance_id\":\"o__r-1\",\"repo\":\"o/r\",\"base_commit\":\"abcd1234\",\"custom\":{\"k\":[1]},"
                + "\"FAIL_TO_PASS\":\"[]\",\"environment\":{\"image\":\"x\"}}";
        String line = ValidationFiles.completedRow(input, task("o__r-1"),
                valid("o__r-1", List.of("t::a", "t::\"q\""), List.of("t::b")));
        JsonNode row = JSON.readTree(line);
        assertEquals("[\"t::a\", \"t::\\\"q\\\"\"]", row.get("FAIL_TO_PASS").asText());
        assertEquals(List.of("t::a", "t::\"q\""), List.of(JSON.readValue(row.get("FAIL_TO_PASS").asText(), String[].class)));
        assertEquals("[\"t::b\"]", row.get("PASS_TO_PASS").asText());
        assertEquals(1, row.at("/custom/k/0").asInt());
        assertEquals("x", row.at("/environment/image").asText());
        assertTrue(!line.contains("\n"), line);
        assertEquals(List.of("instance_id", "repo", "base_commit", "custom", "FAIL_TO_PASS", "environment",
                "PASS_TO_PASS"), fieldNames(row));
    }

    @Test
    void rowNotFoundInTheInputIsWrittenFromTheTask() throws Exception {
        JsonNode row = JSON.readTree(ValidationFiles.completedRow(null, task("o__r-2"),
                valid("o__r-2", List.of("A#x"), List.of())));
        assertEquals("o__r-2", row.get("instance_id").asText());
        assertEquals("p", row.get("patch").asText());
        assertEquals("t", row.get("test_patch").asText());
        assertEquals("[\"A#x\"]", row.get("FAIL_TO_PASS").asText());
        assertEquals("[]", row.get("PASS_TO_PASS").asText());
    }

    @Test
    void reportListsCountsProblemsAndUnloadedRows() throws Exception {
        RowValidation bad = new RowValidation("o__r-3", Optional.of(ValidationProblem.GOLD_PATCH_DOES_NOT_APPLY),
                "gold patch did not apply: git_apply exit 1", List.of(), List.of(), List.of(), List.of(), List.of(),
                0, 0, 2, "none", Duration.ofMillis(10), Duration.ZERO);
        JsonNode r = JSON.readTree(ValidationFiles.report(List.of(valid("o__r-1", List.of("a"), List.of("b")), bad),
                List.of("tasks.jsonl:4: base_commit: missing or blank"), Duration.ofSeconds(3)));
        assertEquals(3, r.get("rows").asInt());
        assertEquals(1, r.get("valid").asInt());
        assertEquals(1, r.get("invalid").asInt());
        assertEquals(1, r.get("not_loaded").asInt());
        assertEquals("o__r-3", r.at("/invalid_ids/0").asText());
        assertEquals("gold_patch_does_not_apply", r.at("/instances/o__r-3/problem").asText());
        assertTrue(r.at("/instances/o__r-1/problem").isNull());
        assertEquals(1, r.at("/instances/o__r-1/counts/flaky").asInt());
        assertEquals("t::flaky", r.at("/instances/o__r-1/flaky/0").asText());
        assertEquals(1.5, r.at("/instances/o__r-1/duration_s").asDouble());
    }

    @Test
    void rawRowsReadJsonlArraysAndDatasetsServerPages(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("a.jsonl");
        Files.writeString(jsonl, "{\"instance_id\":\"a-1\",\"x\":1}\nnot json\n\n{\"instance_id\":\"a-2\"}\n"
                + "{\"instance_id\":\"a-1\",\"x\":2}\n");
        Map<String, String> rows = RawRows.read(jsonl);
        assertEquals(List.of("a-1", "a-2"), List.copyOf(rows.keySet()));
        assertEquals(1, JSON.readTree(rows.get("a-1")).get("x").asInt());

        Path array = dir.resolve("b.json");
        Files.writeString(array, "[\n {\"instance_id\": \"b-1\"},\n {\"instance_id\": \"b-2\"}\n]\n");
        assertEquals(List.of("b-1", "b-2"), List.copyOf(RawRows.read(array).keySet()));

        Path page = dir.resolve("c.json");
        Files.writeString(page, "{\"features\":[],\"rows\":[{\"row_idx\":0,\"row\":{\"instance_id\":\"c-1\",\"y\":\"z\"}}]}");
        Map<String, String> paged = RawRows.read(page);
        assertEquals(List.of("c-1"), List.copyOf(paged.keySet()));
        assertEquals("z", JSON.readTree(paged.get("c-1")).get("y").asText());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
