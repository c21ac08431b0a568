package dev.fixpoint.solver;

import dev.fixpoint.harness.DaemonThreads;
import dev.fixpoint.models.CallSlots;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one place concurrency is bounded: rollouts in flight, containers alive, model calls in flight per provider,
 * and the pipeline's named worker pool (sized for the rollouts plus the verification work beside them).
 * Shared by every task of a run. {@link #close()} stops the pool (idempotent).
 */
public final class Concurrency implements CallSlots, AutoCloseable {

    /**
     * @param rollouts          rollouts running at once (over all tasks)
     * @param containers        sandboxes alive at once (rollouts and verification)
     * @param modelCalls        model calls in flight at once, per provider
     * @param tasks             tasks in progress at once (one verifies while the next runs rollouts)
     */
    public record Limits(int rollouts, int containers, int modelCalls, int tasks) {
        public Limits {
            if (rollouts < 1) throw new IllegalArgumentException("rollouts in flight must be >= 1: " + rollouts);
            if (containers < 1) throw new IllegalArgumentException("containers alive must be >= 1: " + containers);
            if (modelCalls < 1) throw new IllegalArgumentException("model calls in flight must be >= 1: " + modelCalls);
            if (tasks < 1) throw new IllegalArgumentException("tasks in flight must be >= 1: " + tasks);
        }

        /** {@code workers} rollouts, as many containers plus one per task for verification, as many model calls. */
        public static Limits forWorkers(int workers) {
            int tasks = Math.max(1, Math.min(2, workers));
            return new Limits(workers, workers + tasks, workers, tasks);
        }
    }

    private final Limits limits;
    private final Semaphore rollouts;
    private final Semaphore containers;
    private final Map<String, Semaphore> modelCalls = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor pool;

    public Concurrency(Limits limits) {
        this.limits = limits;
        this.rollouts = new Semaphore(limits.rollouts(), true);
        this.containers = new Semaphore(limits.containers(), true);
        int threads = limits.rollouts() + limits.tasks();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), DaemonThreads.named("fixpoint-worker"));
        pool.allowCoreThreadTimeOut(true);
    }

    public Limits limits() {
        return limits;
    }

    /** The pipeline's worker pool. */
    public ExecutorService pool() {
        return pool;
    }

    public <T> T withRollout(Supplier<T> work) throws InterruptedException {
        return with(rollouts, work);
    }

    public <T> T withContainer(Supplier<T> work) throws InterruptedException {
        return with(containers, work);
    }

    /** Takes a container permit for a sandbox started outside {@link #withContainer}; see {@link BoundedSandboxes}. */
    void acquireContainer() throws InterruptedException {
        containers.acquire();
    }

    void releaseContainer() {
        containers.release();
    }

    /** Runs one model call of {@code provider} ("openai", "scripted", ...) within that provider's bound. */
    @Override
    public <T> T withModelCall(String provider, Supplier<T> call) throws InterruptedException {
        return with(modelCalls.computeIfAbsent(provider, p -> new Semaphore(limits.modelCalls(), true)), call);
    }

    private static <T> T with(Semaphore s, Supplier<T> work) throws InterruptedException {
        s.acquire();
        try {
            return work.get();
        } finally {
            s.release();
        }
    }

    /** Time that work still running at {@link #close()} gets to end, e.g. cancelled sessions removing their sandboxes. */
    static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(30);

    /**
     * Stops the pool: work still running (test-writing sessions of a finished task, already cancelled) gets up to
     * {@link #DRAIN} to end without being interrupted again, so that it removes its sandboxes before the process
     * exits (a second interrupt would break the removal); then what is left is interrupted.
     */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                org.slf4j.LoggerFactory.getLogger(Concurrency.class).warn("work still running at close did not end within {} s: "
                        + "interrupted; containers it leaves are removed by the next run's prune", DRAIN.toSeconds());
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
