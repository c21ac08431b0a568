package dev.fixpoint.solver.cli;

import dev.fixpoint.sandbox.testing.LoopbackRegistry;
import dev.fixpoint.solver.prepare.PrebuiltInstances;
import dev.fixpoint.solver.testing.Cli;
import dev.fixpoint.solver.testing.DockerDaemon;
import dev.fixpoint.solver.testing.InstanceNames;
import dev.fixpoint.solver.testing.Samples;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fixpoint images push} on the samples against a real registry on loopback (Debian's docker-registry): the
 * registry then holds every task's instance image under the name a batch without Docker computes
 * ({@link PrebuiltInstances}, and the documented naming written out in {@link InstanceNames}), and the environment
 * images; a second run pushes nothing again and reports a broken task without stopping the others.
 */
@Tag("docker")
@ExtendWith(DockerDaemon.class)
class ImagesPushDockerTest {

    static final List<Task> SAMPLES = TaskLoader.strict().load(Samples.TASKS).tasks();

    @TempDir
    static Path tmp;
    static LoopbackRegistry registry;
    static String r;

    @BeforeAll
    static void up() throws Exception {
        Files.createDirectories(tmp.resolve("registry"));
        registry = LoopbackRegistry.start(tmp.resolve("registry"));
        r = registry.address() + "/fx";
    }

    @AfterAll
    static void down() throws Exception {
        List<String> pushed = new ArrayList<>(List.of("rmi", r + "/fixpoint/python:latest", r + "/fixpoint/java:latest"));
        SAMPLES.forEach(t -> pushed.add(InstanceNames.remote(r, t)));
        pushed.add(0, "docker");
        new ProcessBuilder(pushed).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        if (registry != null) registry.close();
    }

    @Test
    void theRegistryHoldsEveryInstanceImageUnderThePodsNamesAndASecondRunPushesNothing() throws Exception {
        var first = Cli.run(tmp.resolve("push-1"), Map.of(), Duration.ofMinutes(20), "images", "push", "--tasks", Samples.TASKS.toString(),
                "--registry", r, "--cache-dir", tmp.resolve("cache").toString(), "--logs", tmp.resolve("logs").toString());
        assertEquals(0, first.exit(), first.stderr() + first.stdout());
        List<String> expected = SAMPLES.stream().map(InstanceNames::tag).sorted().toList();
        assertEquals(expected, registry.tags("fx/fixpoint/instance").stream().sorted().toList(), "one image per task, named as the pods name it");
        for (Task t : SAMPLES) assertEquals(InstanceNames.remote(r, t), PrebuiltInstances.remoteName(r, t));
        assertEquals(List.of("latest"), registry.tags("fx/fixpoint/python"));
        assertEquals(List.of("latest"), registry.tags("fx/fixpoint/java"));
        for (int i = 0; i < SAMPLES.size(); i++) {
            Task t = SAMPLES.get(i);
            assertTrue(first.stderr().contains("[" + (i + 1) + "/6] " + t.instanceId() + ": pushed " + InstanceNames.remote(r, t) + " in "),
                    first.stderr());
        }
        assertTrue(first.stdout().contains("8 image(s) for 6 task(s) in " + r + ": 8 pushed, 0 already there, 0 failed"), first.stdout());

        Path tasks = tmp.resolve("tasks-with-a-bad-row.jsonl");
        String row = Files.readAllLines(Samples.TASKS).get(0);
        String bad = row.replace(SAMPLES.get(0).instanceId(), "fixpoint-samples__verspec-999")
                .replace(SAMPLES.get(0).baseCommit(), "0123456789abcdef0123456789abcdef01234567");
        Files.writeString(tasks, Files.readString(Samples.TASKS).strip() + "\n" + bad + "\n");
        var second = Cli.run(tmp.resolve("push-2"), Map.of(), Duration.ofMinutes(10), "images", "push", "--tasks", tasks.toString(),
                "--specs", Samples.DIR.resolve("environments.yaml").toString(), "--mirrors", Samples.MIRRORS.toString(),
                "--registry", r, "--cache-dir", tmp.resolve("cache").toString(), "--logs", tmp.resolve("logs").toString());
        assertEquals(1, second.exit(), second.stderr() + second.stdout());
        for (Task t : SAMPLES) {
            assertTrue(second.stderr().contains(t.instanceId() + ": already in the registry as " + InstanceNames.remote(r, t)
                    + ", not pushed again"), second.stderr());
        }
        assertTrue(second.stderr().contains("[7/7] fixpoint-samples__verspec-999: FAILED: "), second.stderr());
        assertTrue(second.stdout().contains("FAILED fixpoint-samples__verspec-999: "), second.stdout());
        assertTrue(second.stdout().contains("0123456789abcdef0123456789abcdef01234567"), "the error names the missing commit: " + second.stdout());
        assertTrue(second.stdout().contains("9 image(s) for 7 task(s) in " + r + ": 0 pushed, 8 already there, 1 failed"), second.stdout());
        assertEquals(expected, registry.tags("fx/fixpoint/instance").stream().sorted().toList(), "nothing of the broken task");
        assertFalse(second.stderr().contains(": pushed "), second.stderr());
    }
}
