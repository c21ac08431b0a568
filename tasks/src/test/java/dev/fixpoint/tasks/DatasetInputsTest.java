package dev.fixpoint.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task inputs beyond plain SWE-bench files: datasets-server pages, directories and lists, Multi-SWE-bench rows. */
class DatasetInputsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String C1 = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    /** A SWE-bench row as Hugging Face serves it: the test lists JSON-encoded in strings. */
    static ObjectNode hfRow(String id) {
        return JSON.createObjectNode().put("instance_id", id).put("repo", "acme/widgets").put("base_commit", C1)
                .put("problem_statement", "It breaks").put("FAIL_TO_PASS", "[\"tests/test_a.py::test_x\"]")
                .put("PASS_TO_PASS", "[]").put("version", "1.0");
    }

    static String page(int firstIdx, JsonNode... rows) {
        ObjectNode page = JSON.createObjectNode();
        var list = page.putArray("rows");
        for (int i = 0; i < rows.length; i++) {
            ObjectNode e = list.addObject().put("row_idx", firstIdx + i);
            e.set("row", rows[i]);
            e.putArray("truncated_cells");
        }
        page.put("num_rows_total", 7).put("num_rows_per_page", 100);
        return page.toString(); // compact: one line, as the server sends it
    }

    @Test
    void compactDatasetsServerPageLoadsItsRows() throws IOException {
        Path f = Files.writeString(dir.resolve("page.json"), page(0, hfRow("a-1"), hfRow("a-2")));
        TaskLoadResult r = TaskLoader.strict().load(f);
        assertEquals(List.of("a-1", "a-2"), r.tasks().stream().map(Task::instanceId).toList());
        assertEquals(List.of("tests/test_a.py::test_x"), r.tasks().get(0).failToPass());
    }

    @Test
    void aBadRowOfAPageIsNamedByItsRowIdx() throws IOException {
        ObjectNode bad = hfRow("a-2");
        bad.remove("base_commit");
        Path f = Files.writeString(dir.resolve("page.json"), page(40, hfRow("a-1"), bad));
        TaskLoadResult r = TaskLoader.lenient().load(f);
        assertEquals(1, r.tasks().size());
        assertEquals("page.json (row_idx 41):1: base_commit: missing or blank", r.problems().get(0).toString());
    }

    @Test
    void aDirectoryOfPagesIsOneSetWithIdsUniqueAcrossFiles() throws IOException {
        Path pages = Files.createDirectories(dir.resolve("pages"));
        Files.writeString(pages.resolve("rows-000000.json"), page(0, hfRow("a-1"), hfRow("a-2")));
        Files.writeString(pages.resolve("rows-000002.json"), page(2, hfRow("a-3"), hfRow("a-1")));
        Files.writeString(pages.resolve(".dataset.json"), "{\"not\": \"a task\"}");
        Files.writeString(pages.resolve("README.md"), "not read");
        TaskLoadResult r = TaskLoader.lenient().load(pages);
        assertEquals(List.of("a-1", "a-2", "a-3"), r.tasks().stream().map(Task::instanceId).toList());
        assertEquals("rows-000002.json (row_idx 3):1: instance_id: duplicate instance_id a-1 (first at"
                + " rows-000000.json (row_idx 0):1)", r.problems().get(0).toString());
    }

    @Test
    void aListOfFilesMixesFormats() throws IOException {
        Path page = Files.writeString(dir.resolve("page.json"), page(0, hfRow("a-1")));
        Path jsonl = Files.writeString(dir.resolve("more.jsonl"), hfRow("b-1") + "\n" + hfRow("b-2") + "\n");
        TaskLoadResult r = TaskLoader.strict().load(List.of(page, jsonl));
        assertEquals(List.of("a-1", "b-1", "b-2"), r.tasks().stream().map(Task::instanceId).toList());
    }

    @Test
    void anEmptyDirectoryIsAnErrorNamingIt() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        TaskException e = assertThrows(TaskException.class, () -> TaskLoader.strict().load(empty));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("no .json"), e.getMessage());
    }

    /** A Multi-SWE-bench row in its harness's shape (dataset.py: PullRequest plus the test maps). */
    static ObjectNode multiSweBenchRow() {
        ObjectNode row = JSON.createObjectNode().put("org", "cli").put("repo", "cli").put("number", 513)
                .put("state", "closed").put("title", "Fix pr list").put("body", "Fixes #500");
        row.putObject("base").put("label", "cli:trunk").put("ref", "trunk").put("sha", C1);
        row.putArray("resolved_issues").addObject().put("number", 500).put("title", "pr list crashes")
                .put("body", "It panics on an empty repo.");
        row.put("fix_patch", "diff --git a/a.go b/a.go\n").put("test_patch", "diff --git a/a_test.go b/a_test.go\n");
        ObjectNode test = JSON.createObjectNode().put("run", "PASS").put("test", "FAIL").put("fix", "PASS");
        row.putObject("f2p_tests").set("TestPrList", test);
        row.putObject("n2p_tests").set("TestPrListEmpty", test);
        row.putObject("s2p_tests");
        row.putObject("p2p_tests").set("TestPrView", test);
        row.putObject("fixed_tests").set("TestPrList", test);
        row.putObject("run_result").put("passed_count", 1);
        return row;
    }

    @Test
    void multiSweBenchRowsMapToSweBenchFields() throws IOException {
        Path f = Files.writeString(dir.resolve("go.jsonl"), multiSweBenchRow() + "\n");
        Task t = TaskLoader.strict().load(f).tasks().get(0);
        assertEquals("cli__cli-513", t.instanceId());
        assertEquals("cli/cli", t.repo());
        assertEquals(C1, t.baseCommit());
        assertEquals("pr list crashes\nIt panics on an empty repo.", t.problemStatement());
        assertEquals("diff --git a/a.go b/a.go\n", t.patch());
        assertEquals("diff --git a/a_test.go b/a_test.go\n", t.testPatch());
        assertEquals(List.of("TestPrList", "TestPrListEmpty"), t.failToPass());
        assertEquals(List.of("TestPrView"), t.passToPass());
    }

    @Test
    void aMultiSweBenchRowWithoutBaseShaNamesItsField() throws IOException {
        ObjectNode row = multiSweBenchRow();
        ((ObjectNode) row.get("base")).remove("sha");
        ObjectNode badTests = multiSweBenchRow();
        badTests.put("number", 514).put("p2p_tests", 3);
        Path f = Files.writeString(dir.resolve("go.jsonl"), row + "\n" + badTests + "\n");
        TaskLoadResult r = TaskLoader.lenient().load(f);
        assertEquals(List.of("go.jsonl:1: base.sha: missing or blank",
                "go.jsonl:2: p2p_tests: not a map of test names to results: 3"),
                r.problems().stream().map(TaskProblem::toString).toList());
    }
}
