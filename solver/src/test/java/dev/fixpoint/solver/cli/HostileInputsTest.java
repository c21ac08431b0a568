package dev.fixpoint.solver.cli;

import dev.fixpoint.solver.config.ConfigException;
import dev.fixpoint.solver.config.ConfigLoader;
import dev.fixpoint.solver.model.ScriptedModels;
import dev.fixpoint.solver.run.RunDirectory;
import dev.fixpoint.solver.testing.Cli;
import dev.fixpoint.solver.testing.Samples;
import dev.fixpoint.tasks.InvalidTaskException;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.RepoLocator;
import dev.fixpoint.tasks.git.WorkspaceException;
import dev.fixpoint.tasks.testing.GitFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile inputs to the commands: unreachable repositories with and without --skip-invalid, instance ids that would
 * escape the run directory or --scripted, config typos and values of the wrong type. No Docker.
 */
@Tag("hostile-inputs")
class HostileInputsTest {

    static final Map<String, String> ENV = Map.of("FIXPOINT_CONFIG", "", "OPENAI_API_KEY", "");

    @TempDir
    Path dir;

    static String row(String id, String repo, String commit) {
        return "{\"instance_id\": \"" + id + "\", \"repo\": \"" + repo + "\", \"base_commit\": \"" + commit + "\", \"environment\": "
                + "{\"image\": \"fixpoint/python:latest\", \"test_command\": \"pytest\", \"result_format\": \"pytest_log\"}}\n";
    }

    @Test
    void anUnreachableRepositoryIsAProblemOfItsTasksWithSkipInvalidAndStopsTheRunWithout() throws Exception {
        try (GitFixture src = GitFixture.init(dir.resolve("src"))) {
            String base = src.write("a.txt", "a\n").commit("initial");
            Path bare = src.bareClone(dir.resolve("ok.git"));
            Path tasks = Files.writeString(dir.resolve("tasks.jsonl"), row("ok-1", "acme/ok", base) + row("gone-1", "acme/gone", base)
                    + row("ok-2", "acme/ok", base) + row("gone-2", "acme/gone", base));
            RepoCache cache = RepoCache.open(dir.resolve("cache"), RepoLocator.withMirrors(Map.of("acme/ok", bare.toString(),
                    "acme/gone", dir.resolve("gone.git").toString())));

            TaskInputs in = TaskInputs.load(tasks, null, true, cache, TaskInputs.Reach.SKIP);
            assertEquals(List.of("ok-1", "ok-2"), in.tasks().stream().map(Task::instanceId).toList());
            List<String> problems = in.problems().stream().map(Object::toString).toList();
            assertEquals(2, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("tasks.jsonl: repo: gone-1: repository acme/gone could not be reached ("
                    + dir.resolve("gone.git") + "): "), problems.toString());
            assertTrue(problems.get(1).startsWith("tasks.jsonl: repo: gone-2: "), problems.toString());
            assertTrue(problems.get(0).contains("--mirrors"), "says what to do: " + problems);

            var e = assertThrows(WorkspaceException.class, () -> TaskInputs.load(tasks, null, false, cache, TaskInputs.Reach.STOP));
            assertTrue(e.getMessage().startsWith("1 repository could not be reached; nothing was run:"), e.getMessage());
            var old = assertThrows(WorkspaceException.class, () -> TaskInputs.load(tasks, null, true, cache, true));
            assertTrue(old.getMessage().contains("nothing was run"), "env commands still stop: " + old.getMessage());
        }
    }

    @Test
    void instanceIdsNeverBecomePathsOutsideTheRunOrTheScriptedDirectory() throws Exception {
        RunDirectory run = RunDirectory.open(dir.resolve("out"));
        for (String id : List.of("..", ".", "a/../..", "", ".x", "a\u0007")) {
            assertThrows(IllegalArgumentException.class, () -> run.task(id), id);
        }
        assertEquals(dir.resolve("out/tasks/ok-1"), run.task("ok-1").root());
        Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve("rollout-1.json"), "{}");
        ScriptedModels scripted = new ScriptedModels(dir.resolve("scripts"));
        var e = assertThrows(IllegalArgumentException.class, () -> scripted.scripts(".."));
        assertTrue(e.getMessage().contains("not a valid instance_id"), e.getMessage());
    }

    @Test
    void batchRefusesAnIdThatWouldWriteIntoTheRunsRootWithExit2() throws Exception {
        Path tasks = Files.writeString(dir.resolve("tasks.jsonl"), row("..", "acme/ok", "0123456789abcdef0123456789abcdef01234567"));
        Path out = dir.resolve("out");
        var r = Cli.run(dir.resolve("log"), ENV, Duration.ofSeconds(90), "batch", "--tasks", tasks.toString(), "--scripted",
                Samples.DIR.resolve("scripts").toString(), "--out", out.toString(), "--cache-dir", dir.resolve("cache").toString());
        assertEquals(ExitCodes.USAGE, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("tasks.jsonl:1: instance_id: not a valid instance_id"), r.stderr());
        assertFalse(Files.exists(out.resolve("patch.diff")) || Files.exists(out.resolve("selection.json")), "nothing in the run's root");
    }

    @Test
    void configErrorsNameFileLineAndOptionAndExit2() throws Exception {
        Path f = Files.writeString(dir.resolve("fixpoint.yaml"), "workers: 2\n# the rollouts\nrollouts: eight\n");
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of()));
        assertEquals(f + ":3: rollouts must be a whole number, not \"eight\"", e.getMessage());

        Files.writeString(f, "workers: 2\nrolouts: 3\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of()));
        assertEquals(f + ":2: unknown option 'rolouts' (run `fixpoint config show` for every option)", e.getMessage());

        Files.writeString(f, "judge: maybe\ntemperatures: 0.5\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of()));
        assertTrue(e.getMessage().startsWith(f + ":1: judge must be true or false, not \"maybe\""), e.getMessage());

        Files.writeString(f, "rollouts: 3\nworkers: 0\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of()));
        assertEquals(f + ":2: workers must be >= 1, not: 0", e.getMessage());

        Files.writeString(f, "rollouts: [1\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of()));
        assertTrue(e.getMessage().startsWith(f + ":") && e.getMessage().contains("not valid YAML"), e.getMessage());

        Files.writeString(f, "rollouts: eight\n");
        var show = Cli.run(dir.resolve("log-show"), ENV, Duration.ofSeconds(60), "config", "show", "--config", f.toString());
        assertEquals(ExitCodes.USAGE, show.exit(), show.stderr());
        assertEquals("fixpoint config show: " + f + ":1: rollouts must be a whole number, not \"eight\"\n", show.stderr());
        Files.writeString(f, "rolouts: 8\n");
        var batch = Cli.run(dir.resolve("log-batch"), ENV, Duration.ofSeconds(60), "batch", "--tasks", Samples.TASKS.toString(),
                "--scripted", Samples.DIR.resolve("scripts").toString(), "--out", dir.resolve("o").toString(), "--config", f.toString());
        assertEquals(ExitCodes.USAGE, batch.exit(), batch.stderr());
        assertTrue(batch.stderr().contains(f + ":1: unknown option 'rolouts'"), batch.stderr());
    }
}
