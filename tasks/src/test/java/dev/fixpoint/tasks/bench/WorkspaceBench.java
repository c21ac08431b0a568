package dev.fixpoint.tasks.bench;

import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.RepoLocator;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.git.Workspace;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Times a second checkout from a mirror: our {@link Workspace} against {@code git clone --shared} + checkout with the
 * git CLI, on a generated repository of about 5,000 files / 50 MB with 40 commits (made once, kept in the work dir).
 * Run by {@code scripts/bench-workspace}. Arguments: work dir, repetitions.
 */
public final class WorkspaceBench {

    private static final int FILES = 5_000;
    private static final int COMMITS = 40;
    private static final int AVERAGE_FILE_BYTES = 10_000;
    private static final String[] WORDS = ("def return self if else for while import from class lambda yield with as"
            + " try except raise pass None True False total items cart price value result config logger request"
            + " response session query filter order user account record index count name path data buffer").split(" ");

    private WorkspaceBench() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "/var/tmp/fixpoint-bench");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path source = work.resolve("source.git");
        if (!Files.exists(work.resolve("source.done"))) {
            generate(source);
            Files.writeString(work.resolve("source.done"), "ok\n");
        }
        String base = run(source, "git", "rev-parse", "HEAD~3").strip();
        RepoCache cache = RepoCache.open(work.resolve("cache"), RepoLocator.direct());
        Task task = Task.builder().instanceId("bench-1").repo(source.toString()).baseCommit(base).build();
        long t0 = System.nanoTime();
        cache.prepare(task);
        System.out.printf("mirror ready in %d ms: %s%n", (System.nanoTime() - t0) / 1_000_000,
                cache.mirrorPath(task.repo()));
        Path mirror = cache.mirrorPath(task.repo());
        Path runs = work.resolve("runs");
        deleteTree(runs);
        Files.createDirectories(runs);

        // the first checkout of each kind warms the JVM, the page cache and git's own caches; it is not counted
        int files;
        try (Workspace first = cache.checkout(task, runs.resolve("warm-ours"))) {
            files = first.fileCount();
        }
        gitNoCheckout(mirror, runs.resolve("warm-git"), base);
        deleteTree(runs.resolve("warm-git"));

        List<Double> ours = new ArrayList<>();
        List<Double> standalone = new ArrayList<>();
        List<Double> standaloneCpu = new ArrayList<>();
        long packBytes = 0;
        List<Double> gitBest = new ArrayList<>();
        List<Double> gitLiteral = new ArrayList<>();
        List<Double> oursCpu = new ArrayList<>();
        List<Double> gitBestCpu = new ArrayList<>();
        List<Double> gitLiteralCpu = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            Path a = runs.resolve("ours-" + i);
            long cpu = processCpuNanos();
            long s = System.nanoTime();
            Workspace ws = cache.checkout(task, a);
            ours.add(ms(s));
            oursCpu.add((processCpuNanos() - cpu) / 1e6);
            ws.close();

            Path sa = runs.resolve("standalone-" + i);
            cpu = processCpuNanos();
            s = System.nanoTime();
            Workspace own = cache.checkoutStandalone(task, sa);
            standalone.add(ms(s));
            standaloneCpu.add((processCpuNanos() - cpu) / 1e6);
            packBytes = packBytes(sa);
            own.close();

            Path b = runs.resolve("git-" + i);
            double children = childrenCpuMs();
            s = System.nanoTime();
            gitNoCheckout(mirror, b, base);
            gitBest.add(ms(s));
            gitBestCpu.add(childrenCpuMs() - children);
            deleteTree(b);

            Path c = runs.resolve("gitlit-" + i);
            children = childrenCpuMs();
            s = System.nanoTime();
            run(runs, "git", "clone", "-q", "--shared", mirror.toString(), c.toString());
            run(c, "git", "checkout", "-q", base);
            gitLiteral.add(ms(s));
            gitLiteralCpu.add(childrenCpuMs() - children);
            deleteTree(c);
        }
        double o = median(ours);
        double g = median(gitBest);
        double l = median(gitLiteral);
        System.out.printf("repository: %d files at %s (base = HEAD~3 of %d commits)%n", files, base.substring(0, 12),
                COMMITS);
        System.out.printf("second checkout from the mirror, median of %d:%n", reps);
        System.out.printf("  ours (RepoCache.checkout -> Workspace)                      %8.1f ms  %s%n", o, fmt(ours));
        System.out.printf("  git clone --shared --no-checkout + git checkout <rev>        %8.1f ms  %s%n", g, fmt(gitBest));
        System.out.printf("  git clone --shared + git checkout <rev> (checks out twice)   %8.1f ms  %s%n", l, fmt(gitLiteral));
        System.out.printf("  ours, standalone (RepoCache.checkoutStandalone: + shallow pack) %5.1f ms  %s%n",
                median(standalone), fmt(standalone));
        System.out.printf("standalone costs %.1f ms more wall (%.0f ms more CPU) for a %.1f MB pack of the base tree%n",
                median(standalone) - o, median(standaloneCpu) - median(oursCpu), packBytes / 1e6);
        System.out.printf("ratio ours / git CLI = %.2f (against the faster git variant; %.2f against the other)%n",
                o / Math.min(g, l), o / Math.max(g, l));
        double oc = median(oursCpu);
        double gc = median(gitBestCpu);
        double lc = median(gitLiteralCpu);
        System.out.printf("CPU time (user+sys, all threads / child processes), median: ours %.0f ms, git %.0f ms"
                + " (--no-checkout), %.0f ms (checks out twice); ratio %.2f%n", oc, gc, lc, oc / Math.min(gc, lc));
        System.out.printf("load average now: %.1f on %d cores (wall times stretch under load; CPU times less so)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        deleteTree(runs);
    }

    private static long packBytes(Path workspace) throws IOException {
        try (Stream<Path> files = Files.list(workspace.resolve(".git/objects/pack"))) {
            long total = 0;
            for (Path f : files.toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of this JVM's reaped child processes (cutime + cstime of /proc/self/stat), in ms; 10 ms steps. */
    private static double childrenCpuMs() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after "(comm) ": state=0, ... cutime=13, cstime=14 (stat(5) fields 16 and 17)
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10.0;
    }

    private static void gitNoCheckout(Path mirror, Path dir, String rev) throws Exception {
        run(dir.getParent(), "git", "clone", "-q", "--shared", "--no-checkout", mirror.toString(), dir.toString());
        run(dir, "git", "checkout", "-q", rev);
    }

    /** Writes the history through {@code git fast-import}: fast and deterministic (fixed seed, fixed dates). */
    private static void generate(Path bare) throws Exception {
        deleteTree(bare);
        Files.createDirectories(bare.getParent());
        run(bare.getParent(), "git", "init", "-q", "--bare", "-b", "main", bare.toString());
        System.out.printf("generating %d files / ~%d MB with %d commits in %s ...%n", FILES,
                FILES * (long) AVERAGE_FILE_BYTES / 1_000_000, COMMITS, bare);
        Process p = new ProcessBuilder("git", "-C", bare.toString(), "fast-import", "--quiet")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Random random = new Random(42);
        try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 20)) {
            for (int c = 0; c < COMMITS; c++) {
                String msg = c == 0 ? "initial import" : "change " + c;
                write(out, "commit refs/heads/main\ncommitter Bench <bench@fixpoint.dev> " + (1_700_000_000L + c * 3600L)
                        + " +0000\ndata " + msg.length() + "\n" + msg + "\n");
                int touched = c == 0 ? FILES : 60;
                for (int i = 0; i < touched; i++) {
                    int n = c == 0 ? i : random.nextInt(FILES + 40 * c);
                    byte[] content = content(random, c == 0 ? 2 * AVERAGE_FILE_BYTES * (i % 10 + 1) / 11
                            : AVERAGE_FILE_BYTES);
                    write(out, "M 100644 inline " + pathOf(n) + "\ndata " + content.length + "\n");
                    out.write(content);
                    write(out, "\n");
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("git fast-import failed");
        }
        run(bare, "git", "repack", "-adq");
    }

    private static String pathOf(int n) {
        return "pkg" + n % 25 + "/sub" + n % 7 + "/module_" + n + ".py";
    }

    private static byte[] content(Random random, int size) {
        StringBuilder sb = new StringBuilder(size + 64);
        while (sb.length() < size) {
            int indent = random.nextInt(3) * 4;
            sb.append(" ".repeat(indent));
            int words = 3 + random.nextInt(8);
            for (int w = 0; w < words; w++) {
                sb.append(WORDS[random.nextInt(WORDS.length)]).append(w == 0 ? " " : random.nextInt(5) == 0 ? "(" : " ");
            }
            sb.append(random.nextInt(100_000)).append("\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed in " + dir + ":\n" + out);
        }
        return out;
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static String fmt(List<Double> xs) {
        return Arrays.toString(xs.stream().mapToLong(Math::round).toArray());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
