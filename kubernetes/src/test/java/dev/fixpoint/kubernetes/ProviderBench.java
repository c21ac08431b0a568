package dev.fixpoint.kubernetes;

import com.sun.management.OperatingSystemMXBean;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Limits;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * scripts/bench-k8s: controller-side cost of pod sandboxes next to Docker sandboxes, in one JVM. For each provider,
 * N sandboxes are started (8 at a time), each runs one command, all are alive at once, then all are closed.
 * Measured in this JVM only: CPU time per sandbox operation (start, exec, close), heap per live sandbox (after full
 * GCs, with every sandbox open, minus before) and live threads per sandbox. The Kubernetes provider talks to the
 * fabric8 mock API server in another JVM whose kubelet is the scripted fake runner (no containers), so its numbers
 * are the controller's own; the Docker provider runs real containers on the local daemon.
 *
 * <p>Usage: ProviderBench API_URL [PODS=500] [CONTAINERS=20] [IMAGE=fixpoint/base:latest]
 */
public final class ProviderBench {

    private static final Duration T = Duration.ofSeconds(60);
    private static final Limits LIMITS = new Limits(256L << 20, 1.0, 128, 1L << 20, Duration.ofMinutes(20),
            256L << 20);

    record Numbers(String name, int n, double cpuMsPerOp, double heapKbPerSandbox, double threadsPerSandbox,
                   int threadsBefore, int threadsLive, double wallSeconds) {}

    private ProviderBench() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int pods = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int containers = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String image = args.length > 3 ? args[3] : "fixpoint/base:latest";
        Numbers k8s;
        try (KubernetesSandboxProvider p = KubernetesSandboxProvider.builder().masterUrl(url).namespace("bench")
                .build()) {
            round(p, "warm-up", 10, "img:1");
            k8s = round(p, "kubernetes (mock API, fake runner)", pods, "img:1");
        }
        Numbers docker;
        try (DockerSandboxProvider p = DockerSandboxProvider.builder().build()) {
            round(p, "warm-up", 2, image);
            docker = round(p, "docker (real daemon)", containers, image);
        }
        System.out.printf("%n%-36s %6s %12s %14s %12s %10s %8s%n", "provider", "boxes", "cpu ms/op", "heap KB/box",
                "threads/box", "threads", "wall s");
        for (Numbers n : List.of(k8s, docker)) {
            System.out.printf("%-36s %6d %12.2f %14.1f %12.3f %4d->%-5d %8.1f%n", n.name, n.n, n.cpuMsPerOp,
                    n.heapKbPerSandbox, n.threadsPerSandbox, n.threadsBefore, n.threadsLive, n.wallSeconds);
        }
        System.out.printf("%nratios kubernetes/docker: cpu per op %.2f, heap per live sandbox %.2f, threads per"
                        + " sandbox %.3f%n", k8s.cpuMsPerOp / docker.cpuMsPerOp,
                k8s.heapKbPerSandbox / docker.heapKbPerSandbox,
                docker.threadsPerSandbox == 0 ? Double.NaN : k8s.threadsPerSandbox / docker.threadsPerSandbox);
        boolean heapOk = k8s.heapKbPerSandbox < 1024;
        boolean threadsOk = k8s.threadsLive - k8s.threadsBefore < Math.max(8, pods / 20);
        System.out.printf("target heap per live pod sandbox < 1 MB: %s (%.1f KB); no thread per sandbox: %s (%d more"
                + " threads for %d live pods)%n", heapOk ? "met" : "MISSED", k8s.heapKbPerSandbox,
                threadsOk ? "met" : "MISSED", k8s.threadsLive - k8s.threadsBefore, pods);
    }

    private static Numbers round(SandboxProvider provider, String name, int n, String image) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long heap0 = settledHeap(mem);
        int threads0 = ManagementFactory.getThreadMXBean().getThreadCount();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Sandbox> boxes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Sandbox>> started = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SandboxSpec spec = SandboxSpec.builder(image).limits(LIMITS)
                        .label(SandboxLabels.TASK, "bench-" + i).build();
                started.add(pool.submit(() -> provider.start(spec)));
            }
            for (Future<Sandbox> f : started) boxes.add(f.get());
            List<Future<ExecResult>> ran = new ArrayList<>();
            for (Sandbox b : boxes) ran.add(pool.submit(() -> b.exec("echo ok", T)));
            for (Future<ExecResult> f : ran) {
                ExecResult r = f.get();
                if (!"ok\n".equals(r.stdout())) throw new IllegalStateException(name + ": exec gave " + r);
            }
        } finally {
            pool.shutdown();
        }
        long cpuBusy = os.getProcessCpuTime() - cpu0;
        Thread.sleep(500);
        long heapLive = settledHeap(mem);
        int threadsLive = ManagementFactory.getThreadMXBean().getThreadCount();
        long cpu1 = os.getProcessCpuTime();
        for (Sandbox b : boxes) b.close();
        long cpuClose = os.getProcessCpuTime() - cpu1;
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpuMsPerOp = (cpuBusy + cpuClose) / 1e6 / (3.0 * n);
        Numbers r = new Numbers(name, n, cpuMsPerOp, (heapLive - heap0) / 1024.0 / n,
                (threadsLive - threads0) / (double) n, threads0, threadsLive, wall);
        System.err.printf("[bench-k8s] %s: %d sandboxes, %.2f ms CPU per op, %.1f KB heap per live sandbox,"
                + " threads %d -> %d%n", name, n, r.cpuMsPerOp, r.heapKbPerSandbox, threads0, threadsLive);
        return r;
    }

    /** Heap in use after full collections, once it stops shrinking. */
    private static long settledHeap(MemoryMXBean mem) throws InterruptedException {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            long used = mem.getHeapMemoryUsage().getUsed();
            if (used >= last - (64 << 10)) return Math.min(used, last);
            last = used;
        }
        return last;
    }
}
