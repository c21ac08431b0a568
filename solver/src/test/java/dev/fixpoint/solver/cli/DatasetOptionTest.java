package dev.fixpoint.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.tasks.testing.DatasetsServerStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dataset} / {@code --dataset_name --split}: rows downloaded into the run directory once, then loaded. */
class DatasetOptionTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static EnvCommandTest.Run run(String... args) {
        return EnvCommandTest.run(args);
    }

    static JsonNode row(String id) {
        return JSON.createObjectNode().put("instance_id", id).put("repo", "acme/widgets")
                .put("base_commit", "0123456789abcdef0123456789abcdef01234567").put("FAIL_TO_PASS", "[\"t::a\"]")
                .put("PASS_TO_PASS", "[]");
    }

    @Test
    void evalDownloadsTheDatasetIntoItsOutDirOnceAndLoadsItsRows() throws Exception {
        Path mirrors = Files.writeString(tmp.resolve("mirrors.json"), "{\"acme/widgets\": \"" + tmp.resolve("none") + "\"}");
        Path out = tmp.resolve("out");
        try (DatasetsServerStub stub = new DatasetsServerStub("acme/bench", "dev", List.of(row("w-1"), row("w-2")))) {
            String[] args = {"eval", "--dataset_name", "acme/bench", "--split", "dev", "--datasets-server",
                    stub.baseUrl(), "--gold", "--out", out.toString(), "--mirrors", mirrors.toString(), "--cache",
                    tmp.resolve("cache").toString(), "--no-progress"};
            EnvCommandTest.Run first = run(args);
            // The rows were loaded: the preflight then names their repository, which no mirror serves.
            assertEquals(EvalCommand.SOME_ERRORED, first.exit(), first.err());
            assertTrue(first.err().contains("acme/widgets") && first.err().contains("could not be reached"), first.err());
            Path pages = out.resolve("dataset").resolve("acme__bench-dev");
            assertTrue(Files.isRegularFile(pages.resolve("rows-000000.json")), first.err());
            assertEquals(1, stub.queries().size());

            EnvCommandTest.Run second = run(args);
            assertEquals(EvalCommand.SOME_ERRORED, second.exit(), second.err());
            assertEquals(1, stub.queries().size(), "the second run uses the download");
        }
    }

    @Test
    void tasksOrDatasetMustBeGivenExactlyOnce() {
        EnvCommandTest.Run neither = run("tasks", "list");
        assertEquals(ExitCodes.USAGE, neither.exit());
        EnvCommandTest.Run both = run("eval", "--tasks", "x.jsonl", "--dataset", "a/b", "--gold", "--out", tmp.toString());
        assertEquals(ExitCodes.USAGE, both.exit());
        assertTrue(both.err().contains("not both"), both.err());
    }
}
