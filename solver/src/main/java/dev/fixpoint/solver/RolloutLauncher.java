package dev.fixpoint.solver;

import dev.fixpoint.agent.Outcome;
import dev.fixpoint.models.Budget;
import dev.fixpoint.solver.prepare.PreparedTask;
import dev.fixpoint.solver.run.RolloutRecord;
import dev.fixpoint.solver.run.TaskDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;

/**
 * One task's rollout launch, used once: {@link #call()} launches rollouts 1..N, at most as many at once as the run's
 * rollout limit, reusing rollouts a killed run finished; it stops launching when the budget is exhausted or (adaptive
 * compute) a cluster agrees with passing evidence, and waits for the rollouts already running.
 */
final class RolloutLauncher {

    private static final Logger log = LoggerFactory.getLogger(RolloutLauncher.class);

    /** What the launch did. */
    static final class Launch {
        /** Rollouts finished (reused or run), in the candidate pool. */
        final List<RolloutRecord> done = new ArrayList<>();
        /** Rollouts whose sandbox failed: not saved, not in the pool. */
        final List<RolloutRecord> failed = new ArrayList<>();
        int ran, reused, savedByAdaptive, skippedByBudget;
        String budgetNote, adaptiveNote;

        List<RolloutRecord> attempted() {
            var all = new ArrayList<>(done);
            all.addAll(failed);
            all.sort(Comparator.comparingInt(r -> r.settings().index()));
            return all;
        }
    }

    private final PreparedTask prepared;
    private final String id;
    private final TaskDirectory dir;
    private final Budget.Ledger ledger;
    private final VerificationStage verification;
    private final PipelineListener listener;
    private final PipelineConfig config;
    private final RolloutRunner rollouts;
    private final int maxRunning;
    private final ExecutorCompletionService<RolloutRunner.Result> completion;
    private final List<Future<RolloutRunner.Result>> running = new ArrayList<>();
    private final Launch launch = new Launch();
    private int next = 1;
    private boolean stopped;

    RolloutLauncher(PreparedTask prepared, TaskDirectory dir, Budget.Ledger ledger, VerificationStage verification,
                    PipelineListener listener, PipelineConfig config, RolloutRunner rollouts, Concurrency concurrency) {
        this.prepared = prepared;
        this.id = prepared.task().instanceId();
        this.dir = dir;
        this.ledger = ledger;
        this.verification = verification;
        this.listener = listener;
        this.config = config;
        this.rollouts = rollouts;
        this.maxRunning = concurrency.limits().rollouts();
        this.completion = new ExecutorCompletionService<>(concurrency.pool());
    }

    Launch call() throws InterruptedException {
        try {
            fillSlots();
            while (!running.isEmpty()) {
                collect(takeFinished());
                if (!stopped) stopped = adaptiveStop();
                fillSlots();
            }
        } finally {
            running.forEach(f -> f.cancel(true));
        }
        launch.done.sort(Comparator.comparingInt(r -> r.settings().index()));
        return launch;
    }

    /** Launches (or reuses) the next rollouts while there are free slots and nothing says stop. */
    private void fillSlots() throws InterruptedException {
        while (!stopped && next <= config.rollouts() && running.size() < maxRunning) {
            Optional<RolloutRecord> finished = dir.reusableRollout(next);
            if (finished.isPresent()) {
                reuse(finished.get());
            } else if (budgetExhausted()) {
                return;
            } else {
                RolloutSettings settings = config.diversity().settings(next);
                running.add(completion.submit(() -> rollouts.run(prepared, settings, dir, ledger)));
            }
            next++;
            stopped = adaptiveStop();
        }
    }

    private void reuse(RolloutRecord finished) {
        launch.done.add(finished);
        launch.reused++;
        listener.onRolloutFinished(id, finished, true);
    }

    /** Whether the budget forbids launching rollout {@code next}; if so the rest are skipped and the launch stops. */
    private boolean budgetExhausted() {
        Optional<String> exhausted = ledger.exhausted();
        if (exhausted.isEmpty()) return false;
        launch.skippedByBudget = config.rollouts() - next + 1;
        launch.budgetNote = exhausted.get() + ": " + launch.skippedByBudget + " of " + config.rollouts() + " rollouts not launched";
        listener.onRolloutsSkipped(id, launch.skippedByBudget, "budget");
        stopped = true;
        return true;
    }

    private RolloutRunner.Result takeFinished() throws InterruptedException {
        Future<RolloutRunner.Result> f = completion.take();
        running.remove(f);
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            throw new SolverException(id + ": rollout failed: " + cause, cause);
        }
    }

    /** Files a finished rollout: into the pool, among the failed, or (cut by the budget) into the budget note. */
    private void collect(RolloutRunner.Result r) {
        launch.ran++;
        listener.onRolloutFinished(id, r.record(), false);
        if (r.persisted()) {
            launch.done.add(r.record());
        } else if (r.record().candidate().outcome() == Outcome.SANDBOX_ERROR) {
            launch.failed.add(r.record());
        } else if (ledger.exhausted().isPresent() && launch.budgetNote == null) {
            launch.budgetNote = ledger.exhausted().get() + ": rollout " + r.record().settings().index() + " was cut short";
        }
    }

    /** Adaptive compute: whether the finished candidates agree with passing evidence, so the rest need not launch. */
    private boolean adaptiveStop() throws InterruptedException {
        if (config.stopAfterAgreeing() == 0 || next > config.rollouts() || launch.done.size() < config.stopAfterAgreeing()) return false;
        List<RolloutRecord> sorted = launch.done.stream().sorted(Comparator.comparingInt(r -> r.settings().index())).toList();
        Optional<String> agreed = new AdaptiveStop(config.stopAfterAgreeing()).check(Pipeline.pool(sorted), verification);
        if (agreed.isEmpty()) return false;
        launch.savedByAdaptive = config.rollouts() - next + 1;
        launch.adaptiveNote = "adaptive stop: " + agreed.get() + "; " + launch.savedByAdaptive + " of " + config.rollouts() + " rollouts not launched";
        log.info("{}: {}", id, launch.adaptiveNote);
        listener.onRolloutsSkipped(id, launch.savedByAdaptive, "adaptive");
        return true;
    }
}
