package dev.fixpoint.agent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.agent.Agent;
import dev.fixpoint.agent.AgentListener;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.agent.trajectory.ReplayModel;
import dev.fixpoint.agent.RolloutStart;
import dev.fixpoint.models.ScriptedModel;
import dev.fixpoint.agent.trajectory.Step;
import dev.fixpoint.agent.tool.ToolRun;
import dev.fixpoint.agent.trajectory.TrajectoryRecorder;
import dev.fixpoint.agent.testing.Samples;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.tasks.Task;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.fixpoint.models.ScriptedModel.call;

/**
 * scripts/bench-agent: replays a 50-step trajectory (view/search/edit/bash/find_symbol on the verspec sample)
 * against real Docker sandboxes.
 * <ol>
 *   <li>Per-step overhead excluding model time: the time between consecutive steps' completion (tool calls, message
 *   bookkeeping and the flushed trajectory record included) minus the model call's time. Median and p95 over
 *   {@code runs} replays.</li>
 *   <li>Heap per concurrent rollout: {@code concurrency} replays run at once; when each reaches step 40 they wait at a
 *   barrier, the heap is measured after GC and compared with the heap before they started.</li>
 * </ol>
 * Args: [runs=5] [concurrency=8] [workdir=/tmp/fixpoint-bench-agent]
 */
public final class AgentBench {

    static final String TASK = "fixpoint-samples__verspec-1";
    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path work = Path.of(args.length > 2 ? args[2] : "/tmp/fixpoint-bench-agent");
        Files.createDirectories(work);
        Task task = Samples.task(TASK);

        try (DockerSandboxProvider docker = DockerSandboxProvider.create()) {
            Path trajectory = work.resolve("trajectory-50.jsonl");
            Candidate recorded = run(docker, task, work, new ScriptedModel("scripted:bench", session()), trajectory, List.of());
            check(recorded, "recording");
            System.out.printf("recorded %d-step trajectory: %s (%d bytes)%n", recorded.steps(), trajectory, Files.size(trajectory));

            // warm-up replay (JIT, docker client), not measured
            check(run(docker, task, work, ReplayModel.fromFile(trajectory), work.resolve("replay-warmup.jsonl"), List.of()), "warm-up");

            var overheads = new ArrayList<Double>();
            var bookkeeping = new ArrayList<Double>();
            var perTool = new TreeMap<String, List<Double>>();
            for (int i = 0; i < runs; i++) {
                var timer = new StepTimer();
                Candidate c = run(docker, task, work, ReplayModel.fromFile(trajectory), work.resolve("replay-" + i + ".jsonl"), List.of(timer));
                check(c, "replay " + i);
                overheads.addAll(timer.overheadsMs);
                bookkeeping.addAll(timer.bookkeepingMs);
                timer.toolMs.forEach((k, v) -> perTool.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            }
            System.out.printf("%nper-step overhead excluding model time (%d replays x 50 steps = %d samples)%n", runs, overheads.size());
            System.out.printf("  median %.2f ms   p95 %.2f ms   mean %.2f ms   max %.2f ms   (target: median <= 20 ms)%n",
                    pct(overheads, 50), pct(overheads, 95), overheads.stream().mapToDouble(d -> d).average().orElse(0), pct(overheads, 100));
            System.out.printf("  of which agent bookkeeping (loop, messages, trajectory record written and flushed): median %.3f ms   p95 %.3f ms%n",
                    pct(bookkeeping, 50), pct(bookkeeping, 95));
            System.out.printf("  sandbox floor now: exec of `true` median %.2f ms (load average %.1f on %d cores)%n",
                    execFloor(docker, task), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println("  per tool call, median / p95 (ms):");
            perTool.forEach((tool, v) -> System.out.printf("    %-12s %6.2f / %6.2f  (n=%d)%n", tool, pct(v, 50), pct(v, 95), v.size()));

            memory(docker, task, work, trajectory, concurrency);
        }
    }

    /** A scripted 50-step session mixing view, search, edit, bash and find_symbol. */
    static List<ModelResponse> session() throws Exception {
        var s = new ArrayList<ModelResponse>();
        String file = "verspec/ranges.py";
        for (int i = 0; i < 5; i++) {
            s.add(call("view", json("path", ".")));
            s.add(call("view", json("path", file, "start_line", String.valueOf(1 + i * 20), "end_line", String.valueOf(40 + i * 20))));
            s.add(call("search", json("pattern", "def _expand")));
            s.add(call("search", json("pattern", "Comparator\\(\"[<>]=?\"", "regex", "true", "include", "*.py")));
            s.add(call("edit", json("command", "str_replace", "path", file, "old_str", "def _expand_hyphen(", "new_str", "# bench " + i + "\ndef _expand_hyphen(")));
            s.add(call("bash", json("command", "python3 -c 'import verspec; print(verspec.parse_range(\"1.2 - 1.4\"))'")));
            s.add(call("edit", json("command", "undo", "path", file)));
            s.add(call("bash", json("command", "git status --short && wc -l " + file)));
            s.add(call("find_symbol", json("name", "parse_range")));
            s.add(call("view", json("path", "tests/test_ranges.py", "start_line", "1", "end_line", "30")));
        }
        s.set(49, call("submit", json("summary", "bench")));
        return s;
    }

    static Candidate run(DockerSandboxProvider docker, Task task, Path work, dev.fixpoint.models.Model model, Path trajectory,
                         List<AgentListener> extra) throws Exception {
        Path dir = Files.createTempDirectory(work, "repo");
        Path repo = Samples.cloneAtBase(task, dir);
        try (Sandbox box = docker.start(SandboxSpec.builder(task.environment().image()).workdir(task.environment().workdir()).build());
             TrajectoryRecorder recorder = TrajectoryRecorder.open(trajectory)) {
            box.copyIn(repo, task.environment().workdir());
            var listeners = new ArrayList<AgentListener>();
            listeners.add(recorder);
            listeners.addAll(extra);
            return Agent.builder(model).build().run(task, box, listeners.toArray(AgentListener[]::new));
        } finally {
            deleteTree(dir);
        }
    }

    /** Runs {@code n} replays at once; all pause at step 40 while the heap is measured. */
    static void memory(DockerSandboxProvider docker, Task task, Path work, Path trajectory, int n) throws Exception {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(mem);
        var barrier = new CyclicBarrier(n + 1);
        var release = new CyclicBarrier(n + 1);
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> new Thread(r, "bench-rollout"));
        var futures = new ArrayList<Future<Candidate>>();
        for (int i = 0; i < n; i++) {
            int k = i;
            AgentListener pause = new AgentListener() {
                @Override
                public void onStep(Step step) {
                    if (step.index() != 40) return;
                    try {
                        barrier.await(5, TimeUnit.MINUTES);
                        release.await(5, TimeUnit.MINUTES);
                    } catch (Exception e) {
                        throw new IllegalStateException("bench barrier broken", e);
                    }
                }
            };
            futures.add(pool.submit(() -> run(docker, task, work, ReplayModel.fromFile(trajectory), work.resolve("concurrent-" + k + ".jsonl"), List.of(pause))));
        }
        barrier.await(5, TimeUnit.MINUTES);
        long during = usedAfterGc(mem);
        release.await(5, TimeUnit.MINUTES);
        for (Future<Candidate> f : futures) check(f.get(5, TimeUnit.MINUTES), "concurrent replay");
        pool.shutdown();
        double perRollout = (during - before) / (double) n / (1 << 20);
        System.out.printf("%nheap with %d concurrent rollouts paused at step 40 (after GC): before %.1f MB, during %.1f MB%n",
                n, before / 1048576.0, during / 1048576.0);
        System.out.printf("  heap per concurrent rollout: %.2f MB   (target: <= 64 MB)%n", perRollout);
    }

