package dev.fixpoint.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fixpoint.tasks.testing.DatasetsServerStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DatasetDownload} against a datasets-server on loopback. */
class DatasetDownloadTest {

    static final String NAME = "princeton-nlp/SWE-bench_Lite";

    @TempDir
    Path dir;

    static List<JsonNode> rows(int n) {
        List<JsonNode> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) rows.add(DatasetInputsTest.hfRow("acme__widgets-" + i));
        return rows;
    }

    @Test
    void downloadsEveryPageOnceAndTheLoaderReadsThem() throws Exception {
        try (DatasetsServerStub stub = new DatasetsServerStub(NAME, "test", rows(250))) {
            DatasetDownload download = DatasetDownload.from(stub.baseUrl());
            DatasetDownload.Dataset lite = DatasetDownload.Dataset.parse(NAME + ":test", null);
            Path into = dir.resolve(lite.slug());
            DatasetDownload.Result first = download.fetch(lite, into);
            assertEquals(250, first.rows());
            assertEquals(3, first.pages());
            assertFalse(first.cached());
            assertEquals(List.of("0", "100", "200"), stub.queries().stream().map(q -> q.get("offset")).toList());
            assertEquals(Map.of("dataset", NAME, "config", "default", "split", "test", "offset", "0", "length", "100"),
                    stub.queries().get(0));
            assertTrue(Files.isRegularFile(into.resolve("rows-000200.json")));

            TaskLoadResult loaded = TaskLoader.strict().load(into);
            assertEquals(250, loaded.tasks().size());
            assertEquals("acme__widgets-249", loaded.tasks().get(249).instanceId());

            DatasetDownload.Result again = download.fetch(lite, into);
            assertTrue(again.cached());
            assertEquals(250, again.rows());
            assertEquals(3, stub.queries().size(), "a second fetch asks nothing");
        }
    }

    @Test
    void anUnknownSplitFailsNamingTheRequestAndTheServersAnswer() throws Exception {
        try (DatasetsServerStub stub = new DatasetsServerStub(NAME, "test", rows(3))) {
            DatasetDownload.Dataset dev = DatasetDownload.Dataset.parse(NAME, "dev");
            TaskException e = assertThrows(TaskException.class,
                    () -> DatasetDownload.from(stub.baseUrl()).fetch(dev, dir.resolve("x")));
            assertTrue(e.getMessage().contains("split=dev") && e.getMessage().contains("HTTP 404")
                    && e.getMessage().contains("does not exist"), e.getMessage());
            assertFalse(Files.exists(dir.resolve("x").resolve(DatasetDownload.MARKER)));
        }
    }

    @Test
    void datasetNamesAndSplitsAreParsedAndChecked() {
        assertEquals(new DatasetDownload.Dataset(NAME, "default", "test"), DatasetDownload.Dataset.parse(NAME, null));
        assertEquals("dev", DatasetDownload.Dataset.parse(NAME + ":test", "dev").split());
        assertEquals("princeton-nlp__SWE-bench_Lite-dev", DatasetDownload.Dataset.parse(NAME + ":dev", null).slug());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetDownload.Dataset.parse("../etc", null));
        assertTrue(e.getMessage().contains("../etc"), e.getMessage());
    }
}
