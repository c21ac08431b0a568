package dev.fixpoint.solver.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.run.RolloutRecord;
import dev.fixpoint.solver.run.RunJson;
import dev.fixpoint.solver.run.TaskDirectory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a directory written by {@code fixpoint batch}: {@code run.json}, and for every {@code tasks/<id>/} its
 * {@code selection.json} (absent while the task is unfinished) and {@code rollouts/<k>/candidate.json}. A directory
 * written by {@code fixpoint solve --out} has the same {@code tasks/<id>/} but no {@code run.json}: it is read as a
 * run of its task(s), its header taken from the rollouts and selection. Trajectories are only located here;
 * {@link TrajectoryReader} reads them when a page needs them. Errors name the bad file.
 */
public final class BatchRunReader {


    private BatchRunReader() {}

    public static BatchRun read(Path root) {
        Path runFile = root.resolve("run.json");
        Optional<RunKind> kind = RunKind.detect(root);
        if (kind.equals(Optional.of(RunKind.SOLVE))) return readSolve(root);
        if (!kind.equals(Optional.of(RunKind.BATCH))) {
            throw new SolverException(root + ": not a batch or solve run directory (no run.json and no tasks/; `fixpoint batch --out DIR` "
                    + "and `fixpoint solve --out DIR` write one)");
        }
        JsonNode run = RunJson.read(runFile);
        RunInfo info = runInfo(run, runFile);
        return new BatchRun(root, info, tasks(root, info.scripted()), RunKind.BATCH);
    }

    private static List<TaskRun> tasks(Path root, boolean scripted) {
        Path tasksDir = root.resolve("tasks");
        List<TaskRun> tasks = new ArrayList<>();
        if (Files.isDirectory(tasksDir)) {
            for (Path dir : list(tasksDir)) {
                if (Files.isDirectory(dir)) tasks.add(task(dir, scripted));
            }
        }
        tasks.sort(Comparator.comparing(TaskRun::instanceId));
        return tasks;
    }

    /**
     * {@code fixpoint solve --out DIR}: no run.json, so the header comes from the task(s): the model from the rollouts'
     * candidates, scripted when any model id starts with {@code scripted:} or the selection says so, the strategy
     * from the selection, the spend summed over the tasks; no start time (the page shows the wall time as unknown).
     */
    private static BatchRun readSolve(Path root) {
        List<TaskRun> tasks = tasks(root, false);
        if (tasks.isEmpty()) throw new SolverException(root + ": a solve output directory with no task in tasks/: the solve did not start");
        boolean scripted = tasks.stream().anyMatch(t -> t.spend().scripted()
                || t.rollouts().stream().anyMatch(r -> r.model().startsWith("scripted:")));
        String model = tasks.stream().flatMap(t -> t.rollouts().stream()).map(RolloutInfo::model).findFirst().orElse("unknown");
        String strategy = tasks.stream().flatMap(t -> t.selection().stream()).map(s -> s.strategy()).findFirst().orElse("unknown");
        int rollouts = tasks.stream().mapToInt(t -> t.rollouts().size()).max().orElse(0);
        Spend spend = tasks.stream().map(TaskRun::spend).reduce(Spend.none(scripted).withUsdZero(), Spend::plus);
        boolean complete = tasks.stream().noneMatch(t -> t.status().equals(TaskRun.UNFINISHED));
        RunInfo info = new RunInfo(root.toAbsolutePath().normalize().getFileName().toString(), model, scripted, null, null, complete,
                strategy, rollouts, Optional.empty(), spend);
        return new BatchRun(root, info, tasks, RunKind.SOLVE);
    }

    static RunInfo runInfo(JsonNode n, Path file) {
        JsonNode settings = n.path("settings");
        boolean scripted = n.path("scripted").asBoolean();
        Optional<Path> tasksFile = settings.hasNonNull("tasks_file") ? Optional.of(Path.of(settings.get("tasks_file").asText())) : Optional.empty();
        return new RunInfo(n.path("run_id").asText(""), n.path("model").asText("unknown"), scripted,
                instant(n.get("started_at"), file), instant(n.get("updated_at"), file), n.path("complete").asBoolean(),
                settings.path("strategy").asText("weighted"), settings.path("rollouts").asInt(0), tasksFile,
                spend(n.path("spend"), scripted));
    }

    /** One task directory ({@code tasks/<id>/} of a batch run, or of {@code solve}'s output). */
    public static TaskRun readTask(Path dir, boolean scripted) {
        return task(dir, scripted);
    }

