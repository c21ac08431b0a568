package dev.fixpoint.solver.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.solver.SolverException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RunMerge} on shard directories written here: what it sums and copies, and every refusal's message. */
class RunMergeTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A finished shard of "o__r" tasks: a prediction, a selection report and a trajectory per task. */
    Path shard(String name, String shard, List<String> tasks, Consumer<ObjectNode> edit) throws Exception {
        Path d = dir.resolve(name);
        ObjectNode run = JSON.createObjectNode().put("run_id", "batch-" + name).put("model", "scripted:s").put("scripted", true)
                .put("started_at", "2026-12-06T10:0" + name.length() + ":00Z").put("updated_at", "2026-12-06T11:00:00Z").put("complete", true);
        run.putObject("settings").put("tasks_file", "/runs/tasks.jsonl").put("tasks_sha256", "abc").put("rollouts", 3).put("shard", shard);
        run.putObject("totals").put("selected", tasks.size()).put("abstained", 0).put("budget_exhausted", 1).put("error", 0);
        run.putObject("rollouts").put("ran", 3 * tasks.size()).put("reused_from_earlier_run", 0);
        run.putObject("spend").put("usd", 0.25).put("tokens", 100).put("model_calls", 7).put("budget_usd", (Double) null)
                .put("budget_tokens", (Long) null).putArray("unpriced_models").add("scripted:" + name);
        var list = run.putArray("tasks");
        StringBuilder preds = new StringBuilder();
        for (String t : tasks) {
            list.addObject().put("instance_id", t).put("status", "SELECTED").put("wall_ms", 5);
            preds.append(JSON.createObjectNode().put("instance_id", t).put("model_name_or_path", "scripted:s").put("model_patch", "diff " + t)).append('\n');
            Path td = d.resolve("tasks").resolve(t.replace('/', '_'));
            Files.createDirectories(td.resolve("rollouts/1"));
            Files.writeString(td.resolve("selection.json"), "{\"instance_id\":\"" + t + "\"}\n");
            Files.writeString(td.resolve("rollouts/1/trajectory.jsonl"), "{\"step\":1}\n");
        }
        edit.accept(run);
        Files.createDirectories(d);
        Files.writeString(d.resolve("run.json"), run.toPrettyString());
        Files.writeString(d.resolve("predictions.jsonl"), preds.toString());
        return d;
    }

    Path shard(String name, String shard, List<String> tasks) throws Exception {
        return shard(name, shard, tasks, r -> {});
    }

    @Test
    void mergesPredictionsTasksAndSumsTheReport() throws Exception {
        Path a = shard("a", "1/2", List.of("o__r-3", "o__r-1"));
        Path b = shard("bb", "2/2", List.of("o__r-2"));
        Path out = dir.resolve("merged");
        RunMerge.Result r = RunMerge.merge(List.of(a, b), out, null);
        assertEquals(3, r.tasks());
        assertEquals(3, r.predictions());
        assertEquals(List.of(), r.missingShards());
        List<String> preds = Files.readAllLines(out.resolve("predictions.jsonl"));
        assertEquals(List.of("o__r-1", "o__r-2", "o__r-3"), preds.stream().map(l -> read(l).get("instance_id").asText()).toList(),
                "predictions ordered by instance id");
        assertEquals(Files.readString(a.resolve("tasks/o__r-3/rollouts/1/trajectory.jsonl")),
                Files.readString(out.resolve("tasks/o__r-3/rollouts/1/trajectory.jsonl")));
        assertTrue(Files.exists(out.resolve("tasks/o__r-2/selection.json")));
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        assertEquals("merged", run.get("run_id").asText());
        assertEquals(3, run.get("totals").get("selected").asInt());
        assertEquals(2, run.get("totals").get("budget_exhausted").asInt(), "every total is summed");
        assertEquals(9, run.get("rollouts").get("ran").asInt());
        assertEquals(0.5, run.get("spend").get("usd").asDouble(), 1e-9);
        assertEquals(200, run.get("spend").get("tokens").asLong());
        assertEquals("[\"scripted:a\",\"scripted:bb\"]", run.get("spend").get("unpriced_models").toString());
        assertTrue(run.get("settings").get("shard").isNull());
        assertEquals(3, run.get("settings").get("rollouts").asInt());
        assertTrue(run.get("complete").asBoolean());
        assertEquals("2026-12-06T10:01:00Z", run.get("started_at").asText(), "the earliest shard's start");
        assertEquals(List.of("o__r-1", "o__r-2", "o__r-3"), ids(run.get("tasks")));
        assertEquals(2, run.get("shards").size());
        assertEquals("1/2", run.get("shards").get(0).get("shard").asText());
        assertEquals(a.toAbsolutePath().toString(), run.get("shards").get(0).get("dir").asText());
        assertFalse(Files.exists(dir.resolve(".merged.merging")), "no staging directory left");
    }

    @Test
    void aMissingShardIsReportedAndTheMergeMarkedIncomplete() throws Exception {
        Path a = shard("a", "1/3", List.of("o__r-1"));
        Path c = shard("c", "3/3", List.of("o__r-3"));
        RunMerge.Result r = RunMerge.merge(List.of(a, c), dir.resolve("m"), "run-7");
        assertEquals(List.of("2/3"), r.missingShards());
        JsonNode run = JSON.readTree(dir.resolve("m/run.json").toFile());
        assertFalse(run.get("complete").asBoolean());
        assertEquals("run-7", run.get("run_id").asText());
        assertEquals("[\"2/3\"]", run.get("missing_shards").toString());
    }

    @Test
    void refusesATaskInTwoShardsNamingItAndBothDirectories() throws Exception {
        Path a = shard("a", "1/2", List.of("o__r-1", "o__r-2"));
        Path b = shard("b", "2/2", List.of("o__r-2"));
        var e = assertThrows(RunMerge.Refused.class, () -> RunMerge.merge(List.of(a, b), dir.resolve("m"), null));
        assertTrue(e.getMessage().contains("task o__r-2 is in both " + a + " and " + b), e.getMessage());
        assertFalse(Files.exists(dir.resolve("m")), "nothing written");
    }

    @Test
    void refusesTwoDirectoriesOfTheSameShard() throws Exception {
        Path a = shard("a", "1/2", List.of("o__r-1"));
        Path b = shard("b", "1/2", List.of("o__r-2"));
        var e = assertThrows(RunMerge.Refused.class, () -> RunMerge.merge(List.of(a, b), dir.resolve("m"), null));
        assertTrue(e.getMessage().contains(a + " and " + b + " are both shard 1/2"), e.getMessage());
    }

    @Test
    void refusesInconsistentShards() throws Exception {
        Path a = shard("a", "1/2", List.of("o__r-1"));
        Path model = shard("b", "2/2", List.of("o__r-2"), r -> r.put("model", "openai:gpt-4.1").put("scripted", false));
        Path rollouts = shard("c", "2/2", List.of("o__r-2"), r -> ((ObjectNode) r.get("settings")).put("rollouts", 5));
        Path tasks = shard("d", "2/2", List.of("o__r-2"), r -> ((ObjectNode) r.get("settings")).put("tasks_sha256", "def"));
        Path count = shard("e", "2/3", List.of("o__r-2"));
        Path budget = shard("f", "2/2", List.of("o__r-2"), r -> ((ObjectNode) r.get("spend")).put("budget_usd", 5.0));
        assertRefused(a, model, "inconsistent shards: " + a + " ran model \"scripted:s\" but " + model + " ran \"openai:gpt-4.1\"");
        assertRefused(a, rollouts, "setting rollouts is 3 in " + a + " but 5 in " + rollouts);
        assertRefused(a, tasks, "a different tasks file (tasks_sha256) is \"abc\" in " + a + " but \"def\" in " + tasks);
        assertRefused(a, count, count + " is shard 2/3 but " + a + " is one of 2 shards");
        assertRefused(a, budget, "budget_usd is null in " + a + " but 5.0 in " + budget);
    }

    @Test
    void refusesAnIncompleteShardAndADirectoryThatIsNotARun() throws Exception {
        Path a = shard("a", "1/2", List.of("o__r-1"));
        Path killed = shard("b", "2/2", List.of("o__r-2"), r -> r.put("complete", false));
        assertRefused(a, killed, killed + ": the shard's run is not complete");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused(a, empty, empty + ": no run.json");
    }

    @Test
    void refusesAnOutputThatIsNotEmpty() throws Exception {
        Path a = shard("a", "1/1", List.of("o__r-1"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "x");
        var e = assertThrows(RunMerge.Refused.class, () -> RunMerge.merge(List.of(a), out, null));
        assertTrue(e.getMessage().contains(out + " is not empty"), e.getMessage());
        assertEquals("x", Files.readString(out.resolve("keep.txt")));
        RunMerge.merge(List.of(a), Files.createDirectories(dir.resolve("empty-out")), null);
        assertTrue(Files.exists(dir.resolve("empty-out/tasks/o__r-1/selection.json")), "an empty --out is used");
    }

    @Test
    void aDamagedPredictionsFileIsAFailureNamingTheLine() throws Exception {
        Path a = shard("a", "1/1", List.of("o__r-1"));
        Files.writeString(a.resolve("predictions.jsonl"), "{\"instance_id\": \"o__r-1\"}\n{torn\n");
        var e = assertThrows(SolverException.class, () -> RunMerge.merge(List.of(a), dir.resolve("m"), null));
        assertFalse(e instanceof RunMerge.Refused);
        assertTrue(e.getMessage().startsWith(a.resolve("predictions.jsonl") + ":2: not a JSON line"), e.getMessage());
    }

    void assertRefused(Path a, Path b, String message) {
        var e = assertThrows(RunMerge.Refused.class, () -> RunMerge.merge(List.of(a, b), dir.resolve("m"), null));
        assertTrue(e.getMessage().contains(message), "expected <" + message + "> in: " + e.getMessage());
        assertFalse(Files.exists(dir.resolve("m")));
    }

    static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    static List<String> ids(JsonNode tasks) {
        List<String> ids = new java.util.ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("instance_id").asText()));
        return ids;
    }
}
