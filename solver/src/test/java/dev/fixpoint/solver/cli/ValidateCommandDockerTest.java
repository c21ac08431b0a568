package dev.fixpoint.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.fixpoint.solver.testing.DockerDaemon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code fixpoint tasks validate} on the bundled samples (three Python, three Java) with their FAIL_TO_PASS /
 * PASS_TO_PASS removed, plus one sample row carrying another sample's gold patch, against the real Docker daemon.
 * The samples' lists were made the same way (tasks/samples/lib/derive_lists.py: pass after and not before, pass on
 * both), so validation must find every original test again.
 */
@Tag("docker")
@ExtendWith(DockerDaemon.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidateCommandDockerTest {

    static final Path SAMPLES = Path.of("..", "tasks", "samples").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String WRONG_GOLD = "fixpoint-samples__verspec-wrong-gold";

    Path tmp;
    Map<String, JsonNode> originals = new LinkedHashMap<>();
    int exit;
    Path out;

    @BeforeAll
    void validateStrippedSamples() throws Exception {
        tmp = Files.createTempDirectory("validate-cli-test");
        StringBuilder stripped = new StringBuilder();
        String tabuliteGold = null;
        ObjectNode verspec = null;
        for (String line : Files.readAllLines(SAMPLES.resolve("tasks.jsonl"))) {
            if (line.isBlank()) continue;
            ObjectNode row = (ObjectNode) JSON.readTree(line);
            originals.put(row.get("instance_id").asText(), row.deepCopy());
            row.remove(List.of("FAIL_TO_PASS", "PASS_TO_PASS"));
            stripped.append(JSON.writeValueAsString(row)).append('\n');
            if (row.get("instance_id").asText().contains("tabulite")) tabuliteGold = row.get("patch").asText();
            if (row.get("instance_id").asText().contains("verspec")) verspec = row.deepCopy();
        }
        verspec.put("instance_id", WRONG_GOLD);
        verspec.put("patch", tabuliteGold);
        stripped.append(JSON.writeValueAsString(verspec)).append('\n');
        Files.writeString(tmp.resolve("stripped.jsonl"), stripped);
        out = tmp.resolve("out");
        exit = Main.run("tasks", "validate", "--tasks", tmp.resolve("stripped.jsonl").toString(),
                "--specs", SAMPLES.resolve("environments.yaml").toString(),
                "--mirrors", SAMPLES.resolve("mirrors.json").toString(), "--cache-dir", tmp.resolve("cache").toString(),
                "--repeat", "1", "--workers", "2", "--out", out.toString(), "--run-id", "validate-cli-test");
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (tmp == null) return;
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static List<String> list(JsonNode value) throws IOException {
        JsonNode list = value.isTextual() ? JSON.readTree(value.asText()) : value;
        List<String> items = new ArrayList<>();
        list.forEach(n -> items.add(n.asText()));
        return items;
    }

    @Test
    void everySampleValidatesWithItsOriginalLists() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("validated.jsonl"));
        assertEquals(originals.size(), lines.size(), String.join("\n", lines));
        for (String line : lines) {
            JsonNode row = JSON.readTree(line);
            String id = row.get("instance_id").asText();
            JsonNode original = originals.get(id);
            assertTrue(row.get("FAIL_TO_PASS").isTextual(), "SWE-bench encodes the lists as strings: " + id);
            assertEquals(new TreeSet<>(list(original.get("FAIL_TO_PASS"))), new TreeSet<>(list(row.get("FAIL_TO_PASS"))),
                    id);
            List<String> p2p = list(row.get("PASS_TO_PASS"));
            assertTrue(p2p.containsAll(list(original.get("PASS_TO_PASS"))), id + ": " + p2p);
            for (String field : List.of("repo", "base_commit", "patch", "test_patch", "problem_statement")) {
                assertEquals(original.get(field), row.get(field), id + " " + field);
            }
        }
    }

    @Test
    void rowWithAnotherRowsGoldIsReportedAndFailsTheExitCode() throws IOException {
        assertEquals(ExitCodes.FAILURE, exit);
        JsonNode report = JSON.readTree(out.resolve("validation.json").toFile());
        assertEquals(originals.size() + 1, report.get("rows").asInt());
        assertEquals(originals.size(), report.get("valid").asInt());
        assertEquals(WRONG_GOLD, report.at("/invalid_ids/0").asText());
        assertEquals("gold_patch_does_not_apply", report.at("/instances/" + WRONG_GOLD + "/problem").asText());
        for (String id : originals.keySet()) {
            JsonNode r = report.at("/instances/" + id);
            assertTrue(r.get("valid").asBoolean(), id + ": " + r);
            assertEquals(list(originals.get(id).get("FAIL_TO_PASS")).size(), r.at("/counts/FAIL_TO_PASS").asInt(), id);
            assertEquals("git_apply", r.get("gold_apply_step").asText(), id);
            assertTrue(Files.isRegularFile(out.resolve(id).resolve("after/test_output.txt")), id);
        }
    }

    @Test
    void repeatBelowOneIsBadUsage() {
        assertEquals(ExitCodes.USAGE, Main.run("tasks", "validate", "--tasks", tmp.resolve("stripped.jsonl").toString(),
                "--out", tmp.resolve("unused").toString(), "--repeat", "0"));
    }
}
