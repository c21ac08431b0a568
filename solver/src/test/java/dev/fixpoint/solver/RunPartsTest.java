package dev.fixpoint.solver;

import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.models.Budget;
import dev.fixpoint.models.PriceTable;
import dev.fixpoint.models.Usage;
import dev.fixpoint.solver.batch.TaskSelection;
import dev.fixpoint.solver.model.ScriptFile;
import dev.fixpoint.solver.run.RunDirectory;
import dev.fixpoint.solver.testing.Samples;
import dev.fixpoint.tasks.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline's small parts, without Docker. */
class RunPartsTest {

    @Test
    void everyShippedScriptLoadsAndIsLabelledScripted() throws Exception {
        try (var dirs = Files.list(Samples.SCRIPTS)) {
            List<Path> taskDirs = dirs.filter(Files::isDirectory).toList();
            assertEquals(6, taskDirs.size());
            for (Path d : taskDirs) {
                try (var files = Files.list(d)) {
                    List<Path> scripts = files.filter(p -> p.toString().endsWith(".json")).toList();
                    assertTrue(scripts.size() >= 6, d + " has " + scripts.size());
                    for (Path f : scripts) {
                        ScriptFile s = ScriptFile.read(f);
                        assertTrue(s.modelId().startsWith("scripted:"), f.toString());
                        assertTrue(s.responses().get(s.responses().size() - 1).message().toolCalls().get(0).name().equals("submit"), f + " ends with submit");
                    }
                }
            }
        }
    }

    @Test
    void scriptWithoutScriptedIdIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rollout-1.json");
        Files.writeString(f, "{\"model\": \"openai:gpt-4.1\", \"responses\": [{\"text\": \"hi\"}]}");
        var e = assertThrows(SolverException.class, () -> ScriptFile.read(f));
        assertTrue(e.getMessage().contains("scripted:"), e.getMessage());
    }

    @Test
    void tornLastPredictionLineIsDroppedOnOpen(@TempDir Path dir) throws Exception {
        RunDirectory run = RunDirectory.open(dir);
        run.addPrediction(new Prediction("a-1", "m", "diff a"));
        run.addPrediction(new Prediction("a-1", "m", "other")); // once per task
        Files.writeString(run.predictionsFile(), "{\"instance_id\": \"b-2\", \"model_pa", java.nio.file.StandardOpenOption.APPEND);
        RunDirectory again = RunDirectory.open(dir);
        assertTrue(again.finished("a-1"));
        assertFalse(again.finished("b-2"));
        assertEquals(1, Files.readAllLines(run.predictionsFile()).size());
        assertEquals("diff a", again.predictions().get("a-1").modelPatch());
    }

    @Test
    void budgetStopsTheTaskAndTheRun() {
        var budget = new Budget(new Budget.Limits(null, 1000), new Budget.Limits(null, 600), PriceTable.defaults());
        Budget.Ledger a = budget.task("a"), b = budget.task("b");
        a.record("scripted:x", Usage.of(500, 0, 0, Duration.ZERO));
        assertTrue(a.exhausted().isEmpty());
        a.record("scripted:x", Usage.of(200, 0, 0, Duration.ZERO));
        assertTrue(a.exhausted().orElseThrow().contains("task budget"));
        assertTrue(b.exhausted().isEmpty());
        b.record("openai:gpt-4.1", Usage.of(300, 0, 0, Duration.ZERO));
        assertTrue(b.exhausted().orElseThrow().contains("run budget"));
        assertEquals(1000, budget.spent().tokens());
        assertTrue(budget.spent().unpricedModels().contains("scripted:x"), "scripted has no price in the bundled table");
        assertTrue(budget.spent().usd().compareTo(BigDecimal.ZERO) > 0, "gpt-4.1 has a price");
    }

    @Test
    void shardsSplitTheFileAndFilterAndLimitApply() {
        List<Task> tasks = IntStream.range(0, 7).mapToObj(i -> Task.builder().instanceId("t-" + i).repo("o/r").baseCommit("c").build()).toList();
        int total = 0;
        for (int i = 1; i <= 3; i++) total += new TaskSelection(i, 3, null, 0).apply(tasks).size();
        assertEquals(7, total);
        assertEquals(List.of("t-1", "t-4"), new TaskSelection(2, 3, null, 0).apply(tasks).stream().map(Task::instanceId).toList());
        assertEquals(1, new TaskSelection(0, 0, TaskSelection.parseFilter("t-[3-6]"), 1).apply(tasks).size());
        assertThrows(IllegalArgumentException.class, () -> TaskSelection.parseShard("3"));
        assertThrows(IllegalArgumentException.class, () -> new TaskSelection(4, 3, null, 0));
    }

    @Test
    void diversityCyclesTemperaturesAndPromptVariants() {
        var d = new Diversity(List.of(0.0, 0.7), List.of("default", "minimal", "tests-first"));
        assertEquals(0.7, d.settings(2).temperature());
        assertEquals("tests-first", d.settings(3).promptVariant());
        assertEquals(0.0, d.settings(3).temperature());
        assertTrue(PromptVariants.prompts("minimal").instanceTemplate().contains("smallest change"));
        assertThrows(IllegalArgumentException.class, () -> new Diversity(List.of(0.0), List.of("shouty")));
    }
}
