package dev.fixpoint.harness.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionLoaderTest {

    @Test
    void readsSweBenchJsonlWithBadRowsAsProblems(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("preds.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"instance_id\": \"a__b-1\", \"model_name_or_path\": \"m\", \"model_patch\": \"diff --git a/x b/x\\n\"}",
                "",
                "{\"instance_id\": \"a__b-2\", \"model_name_or_path\": \"m\", \"model_patch\": null}",
                "{not json",
                "{\"model_patch\": \"x\"}",
                "{\"instance_id\": \"a__b-3\", \"model_patch\": 42}",
                "{\"instance_id\": \"a__b-4\"}",
                "[1]",
                "{\"instance_id\": \"a__b-1\", \"model_name_or_path\": \"m2\", \"model_patch\": \"\"}",
                ""));
        PredictionSet s = PredictionLoader.load(f);
        assertEquals(List.of("a__b-1", "a__b-2"), List.copyOf(s.predictions().keySet()));
        assertEquals("m2", s.predictions().get("a__b-1").modelNameOrPath()); // the later row wins
        assertTrue(s.predictions().get("a__b-1").isEmpty());
        assertNull(s.predictions().get("a__b-2").modelPatch());
        assertEquals(List.of(4, 5, 6, 7, 8), s.problems().stream().map(PredictionProblem::row).toList());
        assertEquals("a__b-3", s.problems().get(2).instanceId());
        assertTrue(s.problems().get(2).message().contains("model_patch must be a string"), s.problems().toString());
        assertTrue(s.problems().get(3).message().contains("missing model_patch"));
    }

    @Test
    void readsJsonArrayAndObjectKeyedById() {
        PredictionSet arr = PredictionLoader.parse("p.json",
                "[{\"instance_id\": \"x-1\", \"model_name_or_path\": \"m\", \"model_patch\": \"p\"}, 3]");
        assertEquals(List.of("x-1"), List.copyOf(arr.predictions().keySet()));
        assertEquals(1, arr.problems().size());
        assertEquals(2, arr.problems().get(0).row());
        PredictionSet obj = PredictionLoader.parse("p.json",
                "{\"x-2\": {\"model_name_or_path\": \"m\", \"model_patch\": \"p\"}}");
        assertEquals("x-2", obj.predictions().get("x-2").instanceId());
        PredictionSet single = PredictionLoader.parse("p.json",
                "{\"instance_id\": \"x-3\", \"model_patch\": \"p\"}");
        assertEquals("unknown", single.predictions().get("x-3").modelNameOrPath());
    }

    @Test
    void readsMultiSweBenchRows() {
        PredictionSet s = PredictionLoader.parse("m.jsonl",
                "{\"org\": \"alibaba\", \"repo\": \"fastjson2\", \"number\": 2775, \"fix_patch\": \"diff\"}\n");
        Prediction p = s.predictions().get("alibaba__fastjson2-2775");
        assertEquals("diff", p.modelPatch());
    }

    @Test
    void unreadableFileIsOneProblem() {
        PredictionSet s = PredictionLoader.parse("bad.json", "[{\"instance_id\": ");
        assertTrue(s.predictions().isEmpty());
        assertEquals(0, s.problems().get(0).row());
    }
}