    /** Median of 50 execs of `true` in a fresh sandbox: the floor any tool call pays. */
    static double execFloor(DockerSandboxProvider docker, Task task) {
        try (Sandbox box = docker.start(SandboxSpec.builder(task.environment().image()).workdir("/").build())) {
            var t = new ArrayList<Double>();
            for (int i = 0; i < 50; i++) {
                long s = System.nanoTime();
                box.exec("true", java.time.Duration.ofSeconds(10));
                t.add((System.nanoTime() - s) / 1e6);
            }
            return pct(t, 50);
        }
    }

    static long usedAfterGc(MemoryMXBean mem) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    /** Overhead per step: time since the previous step ended, minus the model call. */
    static final class StepTimer implements AgentListener {
        final List<Double> overheadsMs = new ArrayList<>();
        final List<Double> bookkeepingMs = new ArrayList<>();
        final Map<String, List<Double>> toolMs = new TreeMap<>();
        long last;

        @Override
        public void onStart(RolloutStart start) {
            last = System.nanoTime();
        }

        @Override
        public void onStep(Step step) {
            long now = System.nanoTime();
            long overhead = now - last - step.modelTime().toNanos();
            overheadsMs.add(overhead / 1e6);
            long tools = step.toolRuns().stream().mapToLong(r -> r.duration().toNanos()).sum();
            bookkeepingMs.add((overhead - tools) / 1e6);
            for (ToolRun r : step.toolRuns()) {
                toolMs.computeIfAbsent(r.call().name(), k -> new ArrayList<>()).add(r.duration().toNanos() / 1e6);
            }
            last = now;
        }
    }

    static void check(Candidate c, String what) {
        if (c.outcome() != Outcome.SUBMITTED || c.steps() != 50) {
            throw new IllegalStateException(what + ": expected 50 steps ending in submit, got " + c.outcome() + " after " + c.steps() + ": " + c.error());
        }
    }

    static double pct(List<Double> values, int p) {
        var sorted = values.stream().sorted().toList();
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static String json(String... kv) throws Exception {
        var node = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i].equals("regex")) node.put(kv[i], Boolean.parseBoolean(kv[i + 1]));
            else node.put(kv[i], kv[i + 1]);
        }
        return JSON.writeValueAsString(node);
    }

    static void deleteTree(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
