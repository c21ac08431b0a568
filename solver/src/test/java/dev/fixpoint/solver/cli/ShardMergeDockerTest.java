package dev.fixpoint.solver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.solver.testing.Cli;
import dev.fixpoint.solver.testing.Samples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shard/merge identity, for real: two {@code batch --shard i/2} processes at once on two Python samples (scripted
 * sessions, Docker sandboxes, real verification), then {@code merge}, give the same predictions.jsonl and the same
 * selection reports as one unsharded run of the same task file; compared byte for byte after normalising the fields
 * that hold times ({@code wall_ms}, {@code latency_ms}, {@code started_at}, {@code updated_at}, and every measured
 * duration, an ISO-8601 {@code "PT..."} value such as {@code verification.compute.sandboxTime}) and, in run.json only,
 * the run ids and the shard bookkeeping ({@code run_id}, {@code settings.shard}, {@code shards}, {@code missing_shards});
 * run.json's task list is compared in instance-id order (an unsharded run lists tasks as they finish).
 */
@Tag("docker")
class ShardMergeDockerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Fields holding times, normalised everywhere. */
    static final Set<String> TIMES = Set.of("wall_ms", "latency_ms", "started_at", "updated_at");

    @TempDir
    Path dir;

    @Test
    void twoShardsMergedEqualOneUnshardedRun() throws Exception {
        // two Python samples in a task file of their own, so that shard 1/2 takes verspec and shard 2/2 tabulite
        Path tasks = dir.resolve("tasks.jsonl");
        List<String> rows = Files.readAllLines(Samples.TASKS).stream()
                .filter(l -> l.contains("\"fixpoint-samples__verspec-1\"") || l.contains("\"fixpoint-samples__tabulite-1\"")).toList();
        assertEquals(2, rows.size());
        Files.writeString(tasks, String.join("\n", rows) + "\n");

        var whole = Cli.run(dir.resolve("log-whole"), Map.of(), Duration.ofMinutes(8), batch(tasks, "whole", null));
        assertEquals(0, whole.exit(), whole.stderr() + whole.stdout());

        List<Process> shards = new ArrayList<>();
        for (int i = 1; i <= 2; i++) shards.add(Cli.start(dir.resolve("log-shard" + i), Map.of(), batch(tasks, "shard" + i, i + "/2")));
        for (int i = 0; i < 2; i++) {
            Process p = shards.get(i);
            if (!p.waitFor(8, TimeUnit.MINUTES)) {
                shards.forEach(Process::destroyForcibly);
                throw new AssertionError("shard " + (i + 1) + " did not finish in 8 minutes");
            }
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log-shard" + (i + 1) + "/stderr.txt")));
        }
        assertEquals(1, Files.readAllLines(dir.resolve("shard1/predictions.jsonl")).size(), "each shard ran one task");
        assertEquals(1, Files.readAllLines(dir.resolve("shard2/predictions.jsonl")).size());

        var merge = Cli.run(dir.resolve("log-merge"), Map.of(), Duration.ofMinutes(1),
                "merge", dir.resolve("shard1").toString(), dir.resolve("shard2").toString(), "--out", dir.resolve("merged").toString());
        assertEquals(0, merge.exit(), merge.stderr());
        assertTrue(merge.stdout().contains("2 tasks, 2 predictions"), merge.stdout());

        Path a = dir.resolve("whole");
        Path b = dir.resolve("merged");
        assertEquals(sortedLines(a.resolve("predictions.jsonl")), sortedLines(b.resolve("predictions.jsonl")), "the same predictions, byte for byte");
        assertEquals(files(a.resolve("tasks")), files(b.resolve("tasks")), "the same files under tasks/");
        int compared = 0;
        for (String f : files(a.resolve("tasks"))) {
            if (!f.endsWith("selection.json") && !f.endsWith("patch.diff") && !f.endsWith("candidate.json")) continue;
            String expected = f.endsWith(".json") ? normalised(a.resolve("tasks/" + f)) : Files.readString(a.resolve("tasks/" + f));
            String actual = f.endsWith(".json") ? normalised(b.resolve("tasks/" + f)) : Files.readString(b.resolve("tasks/" + f));
            assertEquals(expected, actual, f + " differs between the unsharded run and the merged shards");
            compared++;
        }
        assertTrue(compared >= 2 * (1 + 3), "selection reports and candidates compared: " + compared);

        ObjectNode runA = (ObjectNode) normalisedTree(a.resolve("run.json"));
        ObjectNode runB = (ObjectNode) normalisedTree(b.resolve("run.json"));
        assertEquals(2, runB.get("shards").size());
        assertEquals(0, runB.get("missing_shards").size());
        for (ObjectNode run : List.of(runA, runB)) {
            run.remove(List.of("run_id", "shards", "missing_shards"));
            ((ObjectNode) run.get("settings")).remove("shard");
            // an unsharded run lists its tasks as they finish, the merge by instance id
            List<JsonNode> listed = new ArrayList<>();
            run.get("tasks").forEach(listed::add);
            listed.sort(java.util.Comparator.comparing(t -> t.get("instance_id").asText()));
            run.putArray("tasks").addAll(listed);
        }
        assertEquals(runA.toPrettyString(), runB.toPrettyString(), "run.json: the same totals, rollouts, spend and tasks");
        assertEquals(2, runB.get("totals").get("selected").asInt() + runB.get("totals").get("abstained").asInt());
    }

    static String[] batch(Path tasks, String out, String shard) {
        List<String> a = new ArrayList<>(List.of("batch", "--tasks", tasks.toString(), "--specs", Samples.DIR.resolve("environments.yaml").toString(),
                "--mirrors", Samples.MIRRORS.toString(), "--scripted", Samples.SCRIPTS.toString(),
                "--cache-dir", tasks.resolveSibling("cache-" + out).toString(), "--out", tasks.resolveSibling(out).toString(),
                "--rollouts", "3", "--workers", "2"));
        if (shard != null) a.addAll(List.of("--shard", shard));
        return a.toArray(String[]::new);
    }

    static List<String> sortedLines(Path f) throws Exception {
        return Files.readAllLines(f).stream().sorted().toList();
    }

    static List<String> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    static String normalised(Path f) throws Exception {
        return normalisedTree(f).toPrettyString();
    }

    static JsonNode normalisedTree(Path f) throws Exception {
        JsonNode n = JSON.readTree(f.toFile());
        normalise(n);
        return n;
    }

    /** Replaces every time field's value and every ISO-8601 duration by a constant, at any depth. */
    static void normalise(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String k : names) {
                if (TIMES.contains(k)) o.put(k, "<time>");
                else if (o.get(k).isTextual() && o.get(k).asText().matches("PT[0-9.HMS]+")) o.put(k, "<duration>");
                else normalise(o.get(k));
            }
        } else if (n != null && n.isArray()) {
            n.forEach(ShardMergeDockerTest::normalise);
        }
    }
}
