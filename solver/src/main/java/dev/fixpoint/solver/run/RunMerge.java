package dev.fixpoint.solver.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.solver.SolverException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Merges the run directories of a sharded batch ({@code fixpoint batch --shard i/n}, one per shard) into one run
 * directory, as one unsharded run would have written it: {@code predictions.jsonl} (lines as the shards wrote them,
 * ordered by instance id), {@code tasks/<id>/} copied as they are, and a {@code run.json} whose totals, rollout counts
 * and spend are the shards' sums, with the shards listed under {@code shards}.
 * <p>
 * It refuses, naming the directories: a directory without {@code run.json} or whose run is not complete; shards
 * that ran a different model or different settings (any setting but {@code shard}, the tasks file included); two
 * directories of the same shard; and a task present in two shards. The result is built in a sibling directory and
 * moved into place, so a refused or failed merge leaves no half-written output.
 */
public final class RunMerge {

    /** Settings that differ between the shards of one run by design. */
    private static final Set<String> PER_SHARD_SETTINGS = Set.of("shard");

    /**
     * What a merge wrote.
     *
     * @param out           the merged run directory
     * @param tasks         tasks merged (directories under {@code tasks/})
     * @param predictions   prediction lines merged
     * @param missingShards shards {@code i/n} of the run that were not given (empty when all were)
     */
    public record Result(Path out, int tasks, int predictions, List<String> missingShards) {
        public Result {
            missingShards = List.copyOf(missingShards);
        }
    }

    /** One shard's directory as read. */
    private record Shard(Path dir, JsonNode run, Map<String, String> predictionLines, List<String> taskDirs) {
        String label() {
            return dir.toString();
        }

        String shardSetting() {
            JsonNode s = run.path("settings").path("shard");
            return s.isNull() || s.isMissingNode() ? null : s.asText();
        }
    }

    /** The directories are not the shards of one run, or the output is taken; nothing was written. */
    public static final class Refused extends SolverException {
        Refused(String message) {
            super(message);
        }
    }

    private RunMerge() {}

    /**
     * Merges {@code shardDirs} into {@code out}, which must not exist or be an empty directory.
     *
     * @param runId the merged run's id, or null for the output directory's name
     * @throws Refused naming the directories and the reason when the shards do not belong together
     * @throws SolverException when a shard cannot be read or the output cannot be written
     */
    public static Result merge(List<Path> shardDirs, Path out, String runId) {
        if (shardDirs.isEmpty()) throw new Refused("nothing to merge: give the shards' run directories");
        List<Shard> shards = new ArrayList<>();
        for (Path d : shardDirs) shards.add(read(d));
        checkConsistent(shards);
        Map<String, Shard> owner = owners(shards);
        List<String> missing = missingShards(shards);
        checkOut(out);
        Path staging = out.toAbsolutePath().normalize().resolveSibling("." + out.getFileName() + ".merging");
        try {
            deleteTree(staging);
            Files.createDirectories(staging.resolve("tasks"));
            for (Shard s : shards) {
                for (String task : s.taskDirs()) copyTree(s.dir().resolve("tasks").resolve(task), staging.resolve("tasks").resolve(task));
            }
            Map<String, String> lines = new TreeMap<>();
            shards.forEach(s -> lines.putAll(s.predictionLines()));
            AtomicFiles.write(staging.resolve("predictions.jsonl"), lines.isEmpty() ? "" : String.join("\n", lines.values()) + "\n");
            String id = runId != null ? runId : out.toAbsolutePath().normalize().getFileName().toString();
            AtomicFiles.write(staging.resolve("run.json"), RunJson.pretty(mergedRun(shards, id, missing), "the merged run report"));
            if (Files.isDirectory(out)) Files.delete(out);
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            throw new SolverException("cannot write the merged run directory " + out + ": " + e.getMessage()
                    + " (partial output left in " + staging + ")", e);
        }
        return new Result(out, owner.size(), shards.stream().mapToInt(s -> s.predictionLines().size()).sum(), missing);
    }

