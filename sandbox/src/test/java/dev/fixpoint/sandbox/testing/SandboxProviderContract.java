package dev.fixpoint.sandbox.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Limits;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link SandboxProvider} must do, whatever runs the sandboxes: start, exec (exit codes, streams, env,
 * workdir, timeout with process-group kill, output cap, stdin), files and copy in/out, limits, close, prune by
 * label. A provider's test extends this and supplies the provider and the image (with sh, coreutils and tar).
 */
public abstract class SandboxProviderContract {

    protected static final Duration T = Duration.ofSeconds(60);
    /** Small bounds: a 64 MiB memory limit that can be read back from the cgroup, 64 KiB of output per stream. */
    protected static final Limits LIMITS = new Limits(64L << 20, 1.0, 128, 64L << 10, Duration.ofMinutes(15),
            256L << 20);

    @TempDir
    Path tmp;

    /** The provider under test, shared by the tests of a class. */
    protected abstract SandboxProvider provider();

    /** Image every test sandbox runs. */
    protected abstract String image();

    /** Ids of the sandboxes of run {@code run} that still exist. */
    protected abstract List<String> sandboxes(String run);

    /** Removes every sandbox of run {@code run}, owner alive or not; returns how many. */
    protected abstract int pruneRun(String run);

    /** The run label of this test class's sandboxes. */
    protected abstract String runId();

    protected SandboxSpec.Builder spec() {
        return SandboxSpec.builder(image()).workdir("/work").limits(LIMITS).label(SandboxLabels.RUN, runId());
    }

    @Test
    void execReportsExitCodesStreamsEnvAndWorkdir() {
        try (Sandbox box = provider().start(spec().env("GREETING", "hello world").build())) {
            ExecResult r = box.exec("echo \"$GREETING\"; echo err >&2; pwd; exit 3", T);
            assertEquals(3, r.exitCode());
            assertEquals("hello world\n/work\n", r.stdout());
            assertEquals("err\n", r.stderr());
            assertFalse(r.timedOut());
            ExecResult other = box.exec(ExecRequest.of("pwd; echo \"$X\"", T).withWorkdir("/tmp")
                    .withEnv(Map.of("X", "it's \"quoted\"")));
            assertEquals("/tmp\nit's \"quoted\"\n", other.stdout());
            assertTrue(box.exec("true", T).ok());
        }
    }

    @Test
    void timeoutKillsTheWholeProcessGroup() {
        try (Sandbox box = provider().start(spec().build())) {
            long t0 = System.nanoTime();
            ExecResult r = box.exec("sleep 300 & echo $! > /tmp/bg; echo started; sleep 300", Duration.ofSeconds(2));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(r.timedOut(), r.toString());
            assertEquals(-1, r.exitCode());
            assertEquals("started\n", r.stdout());
            assertTrue(ms < 15_000, "timeout took " + ms + " ms");
            ExecResult bg = box.exec("kill -0 \"$(cat /tmp/bg)\" 2>/dev/null && echo alive || echo gone", T);
            assertEquals("gone\n", bg.stdout(), "the background sleep outlived its command's timeout");
        }
    }

    @Test
    void outputIsCappedAndFlaggedTruncated() {
        try (Sandbox box = provider().start(spec().build())) {
            ExecResult r = box.exec("head -c 300000 /dev/zero | tr '\\0' a; echo done >&2", T);
            assertEquals(0, r.exitCode());
            assertTrue(r.truncated());
            assertEquals(LIMITS.outputBytes(), r.stdout().length());
            assertEquals("done\n", r.stderr());
            ExecResult small = box.exec("echo small", T);
            assertFalse(small.truncated());
        }
    }

    @Test
    void stdinReachesTheCommandByteForByte() {
        byte[] data = new byte[70_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31);
        try (Sandbox box = provider().start(spec().build())) {
            ExecResult r = box.exec(ExecRequest.of("wc -c", T).withStdin(data));
            assertEquals(String.valueOf(data.length), r.stdout().trim());
            ExecResult none = box.exec("cat", T);
            assertEquals("", none.stdout(), "without stdin a command reads /dev/null");
            box.writeFile("/work/sub/blob.bin", data);
            assertArrayEquals(data, box.readFile("/work/sub/blob.bin"));
            assertThrows(SandboxException.class, () -> box.readFile("/work/missing"));
        }
    }

    @Test
    void copyInAndOutKeepTreesAndContent() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("a.txt"), "alpha\n");
        Files.createDirectories(src.resolve("pkg/deep"));
        Files.writeString(src.resolve("pkg/deep/b.py"), "print('b')\n");
        try (Sandbox box = provider().start(spec().build())) {
            box.copyIn(src, "/work/repo");
            assertEquals(List.of("a.txt", "pkg/deep/b.py"), box.listFiles("/work/repo"));
            assertEquals("alpha\n", new String(box.readFile("/work/repo/a.txt"), StandardCharsets.UTF_8));
            box.exec("echo made > /work/repo/pkg/new.txt", T);
            Path out = tmp.resolve("out");
            box.copyOut("repo", out);
            assertEquals("print('b')\n", Files.readString(out.resolve("pkg/deep/b.py")));
            assertEquals("made\n", Files.readString(out.resolve("pkg/new.txt")));
            assertThrows(SandboxException.class, () -> box.copyOut("/work/nothing-here", tmp.resolve("none")));
        }
    }

    @Test
    void limitsAreAppliedAndReported() {
        try (Sandbox box = provider().start(spec().build())) {
            assertEquals(LIMITS, box.spec().limits());
            ExecResult r = box.exec("cat /sys/fs/cgroup/memory.max 2>/dev/null"
                    + " || cat /sys/fs/cgroup/memory/memory.limit_in_bytes", T);
            assertEquals(String.valueOf(LIMITS.memoryBytes()), r.stdout().trim(), r.stderr());
        }
    }

    @Test
    void closeRemovesTheSandboxAndLaterUseFails() {
        Sandbox box = provider().start(spec().build());
        String id = box.id();
        assertTrue(sandboxes(runId()).contains(id));
        box.close();
        box.close(); // idempotent
        assertFalse(sandboxes(runId()).contains(id), "closed sandbox still exists: " + id);
        assertThrows(SandboxException.class, () -> box.exec("true", T));
    }

    @Test
    void pruneByLabelRemovesOneRunAndSparesAnother() {
        String doomed = runId() + "-x" + UUID.randomUUID().toString().substring(0, 4);
        String kept = runId() + "-y" + UUID.randomUUID().toString().substring(0, 4);
        Sandbox a = provider().start(spec().label(SandboxLabels.RUN, doomed).build());
        try (Sandbox b = provider().start(spec().label(SandboxLabels.RUN, kept).build())) {
            assertEquals(List.of(a.id()), sandboxes(doomed));
            assertEquals(1, pruneRun(doomed));
            assertEquals(List.of(), sandboxes(doomed));
            assertEquals(List.of(b.id()), sandboxes(kept));
            assertEquals("ok\n", b.exec("echo ok", T).stdout());
        } finally {
            a.close();
        }
    }
}
