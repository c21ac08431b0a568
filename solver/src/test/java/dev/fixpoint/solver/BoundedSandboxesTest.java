package dev.fixpoint.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The verifiers' sandboxes wait for the run's container bound and give their permit back once. */
class BoundedSandboxesTest {

    private final AtomicInteger started = new AtomicInteger();
    private final SandboxSpec spec = SandboxSpec.builder("fixpoint/python:latest").build();

    @Test
    void aSecondSandboxWaitsUntilTheFirstIsClosedAndClosingTwiceReleasesOnce() throws Exception {
        try (Concurrency concurrency = new Concurrency(new Concurrency.Limits(1, 1, 1, 1))) {
            BoundedSandboxes bounded = new BoundedSandboxes(fake(false), concurrency);
            Sandbox first = bounded.start(spec);
            CompletableFuture<Sandbox> second = CompletableFuture.supplyAsync(() -> bounded.start(spec));
            Thread.sleep(200);
            assertFalse(second.isDone(), "no permit while the first is open");

            first.close();
            first.close();
            Sandbox got = second.get(5, TimeUnit.SECONDS);
            assertEquals(2, started.get());
            CompletableFuture<Sandbox> third = CompletableFuture.supplyAsync(() -> bounded.start(spec));
            Thread.sleep(200);
            assertFalse(third.isDone(), "the double close gave back one permit, not two");
            got.close();
            third.get(5, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void aSandboxThatFailsToStartGivesThePermitBack() throws Exception {
        try (Concurrency concurrency = new Concurrency(new Concurrency.Limits(1, 1, 1, 1))) {
            assertThrows(SandboxException.class, () -> new BoundedSandboxes(fake(true), concurrency).start(spec));
            Sandbox box = new BoundedSandboxes(fake(false), concurrency).start(spec);
            assertTrue(box.id().startsWith("fake-"));
            box.close();
        }
    }

    private SandboxProvider fake(boolean failing) {
        return new SandboxProvider() {
            @Override
            public Sandbox start(SandboxSpec s) {
                if (failing) throw new SandboxException("no daemon");
                String id = "fake-" + started.incrementAndGet();
                return new Sandbox() {
                    @Override public String id() { return id; }
                    @Override public SandboxSpec spec() { return s; }
                    @Override public ExecResult exec(ExecRequest request) { throw new UnsupportedOperationException(); }
                    @Override public byte[] readFile(String path) { return new byte[0]; }
                    @Override public void writeFile(String path, byte[] content) { }
                    @Override public void copyIn(Path hostDir, String containerDir) { }
                    @Override public void copyOut(String containerDir, Path hostDir) { }
                    @Override public List<String> listFiles(String dir) { return List.of(); }
                    @Override public void close() { }
                };
            }

            @Override public int prune(boolean all) { return 0; }
            @Override public void close() { }
        };
    }
}
