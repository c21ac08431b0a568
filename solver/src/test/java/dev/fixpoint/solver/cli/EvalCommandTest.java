package dev.fixpoint.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.harness.ApplyStep;
import dev.fixpoint.harness.Attempt;
import dev.fixpoint.harness.EvalStatus;
import dev.fixpoint.harness.InstanceRun;
import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.harness.predictions.PredictionSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    @Test
    void aLogTheFormatCannotReadIsNoResultsAndExitsOne(@TempDir Path dir) throws Exception {
        // A Django run graded with the pytest format: no result line at all, so an error, not "unresolved".
        String row = """
                {"instance_id": "o__r-1", "repo": "o/r", "base_commit": "abcd1234", "patch": "diff --git a/x b/x\\n", \
                "FAIL_TO_PASS": ["test_a (app.tests.T)"], \
                "environment": {"image": "img", "test_command": "true", "result_format": "FORMAT"}}
                """;
        String log = "test_a (app.tests.T) ... ok\n\n----\nRan 1 test in 0.001s\n\nOK\n";
        for (String format : List.of("pytest_log", "django")) {
            Path tasks = Files.writeString(dir.resolve(format + ".jsonl"), row.replace("FORMAT", format));
            Path out = dir.resolve("out-" + format);
            Files.createDirectories(out.resolve("o__r-1"));
            Files.writeString(out.resolve("o__r-1/test_output.txt"), log);
            Files.writeString(out.resolve("o__r-1/run.json"), new InstanceRun("o__r-1", Prediction.GOLD,
                    EvalStatus.UNRESOLVED, false, ApplyStep.GIT_APPLY, "", Duration.ofSeconds(2), List.of(new Attempt(
                    1, 0, false, Duration.ofSeconds(1), "test_output.txt", List.of(), "", Map.of()))).toJson());
            int exit = Main.run("eval", "--tasks", tasks.toString(), "--gold", "--regrade", "--no-progress",
                    "--out", out.toString());
            String summary = Files.readString(out.resolve("summary.json"));
            String report = Files.readString(out.resolve("o__r-1/report.json"));
            if (format.equals("pytest_log")) {
                assertEquals(1, exit, summary);
                assertTrue(summary.contains("\"no_results_ids\": [\n        \"o__r-1\"\n    ]"), summary);
                assertTrue(summary.contains("\"error_instances\": 1"), summary);
                assertTrue(report.contains("\"status\": \"no_results\""), report);
            } else {
                assertEquals(0, exit, summary);
                assertTrue(report.contains("\"status\": \"resolved\""), report);
            }
        }
    }
}
