package dev.fixpoint.agent.testing;

import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoader;

import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled sample tasks (tasks/samples): loading them and cloning their repositories at base. */
public final class Samples {

    public static final Path DIR = locate();

    private Samples() {}

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("tasks/samples");
            if (Files.exists(candidate.resolve("tasks.jsonl"))) return candidate;
        }
        return Path.of("../tasks/samples").toAbsolutePath().normalize();
    }

    public static boolean present() {
        return Files.exists(DIR.resolve("tasks.jsonl"));
    }

    public static Task task(String instanceId) {
        return TaskLoader.strict().load(DIR.resolve("tasks.jsonl")).tasks().stream()
                .filter(t -> t.instanceId().equals(instanceId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample task " + instanceId));
    }

    /** A self-contained clone of the task's repository (from its bundle) checked out at the base commit. */
    public static Path cloneAtBase(Task task, Path dir) throws Exception {
        String name = task.repo().substring(task.repo().indexOf('/') + 1);
        Path repo = dir.resolve(name);
        GitRepo.git(dir, "clone", "-q", DIR.resolve("repos/" + name + ".bundle").toString(), repo.toString());
        GitRepo.git(repo, "checkout", "-q", task.baseCommit());
        return repo;
    }
}