    private static Shard read(Path dir) {
        Path runFile = dir.resolve("run.json");
        if (!Files.isRegularFile(runFile)) {
            throw new Refused(dir + ": no run.json: not a batch run directory (give the --out directory of each "
                    + "`fixpoint batch --shard i/n`)");
        }
        JsonNode run = RunJson.read(runFile);
        if (!run.path("complete").asBoolean(false)) {
            throw new Refused(dir + ": the shard's run is not complete (run.json: \"complete\": false): resume it by "
                    + "re-running its batch command with the same --out, then merge");
        }
        Map<String, String> lines = new LinkedHashMap<>();
        Path preds = dir.resolve("predictions.jsonl");
        if (Files.exists(preds)) {
            List<String> all = readLines(preds);
            for (int i = 0; i < all.size(); i++) {
                String line = all.get(i);
                if (line.isBlank()) continue;
                String id = instanceId(line, preds, i + 1);
                if (lines.put(id, line) != null) {
                    throw new SolverException(preds + ":" + (i + 1) + ": a second prediction for " + id + ": the file was edited or is damaged");
                }
            }
        }
        List<String> taskDirs = new ArrayList<>();
        Path tasks = dir.resolve("tasks");
        if (Files.isDirectory(tasks)) {
            try (Stream<Path> s = Files.list(tasks)) {
                s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(taskDirs::add);
            } catch (IOException e) {
                throw new SolverException("cannot list " + tasks + ": " + e.getMessage(), e);
            }
        }
        return new Shard(dir, run, lines, taskDirs);
    }

    private static String instanceId(String line, Path file, int lineNo) {
        try {
            String id = RunJson.mapper().readTree(line).path("instance_id").asText("");
            if (id.isEmpty()) throw new SolverException(file + ":" + lineNo + ": a prediction without instance_id");
            return id;
        } catch (IOException e) {
            throw new SolverException(file + ":" + lineNo + ": not a JSON line (" + e.getMessage() + "): the file was edited or "
                    + "is damaged, or the shard was killed mid-write: resume it with its batch command first", e);
        }
    }

