package dev.fixpoint.verifiers;

import dev.fixpoint.models.Model;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.dedup.BaseFiles;
import dev.fixpoint.verifiers.dedup.CandidateClusterer;
import dev.fixpoint.verifiers.dedup.Cluster;
import dev.fixpoint.verifiers.dedup.Clustering;
import dev.fixpoint.verifiers.exec.ChosenTestFile;
import dev.fixpoint.verifiers.exec.ExecutionVerifier;
import dev.fixpoint.verifiers.exec.GeneratedTests;
import dev.fixpoint.verifiers.exec.MatrixCache;
import dev.fixpoint.verifiers.exec.RegressionTests;
import dev.fixpoint.verifiers.exec.RunResult;
import dev.fixpoint.verifiers.exec.TestGenerator;
import dev.fixpoint.verifiers.exec.TestCommand;
import dev.fixpoint.verifiers.exec.TestMatrix;
import dev.fixpoint.verifiers.exec.TimeBudget;
import dev.fixpoint.verifiers.exec.VerificationTest;
import dev.fixpoint.verifiers.judge.JudgeReport;
import dev.fixpoint.verifiers.judge.ModelVerifier;
import dev.fixpoint.verifiers.select.Evidence;
import dev.fixpoint.verifiers.select.ExecutionEvidence;
import dev.fixpoint.verifiers.select.Selection;
import dev.fixpoint.verifiers.select.SelectionStrategy;
import dev.fixpoint.verifiers.select.Selector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HybridVerifier}'s work on one task, kept between calls so that a pool verified again as it grows (the
 * pipeline's adaptive stop looks after every rollout) runs nothing twice: the model is asked for tests once, each
 * contributor's reproduction scripts are checked on the base code once, each chosen regression test file runs on the
 * base code once, and each distinct patch meets each test once ({@link MatrixCache}). Every sandbox run is charged to
 * the task's verification budget ({@link HybridConfig#budget()}); once it is spent nothing new starts and selection
 * reads what was gathered, with a note. {@link Verification#compute()} counts everything the session spent. Get one
 * from {@link HybridVerifier#session}; not thread-safe (confine it to the task's thread).
 */
public final class VerificationSession {

    private static final Logger log = LoggerFactory.getLogger(VerificationSession.class);

    private final Model model;
    private final HybridConfig config;
    private final Task task;
    private final Path baseTree;
    private final ExecutionVerifier executor;
    private final MatrixCache matrix;
    private final CandidateClusterer clusterer = new CandidateClusterer();
    private final Selector selector = new Selector();

    private final List<CandidatePatch> scriptWriters = new ArrayList<>();
    private final Set<String> scriptsChecked = new HashSet<>();
    private final List<VerificationTest> kept = new ArrayList<>();
    private final List<String> discarded = new ArrayList<>();
    private boolean asked;
    private ModelSpend generation = ModelSpend.NONE;
    private final TimeBudget budget;
    private final Set<String> baseRanFiles = new HashSet<>();
    private final Set<String> basePassed = new TreeSet<>();
    private boolean baseRanAll;
    private String baseCommand = "";
    private Verification.Regression regression = Verification.Regression.none();
    private Duration testTime = Duration.ZERO;
    private int testSandboxes;

    VerificationSession(SandboxProvider sandboxes, Model model, HybridConfig config, Task task, Path baseTree,
                        String instanceImage) {
        this.model = model;
        this.config = config;
        this.task = Objects.requireNonNull(task, "task");
        this.baseTree = Objects.requireNonNull(baseTree, "baseTree");
        this.budget = new TimeBudget(config.budget());
        this.executor = new ExecutionVerifier(sandboxes, config.runId(), config.scriptTimeout(), instanceImage, budget);
        this.matrix = new MatrixCache(executor, task, baseTree, budget);
    }

    /**
     * Adds reproduction scripts that come from no candidate (test-writing sessions): checked on the base code like
     * the candidates' own scripts, and kept if they fail there. Ignored when the configuration leaves scripts out.
     *
     * @param source names them in reports, e.g. {@code testgen-1}; unique within the session
     * @param files  repository-relative path -> content
     */
    public void addScripts(String source, Map<String, String> files) {
        if (!files.isEmpty()) {
            scriptWriters.add(new CandidatePatch(source, "", files));
        }
    }

    /** The pool's clusters of equivalent changes. */
    public Clustering cluster(List<CandidatePatch> candidates) {
        return clusterer.cluster(candidates, BaseFiles.directory(baseTree));
    }

    /**
     * Execution evidence of one candidate's cluster alone, running only what is missing; empty when the strategy
     * reads no execution, nothing could apply, or no test is kept. No model is asked but for test generation.
     */
    public Optional<ExecutionEvidence> execution(List<CandidatePatch> candidates, String candidateId) {
        Clustering clustering = cluster(candidates);
        Cluster cluster = clustering.byCandidate().get(candidateId);
        if (cluster == null) {
            throw new IllegalArgumentException(task.instanceId() + ": no candidate " + candidateId + " in the pool");
        }
        if (!config.strategy().usesExecution() || !MatrixCache.runnable(cluster)) {
            return Optional.empty();
        }
        TestMatrix m = execute(candidates, clustering, cluster::equals, new ArrayList<>());
        return m == null || !m.runs().containsKey(candidateId) ? Optional.empty() : Optional.of(m.evidence(candidateId));
    }

    /** Verifies the pool and selects, or abstains; see {@link HybridVerifier}. */
    public Verification verify(List<CandidatePatch> candidates) {
        SelectionStrategy strategy = config.strategy();
        List<String> notes = new ArrayList<>();
        Clustering clustering = cluster(candidates);
        boolean anyRunnable = clustering.clusters().stream().anyMatch(MatrixCache::runnable);
        if (!anyRunnable) {
            notes.add("no candidate changes anything that could apply: nothing to run or judge");
        }
        TestMatrix tested = null;
        if (!strategy.usesExecution()) {
            notes.add(strategy.name() + " reads no execution evidence: no sandbox run");
        } else if (anyRunnable) {
            tested = execute(candidates, clustering, c -> true, notes);
        }
        Map<String, ExecutionEvidence> execution = tested == null ? Map.of() : tested.evidence();

        JudgeReport report = null;
        if (model == null) {
            notes.add("no model: no judge");
        } else if (!strategy.usesModel()) {
            notes.add(strategy.name() + " reads no judge verdict: judge not asked");
        } else if (anyRunnable) {
            report = new ModelVerifier(model, config.judge()).judge(task.problemStatement(), candidates, clustering, execution);
        }

        Selection selection = selector.select(strategy, Evidence.of(candidates, clustering, execution,
                report == null ? Map.of() : report.evidence()));
        Verification.Compute compute = new Verification.Compute(testTime.plus(matrix.sandboxTime()),
                testSandboxes + matrix.sandboxes(), generation,
                report == null ? ModelSpend.NONE : ModelSpend.of(report.calls(), report.usage()));
        log.info("{}: {} candidates in {} clusters -> {} ({} sandboxes, {} s, {} model calls)", task.instanceId(),
                candidates.size(), clustering.clusters().size(), selection.chosen().orElse("abstain"),
                compute.sandboxes(), compute.sandboxTime().toSeconds(), compute.modelCalls());
        GeneratedTests generated = asked ? new GeneratedTests(kept, discarded, generation, testTime, testSandboxes) : null;
        return new Verification(task.instanceId(), selection, Verification.Tests.of(generated, tested),
                report == null ? Verification.Judge.none() : Verification.Judge.of(report), compute, notes, regression);
    }

    /** Reproduction and regression tests, then the matrix of the clusters {@code which} accepts; null if no test. */
    private TestMatrix execute(List<CandidatePatch> candidates, Clustering clustering, Predicate<Cluster> which,
                               List<String> notes) {
        try {
            checkScripts(candidates, notes);
            List<VerificationTest> tests = new ArrayList<>(kept);
            if (kept.isEmpty()) {
                notes.add("no reproduction test fails on the base code");
            }
            if (config.regressionTests()) {
                TreeSet<String> changed = new TreeSet<>();
                clustering.clusters().stream().filter(MatrixCache::runnable).map(Cluster::files)
                        .forEach(changed::addAll);
                tests.addAll(regressionTests(changed, notes));
            }
            if (tests.isEmpty()) {
                notes.add("no test to run: no execution evidence");
                return null;
            }
            TestMatrix m = matrix.matrix(candidates, clustering, tests, which);
            if (!matrix.notRunForBudget().isEmpty()) {
                notes.add("verification budget of " + config.budget().toSeconds() + " s spent: "
                        + String.join(", ", matrix.notRunForBudget()) + " not run (no execution evidence)");
            }
            return m;
        } catch (SandboxException e) {
            throw new VerifierException(task.instanceId() + ": verification failed in a sandbox: " + e.getMessage(), e);
        }
    }

    /**
     * The regression tests of the change: the test files {@link RegressionTests#choose} picks from the tree, run on
     * the base code (only those not run before, and only with files to give the command), and their results that
     * passed there. Never the bare command: when no file relates, nothing runs.
     */
    private List<VerificationTest> regressionTests(Set<String> changed, List<String> notes) {
        TestCommand command = TestCommand.of(task);
        if (command.unusable().isPresent()) {
            notes.add("no regression tests: " + command.unusable().get());
            regression = new Verification.Regression(List.copyOf(changed), List.of(), 0, "");
            return List.of();
        }
        List<ChosenTestFile> chosen = RegressionTests.choose(baseTree, changed, config.regressionFiles());
        if (chosen.isEmpty()) {
            notes.add("no regression tests: no repository test file relates to the changed files "
                    + String.join(", ", changed) + " (the suite is not run instead)");
            regression = new Verification.Regression(List.copyOf(changed), List.of(), 0, "");
            return List.of();
        }
        List<String> files = chosen.stream().map(ChosenTestFile::file).toList();
        List<String> toRun = command.takesFiles() ? files.stream().filter(f -> !baseRanFiles.contains(f)).toList()
                : baseRanAll ? List.of() : files;
        if (!command.takesFiles()) {
            notes.add("the test command \"" + command.template() + "\" takes no {test_files}: it runs as written,"
                    + " bounded by the verification budget, and only the chosen files' results are read");
        }
        if (!toRun.isEmpty() && budget.spent()) {
            notes.add("verification budget of " + config.budget().toSeconds() + " s spent: regression files "
                    + String.join(", ", toRun) + " not run on the base code");
        } else if (!toRun.isEmpty()) {
            RunResult base = executor.baseRun(task, baseTree, toRun, budget.remaining());
            budget.charge(base.sandboxTime());
            testTime = testTime.plus(base.sandboxTime());
            testSandboxes++;
            baseRanFiles.addAll(toRun);
            baseRanAll = !command.takesFiles();
            basePassed.addAll(base.passed());
            List<String> all = files.stream().filter(baseRanFiles::contains).sorted().toList();
            baseCommand = command.forFiles(all);
            if (!base.problem().isEmpty()) {
                notes.add("regression tests on the base code: " + base.problem());
            }
            log.info("{}: regression test files {} on the base code: {} results passed in {} s", task.instanceId(),
                    toRun, base.passed().size(), base.sandboxTime().toSeconds());
        }
        List<ChosenTestFile> ran = chosen.stream().filter(c -> baseRanAll || baseRanFiles.contains(c.file())).toList();
        List<VerificationTest> tests = RegressionTests.fromBase(ran, basePassed);
        if (tests.isEmpty()) {
            notes.add("no regression tests: no result of the chosen test files passed on the base code");
        }
        regression = new Verification.Regression(List.copyOf(changed), chosen, tests.size(), baseCommand);
        return tests;
    }

    /** Asks the model for tests the first time; checks the scripts of contributors not seen before on the base code. */
    private void checkScripts(List<CandidatePatch> candidates, List<String> notes) {
        int count = asked || model == null ? 0 : config.generatedTests();
        if (!asked && model == null && config.generatedTests() > 0) {
            notes.add("no model: no tests generated");
        }
        List<CandidatePatch> fresh = new ArrayList<>();
        if (config.candidateScripts()) {
            for (CandidatePatch c : concat(scriptWriters, candidates)) {
                if (!c.reproductionFiles().isEmpty() && scriptsChecked.add(c.id())) {
                    fresh.add(c);
                }
            }
        }
        if (asked && fresh.isEmpty()) {
            return;
        }
        if (budget.spent()) {
            notes.add("verification budget of " + config.budget().toSeconds() + " s spent: "
                    + (asked ? "" : "no test generated; ") + "scripts of "
                    + fresh.stream().map(CandidatePatch::id).collect(java.util.stream.Collectors.joining(", "))
                    + " not checked");
            return;
        }
        GeneratedTests g = new TestGenerator(count == 0 ? null : model, executor, count).generate(task, baseTree, fresh);
        asked = true;
        kept.addAll(g.kept());
        discarded.addAll(g.discarded());
        generation = generation.plus(g.model());
        testTime = testTime.plus(g.sandboxTime());
        budget.charge(g.sandboxTime());
        testSandboxes += g.sandboxes();
    }

    private static List<CandidatePatch> concat(List<CandidatePatch> a, List<CandidatePatch> b) {
        List<CandidatePatch> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
