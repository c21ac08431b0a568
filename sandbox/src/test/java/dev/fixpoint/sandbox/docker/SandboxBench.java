package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Limits;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * {@code scripts/bench-sandbox}: exec round trips through the runner vs docker-java's plain exec vs the
 * {@code docker exec} CLI vs the floor (the same command typed into an already-open {@code sh} in the same
 * container); sandbox start; copy-in of a 50 MB tree; rollout start from a baked instance image.
 */
public final class SandboxBench {

    private static final Duration T = Duration.ofSeconds(60);
    private static final String IMAGE = System.getProperty("bench.image", "fixpoint/base:latest");
    private static final int N = Integer.getInteger("bench.n", 200);

    public static void main(String[] args) throws Exception {
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Limits limits = Limits.DEFAULT.withLifetime(Duration.ofMinutes(30));
        try (DockerSandboxProvider provider = DockerSandboxProvider.builder().runId(run).build();
             DockerClient docker = DockerClients.create(null)) {
            SandboxSpec spec = SandboxSpec.builder(IMAGE).workdir("/work").limits(limits)
                    .label(SandboxLabels.RUN, run).build();
            System.out.printf("image %s, %d cores, runner vs plain exec vs CLI vs floor (ms)%n", IMAGE,
                    Runtime.getRuntime().availableProcessors());
            try (Sandbox box = provider.start(spec)) {
                System.out.println("runner mode: " + ((DockerSandbox) box).runnerMode());
                // text, as agents cat source files (random bytes mostly measure UTF-8 replacement decoding)
                box.exec("head -c 800000 /dev/urandom | base64 | head -c 1048576 > /tmp/1mb", T);
                execTable(docker, box, "true", "sh -c true", N);
                execTable(docker, box, "cat /tmp/1mb", "sh -c 'cat /tmp/1mb'", Math.max(20, N / 4));
            }
            startAndCopy(provider, spec);
            provider.prune(true, java.util.Map.of(SandboxLabels.RUN, run));
        }
    }

    private static void execTable(DockerClient docker, Sandbox box, String cmd, String floorCmd, int n)
            throws Exception {
        String id = box.id();
        for (int i = 0; i < 20; i++) check(box.exec(cmd, T)); // warm-up
        // Samples are interleaved (runner, floor, runner, floor, ...) so that load from other processes on
        // the machine hits both alike.
        double[] runner = new double[n];
        double[] floor = new double[n];
        int slow = Math.max(10, n / 10);
        double[] plain = new double[slow];
        double[] cli = new double[slow];
        try (FloorShell sh = new FloorShell(id)) {
            for (int i = 0; i < 20; i++) sh.run(floorCmd);
            for (int i = 0; i < n; i++) {
                runner[i] = time(1, () -> check(box.exec(cmd, T)))[0];
                floor[i] = time(1, () -> sh.run(floorCmd))[0];
                if (i < slow) {
                    plain[i] = time(1, () -> PlainExec.run(docker, id, List.of("sh", "-c", cmd), T))[0];
                    cli[i] = time(1, () -> cli(id, cmd))[0];
                }
            }
        }
        System.out.printf("%n%-28s %9s %9s %14s%n", "exec '" + cmd + "'", "median", "p95", "median/floor");
        row("runner (ours)", runner, floor);
        row("docker-java plain exec", plain, floor);
        row("docker exec CLI", cli, floor);
        row("floor: open sh in container", floor, floor);
        System.out.printf("runner is %.1fx faster than plain exec (median)%n", median(plain) / median(runner));
    }

    private static void startAndCopy(DockerSandboxProvider provider, SandboxSpec spec) throws Exception {
        // sandbox start: create + start + runner ready
        for (int i = 0; i < 2; i++) provider.start(spec).close();
        List<Double> start = new ArrayList<>();
        List<Double> close = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            Sandbox box = provider.start(spec);
            start.add(ms(t0));
            long t1 = System.nanoTime();
            box.close();
            close.add(ms(t1));
        }
        System.out.printf("%n%-40s %9s %9s%n", "sandbox lifecycle (ms)", "median", "p95");
        row2("start (create+start+runner ready)", toArray(start));
        row2("close (force remove)", toArray(close));

