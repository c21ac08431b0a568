package dev.fixpoint.solver.model;

import dev.fixpoint.models.Model;
import dev.fixpoint.models.ScriptedModel;
import dev.fixpoint.solver.ModelSource;
import dev.fixpoint.solver.RolloutSettings;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.tasks.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scripted sessions from a directory: {@code DIR/<instance_id>/rollout-<k>.json} ({@link ScriptFile}), or, for a task
 * with no directory of its own (e.g. the one task of {@code solve}), {@code DIR/rollout-<k>.json}. Rollout k replays
 * script k; with more rollouts than scripts they repeat in order. No model is asked: every id is
 * {@code scripted:...}. No judge is offered.
 */
public final class ScriptedModels implements ModelSource {

    private static final Pattern NAME = Pattern.compile("rollout-(\\d+)\\.json");

    private final Path dir;

    public ScriptedModels(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SolverException("--scripted: not a directory: " + dir.toAbsolutePath()
                    + " (want DIR/<instance_id>/rollout-<k>.json files, e.g. tasks/samples/scripts)");
        }
        this.dir = dir;
    }

    @Override
    public String label() {
        Path abs = dir.toAbsolutePath().normalize();
        return "scripted:" + (abs.getParent() == null ? "" : abs.getParent().getFileName() + "/") + abs.getFileName();
    }

    @Override
    public Model forRollout(Task task, RolloutSettings settings) {
        List<Path> scripts = scripts(task.instanceId());
        Path file = scripts.get((settings.index() - 1) % scripts.size());
        ScriptFile script = ScriptFile.read(file);
        return new ScriptedModel(script.modelId(), script.responses());
    }

    /** The task's script files, by rollout number. */
    public List<Path> scripts(String instanceId) {
        Path taskDir = taskDir(instanceId);
        try (Stream<Path> files = Files.list(taskDir)) {
            List<Path> found = files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(ScriptedModels::number)).toList();
            if (found.isEmpty()) throw new SolverException(instanceId + ": no rollout-<k>.json scripts in " + taskDir);
            return found;
        } catch (IOException e) {
            throw new SolverException(instanceId + ": no scripted sessions for this task: cannot list " + taskDir
                    + " (" + e.getClass().getSimpleName() + "). Add DIR/<instance_id>/rollout-<k>.json, or use --model.", e);
        }
    }

    /** {@code DIR/<instance_id>} when it exists, else DIR itself when it holds scripts. */
    private Path taskDir(String instanceId) {
        Path own = dir.resolve(Task.requireSafeInstanceId(instanceId));
        if (Files.isDirectory(own)) return own;
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> NAME.matcher(p.getFileName().toString()).matches()) ? dir : own;
        } catch (IOException e) {
            throw new SolverException("--scripted: cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static int number(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** Scripted test-writing sessions: {@code DIR/<instance_id>/testgen-<k>.json}, when present. */
    @Override
    public Optional<Model> forTestWriting(Task task, int k) {
        Path file = taskDir(task.instanceId()).resolve("testgen-" + k + ".json");
        if (!Files.isRegularFile(file)) return Optional.empty();
        ScriptFile script = ScriptFile.read(file);
        return Optional.of(new ScriptedModel(script.modelId(), script.responses()));
    }

    @Override
    public boolean scripted() {
        return true;
    }
}
