package dev.fixpoint.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Limits;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.runner.OwnerId;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import dev.fixpoint.sandbox.testing.OwnerIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start / close / lifetime / prune / concurrency / runner modes / instance images. */
@Tag("docker")
class LifecycleTest {

    static DockerTestSupport docker;
    static final Duration T = Duration.ofSeconds(20);

    @BeforeAll
    static void up() {
        docker = DockerTestSupport.create("sandbox-lifecycle");
    }

    @AfterAll
    static void down() {
        docker.close();
    }

    @Test
    void twentyConcurrentSandboxesLeaveNoContainer() throws Exception {
        List<String> outputs = inParallel(20, n -> () -> {
            try (Sandbox box = docker.provider().start(docker.spec(DockerTestSupport.BASE)
                    .label(SandboxLabels.ROLLOUT, "r" + n).build())) {
                return box.exec("echo " + n, T).stdout();
            }
        });
        for (int i = 0; i < 20; i++) assertEquals(i + "\n", outputs.get(i));
        assertEquals(List.of(), docker.leftovers());
    }

    @Test
    void aSandboxClosedByAnInterruptedThreadIsStillRemoved() throws Exception {
        Sandbox box = docker.provider().start(docker.spec(DockerTestSupport.BASE).label(SandboxLabels.ROLLOUT, "interrupted").build());
        String id = box.id();
        Thread.currentThread().interrupt(); // a cancelled session closing its sandbox
        try {
            box.close();
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), docker.provider().containers(Map.of(SandboxLabels.RUN, docker.runId(), SandboxLabels.ROLLOUT, "interrupted")),
                "container " + id + " removed");
    }

    @Test
    void labelsAreSet() {
        try (Sandbox box = docker.provider().start(docker.spec(DockerTestSupport.BASE)
                .label(SandboxLabels.TASK, "t-1").label(SandboxLabels.ROLLOUT, "3").build())) {
            List<String> ids = docker.provider().containers(Map.of(SandboxLabels.TASK, "t-1",
                    SandboxLabels.ROLLOUT, "3", SandboxLabels.RUN, docker.runId(),
                    SandboxLabels.OWNER, OwnerId.current().toString()));
            assertEquals(List.of(box.id()), ids);
        }
    }

    @Test
    void containerEndsItselfAfterItsLifetime() throws Exception {
        Sandbox box = docker.provider().start(docker.spec(DockerTestSupport.BASE)
                .limits(DockerTestSupport.TEST_LIMITS.withLifetime(Duration.ofSeconds(2))).build());
        try {
            assertEquals("x\n", box.exec("echo x", T).stdout());
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (!docker.provider().containers(Map.of(SandboxLabels.RUN, docker.runId())).isEmpty()
                    && docker.provider().containers(Map.of(SandboxLabels.RUN, docker.runId())).contains(box.id())
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertFalse(docker.provider().containers(Map.of()).contains(box.id()), "container outlived its lifetime");
            SandboxException e = assertThrows(SandboxException.class, () -> box.exec("echo y", T));
            assertTrue(e.getMessage().contains(box.id().substring(0, 12)), e.getMessage());
        } finally {
            box.close();
        }
    }

    @Test
    void pruneRemovesContainersOfDeadOwnersOnly() throws Exception {
        String deadOwner = OwnerIds.ofExitedProcess();
        DockerClient raw = DockerClients.create(null);
        String orphan = raw.createContainerCmd(DockerTestSupport.BASE).withCmd("true")
                .withLabels(Map.of(SandboxLabels.MANAGED, "true", SandboxLabels.RUN, docker.runId(),
                        SandboxLabels.OWNER, deadOwner)).exec().getId();
        try (Sandbox live = docker.provider().start(docker.spec(DockerTestSupport.BASE).build())) {
            int removed = docker.provider().prune(false, Map.of(SandboxLabels.RUN, docker.runId()));
            assertEquals(1, removed);
            List<String> left = docker.leftovers();
            assertEquals(List.of(live.id()), left);
            assertFalse(left.contains(orphan));
        } finally {
            raw.close();
        }
    }

    @Test
    void concurrentExecsOnOneSandboxAreSerialized() throws Exception {
        try (Sandbox box = docker.provider().start(docker.spec(DockerTestSupport.BASE).build())) {
            List<Boolean> consistent = inParallel(4, tt -> () -> {
                for (int i = 0; i < 20; i++) {
                    ExecResult r = box.exec("echo " + tt + "-" + i + "; echo e" + i + " >&2", T);
                    if (!r.stdout().equals(tt + "-" + i + "\n") || !r.stderr().equals("e" + i + "\n")) return false;
                }
                return true;
            });
            for (boolean ok : consistent) assertTrue(ok);
        }
    }

    @Test
    void setsidAndPlainShellRunnersWork() {
        for (String mode : List.of("setsid", "none")) {
            try (DockerSandboxProvider p = DockerSandboxProvider.builder().runId(docker.runId()).runnerMode(mode).build();
                 Sandbox box = p.start(docker.spec(DockerTestSupport.BASE).build())) {
                assertEquals(mode, ((DockerSandbox) box).runnerMode());
                assertEquals("o\n", box.exec("echo o", T).stdout());
                ExecResult slow = box.exec("sleep 3600", Duration.ofMillis(500));
                assertTrue(slow.timedOut(), mode);
                assertEquals("", box.exec("ps -eo args | grep '^sleep 3600' || true", T).stdout(), mode);
                assertEquals(3, box.exec("exit 3", T).exitCode(), mode);
            }
        }
    }

    @Test
    void pythonImageRunsPython() {
        try (Sandbox box = docker.provider().start(docker.spec(DockerTestSupport.PYTHON).build())) {
            ExecResult r = box.exec("python3 -c 'import socket; socket.create_connection((\"1.1.1.1\", 53), 3)'", T);
            assertTrue(r.exitCode() != 0 && r.stderr().contains("unreachable"), r.stderr());
        }
    }

    @Test
    void instanceImageHasTheRepoInside(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("src/pkg"));
        Files.writeString(tmp.resolve("src/pkg/a.py"), "A = 1\n");
        String key = "test-" + docker.runId();
        DockerSandboxProvider p = docker.provider();
        String image = p.bakeImage(DockerTestSupport.BASE, tmp, "/testbed", key);
        try {
            assertEquals("fixpoint/instance:" + key, image);
            assertTrue(p.imageExists(image));
            long t0 = System.nanoTime();
            assertEquals(image, p.bakeImage(DockerTestSupport.BASE, tmp, "/testbed", key), "cached");
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 1000);
            for (int i = 0; i < 2; i++) {
                try (Sandbox box = p.start(docker.spec(image).workdir("/testbed").build())) {
                    assertEquals("A = 1\n", box.exec("cat src/pkg/a.py", T).stdout());
                    box.exec("echo changed > src/pkg/a.py", T); // copy-on-write: the next rollout sees the original
                }
            }
        } finally {
            p.removeImage(image);
        }
        assertFalse(p.imageExists(image));
    }

    /** Runs {@code n} tasks at once (task i made by {@code task}) on their own threads; their results, in order. */
    private static <T> List<T> inParallel(int n, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) futures.add(pool.submit(task.apply(i)));
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