        Path tree = Files.createTempDirectory("fixpoint-bench-tree");
        try {
            long bytes = makeTree(tree, 1800, 50L << 20);
            List<Double> copy = new ArrayList<>();
            try (Sandbox box = provider.start(spec)) {
                for (int i = 0; i < 5; i++) {
                    long t0 = System.nanoTime();
                    box.copyIn(tree, "/work/repo" + i);
                    copy.add(ms(t0));
                }
                String count = box.exec("find /work/repo0 -type f | wc -l", T).stdout().trim();
                System.out.printf("copy-in tree: %s files, %.1f MB%n", count, bytes / 1e6);
            }
            row2("copy-in 50 MB / 1,800 files", toArray(copy));

            String key = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            long t0 = System.nanoTime();
            String image = provider.bakeImage(spec.image(), tree, "/testbed", key);
            double bake = ms(t0);
            try {
                SandboxSpec inst = spec.toBuilder().image(image).workdir("/testbed").build();
                provider.start(inst).close();
                List<Double> plainStart = new ArrayList<>();
                List<Double> instStart = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    long a = System.nanoTime();
                    Sandbox p = provider.start(spec);
                    plainStart.add(ms(a));
                    p.close();
                    long b = System.nanoTime();
                    Sandbox s = provider.start(inst);
                    instStart.add(ms(b));
                    if (!s.exec("test -f " + tree.relativize(firstFile(tree)), T).ok()) {
                        throw new IllegalStateException("instance image lacks the tree");
                    }
                    s.close();
                }
                row2("one-time bake of the 50 MB tree", new double[] {bake});
                row2("rollout ready from instance image", toArray(instStart));
                row2("plain start of the base image", toArray(plainStart));
                System.out.printf("instance / plain start: %.2fx (median)%n",
                        median(toArray(instStart)) / median(toArray(plainStart)));
            } finally {
                provider.removeImage(image);
            }
        } finally {
            try (var s = Files.walk(tree)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** An already-open {@code docker exec -i sh}: each command is followed by a marker echo. */
    private static final class FloorShell implements AutoCloseable {
        private final Process p;
        private final OutputStream in;
        private final InputStream out;
        private final byte[] buf = new byte[1 << 16];

        FloorShell(String id) throws IOException {
            p = new ProcessBuilder("docker", "exec", "-i", id, "sh").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            in = p.getOutputStream();
            out = p.getInputStream();
        }

        void run(String cmd) {
            try {
                in.write((cmd + "; echo __FLOOR_MARK__\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                byte[] mark = "__FLOOR_MARK__\n".getBytes(StandardCharsets.UTF_8);
                byte[] tail = new byte[mark.length];
                int have = 0;
                while (true) {
                    int n = out.read(buf);
                    if (n < 0) throw new IOException("floor shell ended");
                    // keep the last mark.length bytes seen
                    if (n >= mark.length) {
                        System.arraycopy(buf, n - mark.length, tail, 0, mark.length);
                        have = mark.length;
                    } else {
                        int keep = Math.min(have, mark.length - n);
                        System.arraycopy(tail, have - keep, tail, 0, keep);
                        System.arraycopy(buf, 0, tail, keep, n);
                        have = keep + n;
                    }
                    if (have == mark.length && Arrays.equals(tail, mark)) return;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            in.close();
            p.waitFor();
        }
    }

    private static void cli(String id, String cmd) {
        try {
            Process p = new ProcessBuilder("docker", "exec", id, "sh", "-c", cmd)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) throw new IllegalStateException("docker exec failed");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long makeTree(Path root, int files, long totalBytes) throws IOException {
        Random r = new Random(1);
        long per = totalBytes / files;
        long sum = 0;
        for (int i = 0; i < files; i++) {
            Path f = root.resolve("pkg" + (i % 40) + "/sub" + (i % 7) + "/file" + i + ".py");
            Files.createDirectories(f.getParent());
            byte[] b = new byte[(int) per];
            r.nextBytes(b);
            Files.write(f, b);
            sum += b.length;
        }
        return sum;
    }

    private static Path firstFile(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
    }

    private static void check(ExecResult r) {
        if (r.exitCode() != 0) throw new IllegalStateException("bench command failed: " + r);
    }

    interface Step { void run() throws Exception; }

    private static double[] time(int n, Step step) throws Exception {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            step.run();
            t[i] = ms(t0);
        }
        return t;
    }

    private static void row(String name, double[] t, double[] floor) {
        System.out.printf("%-28s %9.2f %9.2f %13.1fx%n", name, median(t), p95(t), median(t) / median(floor));
    }

    private static void row2(String name, double[] t) {
        System.out.printf("%-40s %9.1f %9.1f%n", name, median(t), p95(t));
    }

    private static double ms(long t0) { return (System.nanoTime() - t0) / 1e6; }

    private static double[] toArray(List<Double> l) { return l.stream().mapToDouble(Double::doubleValue).toArray(); }

    private static double median(double[] t) { return pct(t, 0.5); }

    private static double p95(double[] t) { return pct(t, 0.95); }

    private static double pct(double[] t, double q) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(q * s.length) - 1)];
    }

    private SandboxBench() {}
}
