package dev.fixpoint.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.harness.predictions.PredictionSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    static Task task(String id) {
        return Task.builder().instanceId(id).repo("o/r").baseCommit("abc").patch("diff --git a/x b/x\n")
                .environment(new EnvironmentSpec("img", "/testbed", List.of(), "true", ResultFormat.PYTEST_LOG,
                        null, null)).build();
    }

    @Test
    void badUsageExitsTwo(@TempDir Path dir) throws Exception {
        assertEquals(2, Main.run("eval", "--gold")); // --tasks missing
        assertEquals(2, Main.run("eval", "--tasks", dir.resolve("none.jsonl").toString(), "--gold",
                "--out", dir.resolve("o").toString())); // unreadable tasks file
        Path tasks = Files.writeString(dir.resolve("t.jsonl"), "");
        assertEquals(2, Main.run("eval", "--tasks", tasks.toString(), "--gold", "--predictions", "p.jsonl"));
        assertEquals(2, Main.run("eval", "--tasks", tasks.toString(), "--gold", "--workers", "0"));
    }

    @Test
    void goldPredictionsAreTheTasksOwnPatches() {
        PredictionSet gold = EvalCommand.goldPredictions(List.of(task("a-1"), task("b-2")));
        assertEquals(List.of("a-1", "b-2"), List.copyOf(gold.predictions().keySet()));
        assertEquals(Prediction.GOLD, gold.predictions().get("a-1").modelNameOrPath());
    }

    @Test
    void instanceFilterFlagsUnknownIds() {
        PredictionSet preds = new PredictionSet(Map.of("a-1", new Prediction("a-1", "m", "p"),
                "c-3", new Prediction("c-3", "m", "p")), List.of());
        EvalCommand.Selection s = EvalCommand.select(List.of(task("a-1"), task("b-2")), preds,
                List.of("a-1", "zzz-9"));
        assertEquals(List.of("a-1"), s.tasks().stream().map(Task::instanceId).toList());
        assertEquals(List.of("a-1"), List.copyOf(s.predictions().predictions().keySet()));
        assertEquals(1, s.predictions().problems().size());
        assertEquals("zzz-9", s.predictions().problems().get(0).instanceId());
        assertTrue(s.predictions().problems().get(0).message().contains("unknown instance id"));
    }

    @Test
    void regradeOfAnEmptyDirectoryReportsUnfinishedInstancesAndExitsOne(@TempDir Path dir) throws Exception {
        Path tasks = Files.writeString(dir.resolve("t.jsonl"), """
                {"instance_id": "o__r-1", "repo": "o/r", "base_commit": "abcd1234", "patch": "diff --git a/x b/x\\n", \
                "environment": {"image": "img", "test_command": "true", "result_format": "pytest_log"}}
                """);
        assertEquals(1, Main.run("eval", "--tasks", tasks.toString(), "--gold", "--regrade", "--no-progress",
                "--out", dir.resolve("out").toString()));
        String summary = Files.readString(dir.resolve("out/summary.json"));
        assertTrue(summary.contains("\"unfinished_ids\": [\n        \"o__r-1\"\n    ]"), summary);
    }
}
