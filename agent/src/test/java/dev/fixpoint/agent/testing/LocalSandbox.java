package dev.fixpoint.agent.testing;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Test double: a "sandbox" that runs {@code sh -c} on the host with a temp directory as workdir. No isolation:
 * good for testing tool logic, not for untrusted code. {@link #failNextExec()} simulates an infrastructure failure.
 */
public final class LocalSandbox implements Sandbox {

    private final SandboxSpec spec;
    private volatile boolean failNext;
    private volatile boolean closed;
    private int execs;

    public LocalSandbox(Path workdir) {
        this.spec = SandboxSpec.builder("local").workdir(workdir.toAbsolutePath().toString()).build();
    }

    public void failNextExec() {
        failNext = true;
    }

    public int execCount() {
        return execs;
    }

    @Override
    public String id() {
        return "local-" + Integer.toHexString(hashCode());
    }

    @Override
    public SandboxSpec spec() {
        return spec;
    }

    @Override
    public ExecResult exec(ExecRequest request) {
        if (closed) throw new SandboxException(id() + ": closed");
        if (failNext) {
            failNext = false;
            throw new SandboxException(id() + ": simulated runner failure");
        }
        execs++;
        long start = System.nanoTime();
        try {
            var pb = new ProcessBuilder("sh", "-c", request.command())
                    .directory(Path.of(request.workdir() != null ? request.workdir() : spec.workdir()).toFile());
            pb.environment().putAll(request.env());
            Process p = pb.start();
            p.getOutputStream().write(request.stdin());
            p.getOutputStream().close();
            AtomicBoolean killed = new AtomicBoolean();
            CompletableFuture<byte[]> out = read(p.getInputStream(), killed), err = read(p.getErrorStream(), killed);
            boolean done = p.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                killed.set(true);
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            long cap = spec.limits().outputBytes();
            byte[] o = out.join(), e = err.join();
            boolean truncated = o.length > cap || e.length > cap;
            return new ExecResult(done ? p.exitValue() : -1, text(o, cap), text(e, cap), Duration.ofNanos(System.nanoTime() - start),
                    !done, truncated, false);
        } catch (IOException e) {
            throw new SandboxException(id() + ": exec failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException(id() + ": interrupted", e);
        }
    }

    private static String text(byte[] b, long cap) {
        return new String(b, 0, (int) Math.min(b.length, cap), StandardCharsets.UTF_8);
    }

    /** The stream's bytes; after a timeout's kill (which closes the streams under the reader), what was read by then. */
    private static CompletableFuture<byte[]> read(InputStream in, AtomicBoolean killed) {
        return CompletableFuture.supplyAsync(() -> {
            var buf = new ByteArrayOutputStream();
            try (in) {
                in.transferTo(buf);
                return buf.toByteArray();
            } catch (IOException e) {
                if (killed.get()) return buf.toByteArray();
                throw new UncheckedIOException(e);
            }
        });
    }

    private Path path(String p) {
        return p.startsWith("/") ? Path.of(p) : Path.of(spec.workdir()).resolve(p);
    }

    @Override
    public byte[] readFile(String p) {
        try {
            return Files.readAllBytes(path(p));
        } catch (IOException e) {
            throw new SandboxException(id() + ": cannot read " + p + ": " + e, e);
        }
    }

    @Override
    public void writeFile(String p, byte[] content) {
        try {
            Path f = path(p);
            Files.createDirectories(f.getParent());
            Files.write(f, content);
        } catch (IOException e) {
            throw new SandboxException(id() + ": cannot write " + p + ": " + e, e);
        }
    }

    @Override
    public void copyIn(Path hostDir, String containerDir) {
        copyTree(hostDir, path(containerDir));
    }

    @Override
    public void copyOut(String containerDir, Path hostDir) {
        copyTree(path(containerDir), hostDir);
    }

    private void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path src : s.toList()) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isDirectory(src)) Files.createDirectories(dst);
                else Files.copy(src, dst, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SandboxException(id() + ": copy " + from + " -> " + to + " failed: " + e, e);
        }
    }

    @Override
    public List<String> listFiles(String dir) {
        Path root = path(dir);
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
        } catch (IOException e) {
            throw new SandboxException(id() + ": cannot list " + dir + ": " + e, e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