    private static TaskRun task(Path dir, boolean scripted) {
        TaskDirectory td = new TaskDirectory(dir);
        Map<Integer, RolloutInfo> rollouts = new HashMap<>();
        Path rolloutsDir = dir.resolve("rollouts");
        if (Files.isDirectory(rolloutsDir)) {
            for (Path r : list(rolloutsDir)) {
                String name = r.getFileName().toString();
                if (!name.matches("\\d+")) continue;
                int k = Integer.parseInt(name);
                td.finishedRollout(k).ifPresent(rec -> rollouts.put(k, rollout(rec, td, scripted)));
            }
        }
        Path selFile = td.selectionFile();
        if (!Files.isRegularFile(selFile)) {
            String id = rollouts.values().stream().findFirst().map(r -> instanceIdOf(td, r.index())).orElse(dir.getFileName().toString());
            return new TaskRun(id, dir, TaskRun.UNFINISHED, Optional.empty(), List.of("the task has no selection report yet"),
                    sorted(rollouts), List.of(), Optional.empty(), Optional.empty(), List.of(), "", Spend.none(scripted), 0);
        }
        JsonNode s = RunJson.read(selFile);
        try {
            Map<Integer, Integer> clusterOf = new HashMap<>();
            for (JsonNode r : s.path("rollouts")) {
                if (r.hasNonNull("cluster")) clusterOf.put(r.path("rollout").asInt(), r.get("cluster").asInt());
            }
            List<RolloutInfo> withClusters = sorted(rollouts).stream().map(r -> clusterOf.containsKey(r.index())
                    ? r.withCluster(clusterOf.get(r.index())) : r).toList();
            List<ClusterInfo> clusters = new ArrayList<>();
            for (JsonNode c : s.path("clusters")) {
                clusters.add(new ClusterInfo(c.path("id").asInt(), c.path("state").asText(), c.path("size").asInt(),
                        SelectionJson.strings(c.path("members")), SelectionJson.strings(c.path("files"))));
            }
            boolean taskScripted = s.path("scripted").asBoolean(scripted);
            return new TaskRun(s.path("instance_id").asText(), dir, s.path("status").asText(),
                    Optional.ofNullable(s.hasNonNull("chosen") ? s.get("chosen").asText() : null), SelectionJson.strings(s.path("reasons")),
                    withClusters, clusters, s.hasNonNull("selection") ? Optional.of(SelectionJson.parse(s.get("selection"))) : Optional.empty(),
                    VerificationMatrix.read(s),
                    SelectionJson.strings(s.path("judge").path("problems")), s.path("adaptive_stop").asText(""),
                    spend(s.path("spend"), taskScripted), s.path("wall_ms").asLong());
        } catch (RuntimeException e) {
            throw new SolverException(selFile + ": not a selection report: " + e.getMessage(), e);
        }
    }

    private static RolloutInfo rollout(RolloutRecord rec, TaskDirectory td, boolean scripted) {
        Candidate c = rec.candidate();
        boolean isScripted = scripted || c.modelId().startsWith("scripted:");
        Spend spend = new Spend(c.costUsd(), c.usage().inputTokens() + c.usage().outputTokens(), c.usage().calls(),
                List.of(), isScripted);
        int k = rec.settings().index();
        return new RolloutInfo(k, c.modelId(), rec.settings().temperature(), rec.settings().promptVariant(), c.outcome().name(),
                c.steps(), spend, c.wallTime().toMillis(), c.patch(), c.error(), Optional.empty(), td.trajectory(k),
                c.patchStatus().name(), c.patchMessage());
    }

    private static String instanceIdOf(TaskDirectory td, int k) {
        return td.finishedRollout(k).map(r -> r.candidate().instanceId()).orElseThrow();
    }

    private static List<RolloutInfo> sorted(Map<Integer, RolloutInfo> rollouts) {
        return rollouts.values().stream().sorted(Comparator.comparingInt(RolloutInfo::index)).toList();
    }

    static Spend spend(JsonNode n, boolean scripted) {
        Optional<BigDecimal> usd = n.path("usd").isNumber() ? Optional.of(n.get("usd").decimalValue()) : Optional.empty();
        return new Spend(usd, n.path("tokens").asLong(), n.path("model_calls").asLong(), SelectionJson.strings(n.path("unpriced_models")), scripted);
    }

    private static Instant instant(JsonNode n, Path file) {
        if (n == null || n.isNull()) return null;
        try {
            return Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw new SolverException(file + ": not a timestamp: " + n.asText(), e);
        }
    }

    static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new SolverException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