    private static void checkConsistent(List<Shard> shards) {
        Shard first = shards.get(0);
        for (Shard s : shards.subList(1, shards.size())) {
            for (String field : List.of("model", "scripted")) {
                if (!first.run().path(field).equals(s.run().path(field))) {
                    throw new Refused("inconsistent shards: " + first.label() + " ran " + field + " " + first.run().path(field)
                            + " but " + s.label() + " ran " + s.run().path(field) + "; merge only the shards of one run");
                }
            }
            Set<String> keys = new TreeSet<>();
            first.run().path("settings").fieldNames().forEachRemaining(keys::add);
            s.run().path("settings").fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                if (PER_SHARD_SETTINGS.contains(key)) continue;
                JsonNode a = first.run().path("settings").path(key);
                JsonNode b = s.run().path("settings").path(key);
                if (!a.equals(b)) {
                    String what = key.equals("tasks_file") || key.equals("tasks_sha256") ? "a different tasks file (" + key + ")" : "setting " + key;
                    throw new Refused("inconsistent shards: " + what + " is " + a + " in " + first.label() + " but " + b
                            + " in " + s.label() + "; all shards of a run take the same options but --shard");
                }
            }
            for (String budget : List.of("budget_usd", "budget_tokens")) {
                JsonNode a = first.run().path("spend").path(budget);
                JsonNode b = s.run().path("spend").path(budget);
                if (!a.equals(b)) {
                    throw new Refused("inconsistent shards: " + budget + " is " + a + " in " + first.label() + " but " + b
                            + " in " + s.label() + "; all shards of a run take the same options but --shard");
                }
            }
        }
        Map<String, Shard> byShard = new LinkedHashMap<>();
        Integer count = null;
        for (Shard s : shards) {
            String spec = s.shardSetting();
            if (spec == null) {
                if (shards.size() > 1) {
                    throw new Refused(s.label() + " is a whole run (no --shard): it cannot be merged with other runs");
                }
                continue;
            }
            Shard other = byShard.put(spec, s);
            if (other != null) {
                throw new Refused("overlapping shards: " + other.label() + " and " + s.label() + " are both shard " + spec);
            }
            int n = Integer.parseInt(spec.substring(spec.indexOf('/') + 1).trim());
            if (count != null && count != n) {
                throw new Refused("inconsistent shards: " + s.label() + " is shard " + spec + " but " + shards.get(0).label()
                        + " is one of " + count + " shards");
            }
            count = n;
        }
    }

    /** Each task's shard; refuses a task present in two shards. */
    private static Map<String, Shard> owners(List<Shard> shards) {
        Map<String, Shard> owner = new TreeMap<>();
        for (Shard s : shards) {
            Set<String> ids = new TreeSet<>(s.taskDirs());
            s.predictionLines().keySet().forEach(id -> ids.add(id.replace('/', '_')));
            for (String id : ids) {
                Shard other = owner.put(id, s);
                if (other != null) {
                    throw new Refused("overlapping shards: task " + id + " is in both " + other.label() + " and " + s.label()
                            + "; each task must be run by exactly one shard (were both run with the same --shard, or is one a whole run?)");
                }
            }
        }
        return owner;
    }

    private static List<String> missingShards(List<Shard> shards) {
        String spec = shards.get(0).shardSetting();
        if (spec == null) return List.of();
        int n = Integer.parseInt(spec.substring(spec.indexOf('/') + 1).trim());
        Set<String> given = new TreeSet<>();
        shards.forEach(s -> given.add(s.shardSetting().substring(0, s.shardSetting().indexOf('/')).trim()));
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= n; i++) if (!given.contains(Integer.toString(i))) missing.add(i + "/" + n);
        return missing;
    }

    private static void checkOut(Path out) {
        if (!Files.exists(out)) return;
        if (!Files.isDirectory(out)) throw new Refused(out + " exists and is not a directory: give a new directory to --out");
        try (Stream<Path> s = Files.list(out)) {
            if (s.findAny().isPresent()) {
                throw new Refused(out + " is not empty: merge writes a new run directory; give a new or empty --out");
            }
        } catch (IOException e) {
            throw new SolverException("cannot list " + out + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode mergedRun(List<Shard> shards, String runId, List<String> missing) {
        JsonNode first = shards.get(0).run();
        ObjectNode n = RunJson.mapper().createObjectNode().put("run_id", runId);
        n.set("model", first.path("model"));
        n.set("scripted", first.path("scripted"));
        n.put("started_at", shards.stream().map(s -> s.run().path("started_at").asText()).min(Comparator.naturalOrder()).orElse(""));
        n.put("updated_at", shards.stream().map(s -> s.run().path("updated_at").asText()).max(Comparator.naturalOrder()).orElse(""));
        n.put("complete", missing.isEmpty());
        ObjectNode settings = first.path("settings").deepCopy();
        if (settings.has("shard")) settings.putNull("shard");
        n.set("settings", settings);
        n.set("totals", sums(shards, "totals"));
        n.set("rollouts", sums(shards, "rollouts"));
        ObjectNode spend = sums(shards, "spend");
        Set<String> unpriced = new TreeSet<>();
        List<String> exhausted = new ArrayList<>();
        for (Shard s : shards) {
            s.run().path("spend").path("unpriced_models").forEach(m -> unpriced.add(m.asText()));
            JsonNode x = s.run().path("spend").path("exhausted");
            if (!x.isMissingNode() && !x.isNull()) exhausted.add(s.shardSetting() + ": " + x.asText());
        }
        spend.set("unpriced_models", RunJson.mapper().valueToTree(unpriced));
        spend.set("budget_usd", first.path("spend").path("budget_usd"));
        spend.set("budget_tokens", first.path("spend").path("budget_tokens"));
        if (!exhausted.isEmpty()) spend.put("exhausted", String.join("; ", exhausted));
        n.set("spend", spend);
        List<JsonNode> tasks = new ArrayList<>();
        shards.forEach(s -> s.run().path("tasks").forEach(tasks::add));
        tasks.sort(Comparator.comparing(t -> t.path("instance_id").asText()));
        n.putArray("tasks").addAll(tasks);
        ArrayNode list = n.putArray("shards");
        for (Shard s : shards) {
            list.addObject().put("dir", s.dir().toAbsolutePath().normalize().toString()).put("shard", s.shardSetting())
                    .put("run_id", s.run().path("run_id").asText()).put("tasks", s.taskDirs().size())
                    .put("predictions", s.predictionLines().size())
                    .put("started_at", s.run().path("started_at").asText()).put("updated_at", s.run().path("updated_at").asText());
        }
        n.set("missing_shards", RunJson.mapper().valueToTree(missing));
        return n;
    }

    /**
     * The numeric fields of object {@code field}, summed over the shards (integers stay integers); the spend's limits
     * ({@code budget_usd}, {@code budget_tokens}) are per process, not summed.
     */
    private static ObjectNode sums(List<Shard> shards, String field) {
        ObjectNode out = RunJson.mapper().createObjectNode();
        for (Shard s : shards) {
            for (Iterator<Map.Entry<String, JsonNode>> it = s.run().path(field).fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isNumber() || field.equals("spend") && e.getKey().startsWith("budget_")) continue;
                JsonNode prev = out.get(e.getKey());
                if (e.getValue().isIntegralNumber() && (prev == null || prev.isIntegralNumber())) {
                    out.put(e.getKey(), (prev == null ? 0L : prev.asLong()) + e.getValue().asLong());
                } else {
                    out.put(e.getKey(), (prev == null ? 0.0 : prev.asDouble()) + e.getValue().asDouble());
                }
            }
        }
        return out;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new SolverException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (FileAlreadyExistsException e) {
                        throw new IOException("two shards wrote " + target + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
