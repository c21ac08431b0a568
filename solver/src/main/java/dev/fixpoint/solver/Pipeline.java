package dev.fixpoint.solver;

import dev.fixpoint.models.Budget;
import dev.fixpoint.models.PriceTable;
import dev.fixpoint.sandbox.InstanceImages;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.models.GovernedModel;
import dev.fixpoint.models.ModelCallLog;
import dev.fixpoint.solver.RolloutLauncher.Launch;
import dev.fixpoint.solver.run.RolloutRecord;
import dev.fixpoint.solver.run.SelectionReport;
import dev.fixpoint.solver.run.TaskDirectory;
import dev.fixpoint.solver.prepare.InstancePreparer;
import dev.fixpoint.solver.prepare.PreparedTask;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.HybridConfig;
import dev.fixpoint.verifiers.HybridVerifier;
import dev.fixpoint.verifiers.Verification;
import dev.fixpoint.verifiers.VerifierException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Solves tasks: prepare the task once (workspace from the mirror cache, instance image), run its rollouts in
 * parallel (each in its own sandbox) beside the test-writing sessions, verify and select (or abstain) with the
 * verifiers' {@link HybridVerifier}, and report. It orchestrates; the work is done by {@link InstancePreparer},
 * {@link RolloutLauncher} (with {@link RolloutRunner}), {@link TestWriter}, {@link VerificationStage} and
 * {@link SelectionReport}. Concurrency is bounded by the shared {@link Concurrency} (the verifiers' sandboxes too),
 * spending by the {@link Budget}.
 * Thread-safe: several tasks may be solved at once. {@link #close()} stops the worker pool (idempotent).
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private final SandboxProvider sandboxes;
    private final InstancePreparer preparer;
    private final ModelSource models;
    private final PipelineConfig config;
    private final Budget budget;
    private final Concurrency concurrency;
    private final String runId;
    private final RolloutRunner rollouts;
    private final TestWriter testWriter;
    private final BoundedSandboxes verifierSandboxes;

    private <S extends SandboxProvider & InstanceImages> Pipeline(Builder<S> b) {
        this.sandboxes = b.runOn != null ? b.runOn : Objects.requireNonNull(b.sandboxes, "sandboxes");
        this.preparer = b.prebuilt != null ? new InstancePreparer(Objects.requireNonNull(b.cache, "cache"), b.prebuilt)
                : new InstancePreparer(Objects.requireNonNull(b.cache, "cache"), Objects.requireNonNull(b.sandboxes, "sandboxes"), b.publisher);
        this.models = Objects.requireNonNull(b.models, "models");
        this.config = Objects.requireNonNull(b.config, "config");
        this.budget = Objects.requireNonNull(b.budget, "budget");
        this.concurrency = Objects.requireNonNull(b.concurrency, "concurrency");
        this.runId = Objects.requireNonNull(b.runId, "runId");
        AgentSessions sessions = new AgentSessions(sandboxes, concurrency, models, config, b.prices, runId);
        this.rollouts = new RolloutRunner(sessions);
        this.verifierSandboxes = new BoundedSandboxes(sandboxes, concurrency);
        this.testWriter = new TestWriter(sessions);
    }

    public static <S extends SandboxProvider & InstanceImages> Builder<S> builder(S sandboxes) {
        return new Builder<>(sandboxes);
    }

    public Budget budget() {
        return budget;
    }

    public ModelSource models() {
        return models;
    }

    /** Re-run advice in an ERROR's reasons. */
    static final String RETRY = "the task is not finished: re-run the same command with the same output directory to retry it";

    /**
     * Solves one task, writing its rollouts and selection report under {@code dir}. Infrastructure failures become an
     * ERROR outcome; so do model failures that leave nothing to choose from: every rollout failed (model or sandbox
     * error) and none left a patch, or the selection abstained while every model call of the verification (test
     * writers, test generation, judge) failed for the model's reasons. A task where only some rollouts failed keeps
     * its outcome, and its reasons say how many failed and why.
     */
    public TaskOutcome solve(Task task, TaskDirectory dir, PipelineListener listener) throws InterruptedException {
        long t0 = System.nanoTime();
        Budget.Ledger ledger = budget.task(task.instanceId());
        var verifierCalls = new ModelCallLog();
        try (PreparedTask prepared = preparer.prepare(task);
             VerificationStage verification = verification(prepared, config.testWriters(), dir, ledger, verifierCalls)) {
            Launch launch = new RolloutLauncher(prepared, dir, ledger, verification, listener, config, rollouts, concurrency).call();
            List<RolloutRecord> done = launch.done;
            var failures = new RolloutFailures(launch.attempted());
            TaskOutcome outcome;
            if (launch.budgetNote != null) {
                outcome = outcome(task, TaskOutcome.Status.BUDGET_EXHAUSTED, null, launch, List.of(launch.budgetNote), ledger, t0, false);
                SelectionReport.write(dir, outcome, models, null, null, done, launch.adaptiveNote);
            } else if (failures.noCandidate().isPresent()) {
                outcome = outcome(task, TaskOutcome.Status.ERROR, null, launch, List.of(failures.noCandidate().get(), RETRY),
                        ledger, t0, failures.model());
                log.error("{}: {}", task.instanceId(), failures.noCandidate().get());
                SelectionReport.write(dir, outcome, models, null, null, launch.attempted(), launch.adaptiveNote);
            } else {
                List<CandidatePatch> pool = pool(done);
                Verification result = verification.verify(pool);
                var sel = result.selection();
                List<String> reasons = new ArrayList<>(sel.reasons());
                if (launch.adaptiveNote != null) reasons.add(launch.adaptiveNote);
                failures.note().ifPresent(reasons::add);
                String chosen = sel.chosenCandidateId();
                if (sel.abstained() && verifierCalls.allFailed()) {
                    reasons.add(0, "verification could not choose: the model did not answer: " + verifierCalls.summary());
                    reasons.add(RETRY);
                    outcome = outcome(task, TaskOutcome.Status.ERROR, null, launch, reasons, ledger, t0, true);
                    log.error("{}: {}", task.instanceId(), reasons.get(0));
                } else {
                    outcome = outcome(task, sel.abstained() ? TaskOutcome.Status.ABSTAINED : TaskOutcome.Status.SELECTED,
                            chosen, launch, reasons, ledger, t0, false);
                }
                SelectionReport.write(dir, outcome, models, result, verification.cluster(pool), launch.attempted(), launch.adaptiveNote);
            }
            listener.onTaskFinished(outcome);
            return outcome;
        } catch (SolverException | VerifierException | dev.fixpoint.tasks.git.WorkspaceException | dev.fixpoint.sandbox.SandboxException e) {
            log.error("{}: {}", task.instanceId(), e.getMessage());
            var outcome = TaskOutcome.builder().instanceId(task.instanceId()).status(TaskOutcome.Status.ERROR).planned(config.rollouts())
                    .reasons(List.of(e.getMessage())).spend(ledger.spent()).wallTime(Duration.ofNanos(System.nanoTime() - t0)).build();
            listener.onTaskFinished(outcome);
            return outcome;
        }
    }

    private TaskOutcome outcome(Task task, TaskOutcome.Status status, String chosen, Launch l, List<String> reasons, Budget.Ledger ledger,
                                long t0, boolean modelFailure) {
        String patch = chosen == null ? "" : l.done.stream().filter(r -> candidateId(r).equals(chosen)).findFirst()
                .map(r -> r.candidate().patch()).orElse("");
        return TaskOutcome.builder().instanceId(task.instanceId()).status(status).patch(patch).chosen(chosen).planned(config.rollouts())
                .ran(l.ran).reused(l.reused).savedByAdaptive(l.savedByAdaptive).skippedByBudget(l.skippedByBudget).reasons(reasons)
                .spend(ledger.spent()).wallTime(Duration.ofNanos(System.nanoTime() - t0)).modelFailure(modelFailure).build();
    }

    /**
     * Ensemble selection: verifies a pool of patches from elsewhere (other systems' predictions) with reproduction
     * tests (test-writing sessions, generated tests) and the repository's regression tests, and selects or abstains.
     *
     * @param testWriters test-writing sessions to run for the pool of reproduction tests
     */
    public Ensemble selectAmong(Task task, List<CandidatePatch> pool, int testWriters, TaskDirectory dir) throws InterruptedException {
        Budget.Ledger ledger = budget.task(task.instanceId());
        var calls = new ModelCallLog();
        try (PreparedTask prepared = preparer.prepare(task);
             VerificationStage verification = verification(prepared, testWriters, dir, ledger, calls)) {
            Verification v = verification.verify(pool);
            return new Ensemble(v, v.selection().abstained() && calls.allFailed()
                    ? Optional.of("verification could not choose: the model did not answer: " + calls.summary()) : Optional.empty());
        }
    }

    /**
     * What {@link #selectAmong} found.
     *
     * @param modelFailure why the task is an error rather than an abstention: the selection abstained while every
     *                     model call of its verification failed for the model's reasons
     */
    public record Ensemble(Verification verification, Optional<String> modelFailure) {}

    /**
     * The task's verification: a session of the hybrid verifier on the instance image, its model (test generation
     * and judge) spending from the task's ledger, and {@code testWriters} test-writing sessions started beside.
     */
    private VerificationStage verification(PreparedTask prepared, int testWriters, TaskDirectory dir, Budget.Ledger ledger,
                                           ModelCallLog calls) {
        HybridConfig hybrid = HybridConfig.builder().strategy(config.selection().toStrategy()).runId(runId)
                .budget(config.verificationBudget()).regressionFiles(config.regressionTestFiles()).build();
        HybridVerifier verifier = new HybridVerifier(verifierSandboxes, judge(ledger, calls).orElse(null), hybrid);
        var stop = new AtomicBoolean();
        var writers = testWriters == 0 ? null
                : concurrency.pool().submit(() -> testWriter.write(prepared, testWriters, dir, ledger, calls, stop::get));
        return new VerificationStage(prepared, verifier.session(prepared.task(), prepared.baseTree(), prepared.image()), writers, stop);
    }

    private Optional<dev.fixpoint.models.Model> judge(Budget.Ledger ledger, ModelCallLog calls) {
        if (!config.selection().judge() || ledger.exhausted().isPresent()) return Optional.empty();
        return models.judge().map(m -> new GovernedModel(m, concurrency, ledger, calls));
    }

    /** The candidate pool in rollout order (the selector's last tie-breaker); reproduction scripts ride along. */
    static List<CandidatePatch> pool(List<RolloutRecord> done) {
        return done.stream().map(r -> CandidatePatch.from(candidateId(r), r.candidate())).toList();
    }

    static String candidateId(RolloutRecord r) {
        return "rollout-" + r.settings().index();
    }

    @Override
    public void close() {
        concurrency.close();
    }

    /** Options of a {@link Pipeline}. */
    public static final class Builder<S extends SandboxProvider & InstanceImages> {
        private final S sandboxes;
        private SandboxProvider runOn;
        private RepoCache cache;
        private ModelSource models;
        private PipelineConfig config;
        private Budget budget;
        private Concurrency concurrency;
        private PriceTable prices = PriceTable.defaults();
        private String runId = "run-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        private java.util.function.UnaryOperator<String> publisher = java.util.function.UnaryOperator.identity();
        private dev.fixpoint.solver.prepare.PrebuiltInstances prebuilt;

        private Builder(S sandboxes) {
            this.sandboxes = sandboxes;
        }

        public Builder<S> cache(RepoCache v) { cache = v; return this; }
        public Builder<S> models(ModelSource v) { models = v; return this; }
        public Builder<S> config(PipelineConfig v) { config = v; return this; }
        public Builder<S> budget(Budget v) { budget = v; return this; }
        public Builder<S> concurrency(Concurrency v) { concurrency = v; return this; }
        public Builder<S> prices(PriceTable v) { prices = v; return this; }
        public Builder<S> runId(String v) { runId = v; return this; }
        /** Makes each ready instance image pullable elsewhere (a registry push) and returns the name sandboxes use. */
        public Builder<S> publisher(java.util.function.UnaryOperator<String> v) { publisher = v; return this; }

        /**
         * Starts the rollouts' and verifiers' sandboxes with {@code v} (e.g. pods) while instance images are still
         * prepared by the builder's provider; null (the default) starts them there too.
         */
        public Builder<S> runSandboxesOn(SandboxProvider v) { runOn = v; return this; }

        /**
         * Bakes no instance image: each task's is the one pushed beforehand to a registry (the builder's provider may then
         * be null, the sandboxes run on {@link #runSandboxesOn}); null (the default) bakes them with the builder's provider.
         */
        public Builder<S> prebuilt(dev.fixpoint.solver.prepare.PrebuiltInstances v) { prebuilt = v; return this; }

        public Pipeline build() {
            if (budget == null) budget = Budget.unlimited(prices);
            if (concurrency == null) concurrency = new Concurrency(Concurrency.Limits.forWorkers(2));
            return new Pipeline(this);
        }
    }
}
