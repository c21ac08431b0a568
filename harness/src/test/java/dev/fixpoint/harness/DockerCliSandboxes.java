package dev.fixpoint.harness;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Test double: sandboxes through the {@code docker} CLI (plain {@code docker exec} per command), so the harness
 * can be tested against a real daemon independently of the sandbox module's implementation. Slow but simple.
 */
final class DockerCliSandboxes implements SandboxProvider {

    static boolean dockerAvailable() {
        try {
            return new ProcessBuilder("docker", "info").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Sandbox start(SandboxSpec spec) {
        List<String> cmd = new ArrayList<>(List.of("docker", "run", "-d", "--network", "none", "-w", spec.workdir(),
                "--label", SandboxLabels.MANAGED + "=true", "--label", "dev.fixpoint.test=harness"));
        for (Map.Entry<String, String> l : spec.labels().entrySet()) {
            cmd.add("--label");
            cmd.add(l.getKey() + "=" + l.getValue());
        }
        cmd.addAll(List.of("--entrypoint", "sh", spec.image(), "-c", "mkdir -p " + spec.workdir() + "; sleep 3600"));
        String id = new String(run(cmd, null, Duration.ofSeconds(60)).out, StandardCharsets.UTF_8).strip();
        return new CliSandbox(id, spec);
    }

    @Override
    public int prune(boolean all) {
        return 0;
    }

    @Override
    public void close() {}

    record Out(int code, byte[] out, byte[] err, boolean timedOut, Duration took) {}

    static Out run(List<String> cmd, byte[] stdin, Duration timeout) {
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(cmd).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (var in = p.getOutputStream()) {
                if (stdin != null) in.write(stdin);
            }
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) p.destroyForcibly().waitFor();
            return new Out(done ? p.exitValue() : -1, out.join(), err.join(), !done,
                    Duration.ofNanos(System.nanoTime() - t0));
        } catch (IOException e) {
            throw new SandboxException("docker CLI failed: " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted: " + cmd, e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static final class CliSandbox implements Sandbox {
        private final String id;
        private final SandboxSpec spec;
        private boolean closed;

        CliSandbox(String id, SandboxSpec spec) {
            this.id = id;
            this.spec = spec;
        }

        @Override public String id() { return id; }
        @Override public SandboxSpec spec() { return spec; }

        @Override
        public ExecResult exec(ExecRequest r) {
            long secs = Math.max(1, r.timeout().toSeconds());
            String wd = r.workdir() == null ? spec.workdir() : r.workdir();
            Out o = run(List.of("docker", "exec", "-i", "-w", wd, id, "timeout", "-k", "1", String.valueOf(secs),
                    "sh", "-c", r.command()), r.stdin(), r.timeout().plusSeconds(10));
            boolean timedOut = o.timedOut() || o.code() == 124 || o.code() == 137;
            return new ExecResult(timedOut ? -1 : o.code(), new String(o.out(), StandardCharsets.UTF_8),
                    new String(o.err(), StandardCharsets.UTF_8), o.took(), timedOut, false, false);
        }

        @Override
        public byte[] readFile(String path) {
            Out o = run(List.of("docker", "exec", id, "cat", path), null, Duration.ofSeconds(60));
            if (o.code() != 0) throw new SandboxException(id + ": cannot read " + path);
            return o.out();
        }

        @Override
        public void writeFile(String path, byte[] content) {
            String q = EvalScript.q(path);
            Out o = run(List.of("docker", "exec", "-i", id, "sh", "-c",
                    "mkdir -p \"$(dirname " + q + ")\" && cat > " + q), content, Duration.ofSeconds(60));
            if (o.code() != 0) throw new SandboxException(id + ": cannot write " + path);
        }

        @Override
        public void copyIn(Path hostDir, String containerDir) {
            run(List.of("docker", "exec", id, "mkdir", "-p", containerDir), null, Duration.ofSeconds(30));
            Out o = run(List.of("docker", "cp", hostDir + "/.", id + ":" + containerDir), null, Duration.ofMinutes(5));
            if (o.code() != 0) throw new SandboxException(id + ": copy-in failed: " + new String(o.err()));
        }

        @Override
        public void copyOut(String containerDir, Path hostDir) {
            try {
                Files.createDirectories(hostDir);
            } catch (IOException e) {
                throw new SandboxException("cannot create " + hostDir, e);
            }
            Out o = run(List.of("docker", "cp", id + ":" + containerDir + "/.", hostDir.toString()), null,
                    Duration.ofMinutes(5));
            if (o.code() != 0) throw new SandboxException(id + ": copy-out failed: " + new String(o.err()));
        }

        @Override
        public List<String> listFiles(String dir) {
            Out o = run(List.of("docker", "exec", "-w", dir, id, "find", ".", "-type", "f"), null,
                    Duration.ofSeconds(60));
            return Arrays.stream(new String(o.out(), StandardCharsets.UTF_8).split("\n")).filter(s -> !s.isBlank())
                    .map(s -> s.substring(2)).sorted().toList();
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            run(List.of("docker", "rm", "-f", id), null, Duration.ofSeconds(60));
        }
    }
}
