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
    /** The first push of the samples, into the empty registry. */
    static Cli.Run first;
    static Path badTasks;

    @BeforeAll
    static void up() throws Exception {
        Files.createDirectories(tmp.resolve("registry"));
        registry = LoopbackRegistry.start(tmp.resolve("registry"));
        r = registry.address() + "/fx";
        first = Cli.run(tmp.resolve("push-1"), Map.of(), Duration.ofMinutes(20), "images", "push", "--tasks", Samples.TASKS.toString(),
                "--registry", r, "--cache-dir", tmp.resolve("cache").toString(), "--logs", tmp.resolve("logs").toString());
        badTasks = tmp.resolve("tasks-with-a-bad-row.jsonl");
        String row = Files.readAllLines(Samples.TASKS).get(0);
        String bad = row.replace(SAMPLES.get(0).instanceId(), "fixpoint-samples__verspec-999")
                .replace(SAMPLES.get(0).baseCommit(), "0123456789abcdef0123456789abcdef01234567");
        Files.writeString(badTasks, Files.readString(Samples.TASKS).strip() + "\n" + bad + "\n");
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
    void theRegistryHoldsEveryInstanceImageUnderThePodsNames() throws Exception {
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
    }

    @Test
    void aSecondRunPushesNothingAgainAndReportsABrokenTaskWithoutStoppingTheOthers() throws Exception {
        assertEquals(0, first.exit(), first.stderr() + first.stdout());
        var second = Cli.run(tmp.resolve("push-2"), Map.of(), Duration.ofMinutes(10), "images", "push", "--tasks", badTasks.toString(),
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
        assertEquals(SAMPLES.stream().map(InstanceNames::tag).sorted().toList(), registry.tags("fx/fixpoint/instance").stream().sorted().toList(),
                "nothing of the broken task");
        assertFalse(second.stderr().contains(": pushed "), second.stderr());
    }

    @Test
    void aBatchWithNoDockerDaemonRunsOnPodsThatPullTheInstanceImagesFromTheRegistry() throws Exception {
        assertEquals(0, first.exit(), first.stderr() + first.stdout());
        Task task = SAMPLES.get(0);
        String pulled = InstanceNames.remote(r, task);
        new ProcessBuilder("docker", "rmi", pulled).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        assertEquals(1, new ProcessBuilder("docker", "image", "inspect", pulled).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(), "not on the daemon before the pod pulls it");
        Path tasks = tmp.resolve("pods-tasks.jsonl");
        List<String> rows = Files.readAllLines(badTasks);
        Files.writeString(tasks, rows.get(0) + "\n" + rows.get(rows.size() - 1) + "\n");

        Process cluster = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), "dev.fixpoint.kubernetes.FakeClusterMain", "docker")
                .redirectError(tmp.resolve("cluster.log").toFile()).start();
        try {
            String url = new java.io.BufferedReader(new java.io.InputStreamReader(cluster.getInputStream())).readLine();
            assertTrue(url != null && url.startsWith("http"), "the fake cluster did not start: " + Files.readString(tmp.resolve("cluster.log")));
            Path kubeconfig = tmp.resolve("kubeconfig");
            Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster: {server: '" + url + "'}\n"
                    + "contexts:\n- name: fake\n  context: {cluster: fake, user: fake, namespace: fixpoint-test}\ncurrent-context: fake\n"
                    + "users:\n- name: fake\n  user: {token: fake}\n");
            Path out = tmp.resolve("pods-run");
            // No Docker daemon for the batch: nothing listens at DOCKER_HOST.
            var run = Cli.run(tmp.resolve("pods-batch"), Map.of("KUBECONFIG", kubeconfig.toString(),
                            "DOCKER_HOST", "tcp://127.0.0.1:" + LoopbackRegistry.freePort()), Duration.ofMinutes(15),
                    "batch", "--tasks", tasks.toString(), "--specs", Samples.DIR.resolve("environments.yaml").toString(),
                    "--mirrors", Samples.MIRRORS.toString(), "--scripted", Samples.SCRIPTS.toString(),
                    "--cache-dir", tmp.resolve("pods-cache").toString(), "--out", out.toString(), "--rollouts", "1", "--workers", "1",
                    "--kubernetes", "--namespace", "fixpoint-test", "--registry", r, "--prebuilt-images");
            assertEquals(1, run.exit(), "one task of two has no image in the registry: " + run.stderr() + run.stdout());
            assertTrue(Files.exists(out.resolve("predictions.jsonl")), run.stderr() + run.stdout());
            String predictions = Files.readString(out.resolve("predictions.jsonl"));
            assertTrue(predictions.contains("\"instance_id\": \"" + task.instanceId() + "\"")
                    || predictions.contains("\"instance_id\":\"" + task.instanceId() + "\""), predictions);
            assertFalse(predictions.contains("verspec-999"), predictions);
            String missing = r + "/fixpoint/instance:fixpoint-samples__verspec-999-";
            assertTrue(run.stdout().contains("fixpoint-samples__verspec-999: fixpoint-samples__verspec-999: instance image " + missing), run.stdout());
            assertTrue(run.stdout().contains(" is not in registry " + r + ": this batch bakes nothing (--prebuilt-images); push it first, from a "
                    + "machine with Docker, with the same task file, specs and mirrors: fixpoint images push --tasks " + tasks + " --specs "
                    + Samples.DIR.resolve("environments.yaml") + " --registry " + r), run.stdout());
            assertEquals(0, new ProcessBuilder("docker", "image", "inspect", pulled).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(), "the pod's node pulled it from the registry");
        } finally {
            cluster.getOutputStream().close();
            if (!cluster.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) cluster.destroyForcibly();
        }
    }
}
