package dev.fixpoint.solver.cli;

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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A repository that cannot be reached: with --skip-invalid, batch names each of its tasks as skipped with why and runs
 * the others; without it, nothing is run. The Python sample on real sandboxes, its scripted sessions.
 */
@Tag("docker")
@Tag("hostile-inputs")
class UnreachableRepoDockerTest {

    static final String TASK = "fixpoint-samples__verspec-1";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void withSkipInvalidTheOtherTasksRunAndTheUnreachableOnesAreNamed() throws Exception {
        String sample = Files.readAllLines(Samples.TASKS).stream().filter(l -> l.contains("\"" + TASK + "\"")).findFirst().orElseThrow();
        ObjectNode gone = (ObjectNode) JSON.readTree(sample);
        gone.put("instance_id", "acme__gone-1").put("repo", "acme/gone");
        Path tasks = Files.writeString(dir.resolve("tasks.jsonl"), sample + "\n" + gone + "\n");
        Files.copy(Samples.DIR.resolve("environments.yaml"), dir.resolve("environments.yaml"));
        ObjectNode mirrors = (ObjectNode) JSON.readTree(Samples.MIRRORS.toFile());
        ObjectNode absolute = JSON.createObjectNode();
        mirrors.properties().forEach(e -> absolute.put(e.getKey(), Samples.DIR.resolve(e.getValue().asText()).toString()));
        absolute.put("acme/gone", dir.resolve("gone.git").toString());
        Path mirrorFile = Files.writeString(dir.resolve("mirrors.json"), absolute.toString());
        Path config = Files.writeString(dir.resolve("fixpoint.yaml"), "test_writers: 0\n");
        Path out = dir.resolve("out");
        String[] args = {"batch", "--tasks", tasks.toString(), "--mirrors", mirrorFile.toString(), "--scripted", Samples.SCRIPTS.toString(),
                "--rollouts", "1", "--workers", "1", "--cache-dir", dir.resolve("cache").toString(), "--out", out.toString(),
                "--run-id", "t-unreachable", "--config", config.toString()};
        Map<String, String> env = Map.of("FIXPOINT_CONFIG", "");

        var stopped = Cli.run(dir.resolve("log-1"), env, Duration.ofMinutes(3), args);
        assertEquals(ExitCodes.FAILURE, stopped.exit(), stopped.stderr());
        assertTrue(stopped.stderr().contains("1 repository could not be reached; nothing was run"), stopped.stderr());
        assertFalse(Files.exists(out.resolve("predictions.jsonl")), "nothing was run");

        String[] skipping = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--skip-invalid"))
                .toArray(String[]::new);
        var ran = Cli.run(dir.resolve("log-2"), env, Duration.ofMinutes(8), skipping);
        assertEquals(ExitCodes.OK, ran.exit(), ran.stderr() + ran.stdout());
        assertTrue(ran.stderr().contains("fixpoint batch: skipped: tasks.jsonl: repo: acme__gone-1: repository acme/gone could not be"
                + " reached (" + dir.resolve("gone.git") + "): "), ran.stderr());
        String predictions = Files.readString(out.resolve("predictions.jsonl"));
        assertTrue(predictions.contains(TASK), predictions);
        assertFalse(predictions.contains("acme__gone-1"), predictions);
    }
}
