package dev.fixpoint.solver;

import dev.fixpoint.models.Budget;
import dev.fixpoint.models.Model;
import dev.fixpoint.models.ModelRequest;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.PriceTable;
import dev.fixpoint.agent.trajectory.ReplayModel;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.solver.model.ScriptedModels;
import dev.fixpoint.solver.run.RunDirectory;
import dev.fixpoint.solver.run.TaskDirectory;
import dev.fixpoint.solver.testing.Samples;
import dev.fixpoint.solver.prepare.InstancePreparer;
import dev.fixpoint.solver.prepare.PreparedTask;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.RepoLocator;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoader;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rollout benchmark: one sample task, its scripted gold session recorded once as a trajectory, then replayed
 * (ReplayModel) with an injected latency per model call: one rollout alone, then N rollouts of the same task in
 * parallel through the pipeline's {@link RolloutRunner} and {@link Concurrency}, in the same run. Prints the
 * wall-time ratio (N parallel / 1 alone) and the peak JVM heap (sampled every 50 ms).
 */
public final class RolloutBenchSupport {

    private RolloutBenchSupport() {}

    /** A replayed session that waits like a remote model would. */
    record SlowReplay(Path trajectory, long latencyMs) implements ModelSource {
        @Override public String label() { return "replay+latency"; }
        @Override public Model forRollout(Task task, RolloutSettings settings) {
            ReplayModel replay = ReplayModel.fromFile(trajectory);
            return new Model() {
                @Override public String id() { return replay.id(); }
                @Override public ModelResponse chat(ModelRequest request) {
                    try {
                        Thread.sleep(latencyMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new dev.fixpoint.models.ModelException(dev.fixpoint.models.ModelException.Kind.OTHER, "interrupted");
                    }
                    return replay.chat(request);
                }
            };
        }
        @Override public Optional<Model> forTestWriting(Task task, int k) { return Optional.empty(); }
        @Override public Optional<Model> judge() { return Optional.empty(); }
        @Override public boolean scripted() { return true; }
    }

    public static int run(int parallel, long latencyMs) throws Exception {
        String id = "fixpoint-samples__verspec-1";
        Task task = TaskLoader.strict().load(Samples.TASKS).tasks().stream().filter(t -> t.instanceId().equals(id)).findFirst().orElseThrow();
        Path work = Files.createTempDirectory("fixpoint-bench-rollouts-");
        RepoCache cache = RepoCache.open(work.resolve("cache"), RepoLocator.fromMirrorFile(Samples.MIRRORS));
        PriceTable prices = PriceTable.defaults().with("*", new PriceTable.Price(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        PipelineConfig config = PipelineConfig.defaults(parallel);
        var heap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            var mem = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                heap.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        try (DockerSandboxProvider docker = DockerSandboxProvider.builder().runId("bench-rollouts").build();
             Concurrency concurrency = new Concurrency(new Concurrency.Limits(parallel, parallel, parallel, 1))) {
            PreparedTask prepared = new InstancePreparer(cache, docker).prepare(task);
            RunDirectory dir = RunDirectory.open(work.resolve("run"));
            Budget budget = Budget.unlimited(prices);
            // 1. record: the scripted gold session once (also warms the image and the page cache)
            var scripted = new RolloutRunner(new AgentSessions(docker, concurrency, new ScriptedModels(Samples.SCRIPTS), config,
                    prices, "bench-rollouts"));
            TaskDirectory rec = dir.task("record");
            var recorded = scripted.run(prepared, new RolloutSettings(1, null, "default"), rec, budget.task(id));
            int steps = recorded.record().candidate().steps();
            System.out.printf("recorded %s: %d model calls, patch %d chars%n", recorded.record().candidate().modelId(), steps,
                    recorded.record().candidate().patch().length());
            var replay = new RolloutRunner(new AgentSessions(docker, concurrency, new SlowReplay(rec.trajectory(1), latencyMs),
                    config, prices, "bench-rollouts"));
            sampler.start();
            // 2. one rollout alone
            long t0 = System.nanoTime();
            var alone = replay.run(prepared, new RolloutSettings(1, null, "default"), dir.task("alone"), budget.task(id));
            double aloneS = (System.nanoTime() - t0) / 1e9;
            long heapAlone = heap.getAndSet(0);
            // 3. N rollouts in parallel, same run
            long t1 = System.nanoTime();
            List<Future<RolloutRunner.Result>> futures = new ArrayList<>();
            TaskDirectory par = dir.task("parallel");
            for (int k = 1; k <= parallel; k++) {
                RolloutSettings s = new RolloutSettings(k, null, "default");
                futures.add(concurrency.pool().submit(() -> replay.run(prepared, s, par, budget.task(id))));
            }
            int same = 0;
            double agentMax = 0, agentSum = 0;
            for (var f : futures) {
                var c = f.get().record().candidate();
                if (c.patch().equals(alone.record().candidate().patch())) same++;
                agentMax = Math.max(agentMax, c.wallTime().toMillis() / 1000.0);
                agentSum += c.wallTime().toMillis() / 1000.0;
            }
            double parS = (System.nanoTime() - t1) / 1e9;
            long heapPar = heap.get();
            sampler.interrupt();
            prepared.close();
            double ratio = parS / aloneS;
            System.out.printf("model latency injected: %d ms x %d calls = %.1f s per rollout%n", latencyMs, steps, latencyMs * steps / 1000.0);
            System.out.printf("1 rollout alone:         %.2f s (peak heap %d MB)%n", aloneS, heapAlone >> 20);
            System.out.printf("%d rollouts in parallel: %.2f s (peak heap %d MB; %d/%d reproduced the same patch)%n", parallel, parS, heapPar >> 20, same, parallel);
            System.out.printf("inside the agent loop: alone %.2f s; parallel mean %.2f s, max %.2f s (the rest is sandbox start and removal)%n",
                    alone.record().candidate().wallTime().toMillis() / 1000.0, agentSum / parallel, agentMax);
            System.out.printf("wall-time ratio %d-parallel / alone: %.3f (target <= 1.25) on %d cores%n", parallel, ratio,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("peak JVM heap: %d MB (max heap %d MB)%n", Math.max(heapAlone, heapPar) >> 20, Runtime.getRuntime().maxMemory() >> 20);
            return same == parallel ? 0 : 1;
        }
    }
}
