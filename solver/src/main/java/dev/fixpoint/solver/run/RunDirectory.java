package dev.fixpoint.solver.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.tasks.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch run's output directory, append-only and crash-safe:
 * <ul>
 *   <li>{@code predictions.jsonl}: one SWE-bench prediction per finished task, appended and forced to disk; a
 *       task with a line here is finished and is not redone on resume;</li>
 *   <li>{@code tasks/<id>/...}: see {@link TaskDirectory};</li>
 *   <li>{@code run.json}: the run report, replaced atomically.</li>
 * </ul>
 * Opening it repairs a torn last line of predictions.jsonl (a SIGKILL mid-append). Thread-safe.
 */
public final class RunDirectory {

    private static final Logger log = LoggerFactory.getLogger(RunDirectory.class);

    private final Path root;
    private final Map<String, Prediction> predictions = Collections.synchronizedMap(new LinkedHashMap<>());

    private RunDirectory(Path root) {
        this.root = root;
    }

    public static RunDirectory open(Path root) {
        try {
            Files.createDirectories(root.resolve("tasks"));
        } catch (IOException e) {
            throw new SolverException("cannot create run directory " + root.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        RunDirectory dir = new RunDirectory(root);
        dir.loadPredictions();
        return dir;
    }

    public Path root() {
        return root;
    }

    public Path predictionsFile() {
        return root.resolve("predictions.jsonl");
    }

    public Path reportFile() {
        return root.resolve("run.json");
    }

    /**
     * The task's part of the run directory, {@code tasks/<id>}.
     *
     * @throws IllegalArgumentException when the id is not a safe name ({@link Task#instanceIdProblem})
     */
    public TaskDirectory task(String instanceId) {
        return new TaskDirectory(root.resolve("tasks").resolve(Task.requireSafeInstanceId(instanceId)));
    }

    public boolean finished(String instanceId) {
        return predictions.containsKey(instanceId);
    }

    public Map<String, Prediction> predictions() {
        synchronized (predictions) {
            return Map.copyOf(predictions);
        }
    }

    /** Appends the task's prediction (once: a task already recorded keeps its first prediction). */
    public synchronized void addPrediction(Prediction p) {
        if (predictions.containsKey(p.instanceId())) return;
        AtomicFiles.appendLine(predictionsFile(), jsonLine(p));
        predictions.put(p.instanceId(), p);
    }

    /** The prediction as one line of SWE-bench's JSONL. */
    private static String jsonLine(Prediction p) {
        return RunJson.mapper().createObjectNode().put("instance_id", p.instanceId())
                .put("model_name_or_path", p.modelNameOrPath()).put("model_patch", p.modelPatch()).toString();
    }

    public void writeReport(String json) {
        AtomicFiles.write(reportFile(), json);
    }

    private static Prediction prediction(JsonNode n, Path file, int line) {
        try {
            return new Prediction(n.path("instance_id").asText(), n.path("model_name_or_path").asText(),
                    n.path("model_patch").asText());
        } catch (IllegalArgumentException e) {
            throw new SolverException(file + ":" + line + ": " + e.getMessage() + ": the file was edited or is damaged; fix or remove the line", e);
        }
    }

    private void loadPredictions() {
        Path file = predictionsFile();
        if (!Files.exists(file)) return;
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new SolverException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> good = new ArrayList<>();
        boolean torn = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            try {
                JsonNode n = RunJson.mapper().readTree(line);
                predictions.put(n.path("instance_id").asText(), prediction(n, file, i + 1));
                good.add(line);
            } catch (IOException e) {
                if (i != lines.size() - 1) {
                    throw new SolverException(file + ":" + (i + 1) + ": not a JSON line, and not the last one: the file was edited or is damaged; fix or remove it");
                }
                torn = true;
            }
        }
        if (torn) {
            log.warn("{}: dropping a torn last line (the previous run was killed while writing it)", file);
            AtomicFiles.write(file, good.isEmpty() ? "" : String.join("\n", good) + "\n");
        }
    }
}
