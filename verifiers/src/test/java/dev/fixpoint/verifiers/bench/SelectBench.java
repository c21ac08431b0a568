package dev.fixpoint.verifiers.bench;

import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.tasks.git.ApplyResult;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.RepoLocator;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoader;
import dev.fixpoint.tasks.git.Workspace;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.HybridConfig;
import dev.fixpoint.verifiers.HybridVerifier;
import dev.fixpoint.verifiers.Verification;
import dev.fixpoint.harness.WorkspaceTrees;
import dev.fixpoint.verifiers.select.ExecutionOnly;
import dev.fixpoint.verifiers.select.ExecutionThenModel;
import dev.fixpoint.verifiers.select.MajorityVote;
import dev.fixpoint.verifiers.select.ModelOnly;
import dev.fixpoint.verifiers.select.Selection;
import dev.fixpoint.verifiers.select.SelectionStrategy;
import dev.fixpoint.verifiers.select.Selector;
import dev.fixpoint.verifiers.select.WeightedScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * scripts/bench-select (issue 6, "Measurement"): selection accuracy, abstention and compute of every strategy on
 * fixed candidate pools of the sample tasks ({@link BenchPools}), with real execution in Docker, the scripted
 * {@link BenchModel} for test generation and judging, and every candidate graded by the harness.
 *
 * <p>Per pool the facade runs three times: once in full with the weighted strategy (its evidence is re-used by
 * execution-only and execution-then-model, so the sandboxes run once per pool), and once each for majority vote
 * (no sandbox, no model) and model-only (judge only), so that each strategy's compute is what it really needs.
 *
 * <p>Args: [samples dir = tasks/samples] [work dir = /tmp/fixpoint-bench-select] [instance id ...]
 */
public final class SelectBench {

    /** Strategies in report order; the first two read no model. */
    static final List<String> STRATEGIES = List.of("majority-vote", "execution-only", "model-only",
            "execution-then-model", "weighted");

    /** The strategies that read no model verdict (test generation aside: see the caveats). */
    static final List<String> NO_MODEL = List.of("majority-vote", "execution-only");

    private final Selector selector = new Selector();
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final Tally random = new Tally();
    private final Tally oracle = new Tally();
    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args.length > 0 ? args[0] : "tasks/samples").toAbsolutePath().normalize();
        Path work = Path.of(args.length > 1 ? args[1] : "/tmp/fixpoint-bench-select").toAbsolutePath();
        List<String> only = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        new SelectBench().run(samples, work, only);
    }

    private void run(Path samples, Path work, List<String> only) throws Exception {
        STRATEGIES.forEach(s -> tallies.put(s, new Tally()));
        Files.createDirectories(work);
        List<Task> tasks = TaskLoader.strict().load(samples.resolve("tasks.jsonl")).tasks().stream()
                .filter(t -> only.isEmpty() || only.contains(t.instanceId())).toList();
        RepoCache cache = RepoCache.open(work.resolve("cache"), RepoLocator.fromMirrorFile(samples.resolve("mirrors.json")));
        long start = System.nanoTime();
        try (DockerSandboxProvider sandboxes = DockerSandboxProvider.create()) {
            BenchGrader grader = new BenchGrader(sandboxes, new WorkspaceTrees(cache), work.resolve("grades"));
            for (Task task : tasks) {
                System.err.printf("[bench-select] %s%n", task.instanceId());
                BenchPools pools = BenchPools.of(task, samples.resolve("decoys"));
                Map<String, Boolean> resolves = new LinkedHashMap<>();
                for (CandidatePatch c : pools.withCorrect()) {
                    resolves.put(c.id(), grader.grade(task, c.id(), c.patch()).resolved());
                }
                try (Workspace ws = cache.checkout(task)) {
                    List<String> tests = testFiles(ws, task);
                    String fence = task.environment().resultFormat() == ResultFormat.JUNIT_XML ? "java" : "python";
                    for (boolean withCorrect : new boolean[] {true, false}) {
                        List<CandidatePatch> pool = withCorrect ? pools.withCorrect() : pools.withoutCorrect();
                        runPool(task, ws.directory(), pool, withCorrect, resolves, sandboxes, tests, fence);
                    }
                }
            }
            print(tasks.size(), pools(), grader.spent(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void runPool(Task task, Path tree, List<CandidatePatch> pool, boolean withCorrect, Map<String, Boolean> resolves,
                         DockerSandboxProvider sandboxes, List<String> tests, String fence) {
        Verification full = verifier(sandboxes, WeightedScore.defaults(), new BenchModel(tests, fence), tests.size())
                .verify(task, tree, pool);
        Verification majority = verifier(sandboxes, MajorityVote.defaults(), null, 0).verify(task, tree, pool);
        Verification modelOnly = verifier(sandboxes, ModelOnly.defaults(), new BenchModel(tests, fence), 0)
                .verify(task, tree, pool);
        Verification.Compute exec = full.compute();
        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put("majority-vote", new Run(majority.selection(), majority.compute().sandboxTime(),
                majority.compute().sandboxes(), majority.compute().modelCalls()));
        runs.put("execution-only", new Run(select(ExecutionOnly.defaults(), full), exec.sandboxTime(), exec.sandboxes(),
                exec.testGeneration().calls()));
        runs.put("model-only", new Run(modelOnly.selection(), modelOnly.compute().sandboxTime(),
                modelOnly.compute().sandboxes(), modelOnly.compute().modelCalls()));
        runs.put("execution-then-model", new Run(select(ExecutionThenModel.defaults(), full), exec.sandboxTime(),
                exec.sandboxes(), exec.modelCalls()));
        runs.put("weighted", new Run(full.selection(), exec.sandboxTime(), exec.sandboxes(), exec.modelCalls()));

        long correct = pool.stream().filter(c -> resolves.get(c.id())).count();
        random.add(withCorrect, false, (double) correct / pool.size(), Duration.ZERO, 0, 0);
        oracle.add(withCorrect, correct == 0, correct > 0 ? 1.0 : 0.0, Duration.ZERO, 0, 0);
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-28s %-8s %-7s", shortId(task), withCorrect ? "with" : "without",
                correct > 0 ? "yes" : "no"));
        runs.forEach((name, r) -> {
            boolean ok = r.selection().chosen().map(resolves::get).orElse(false);
            tallies.get(name).add(withCorrect, r.selection().abstained(), ok ? 1.0 : 0.0, r.sandboxTime(), r.sandboxes(),
                    r.modelCalls());
            row.append(String.format(Locale.ROOT, " %-22s", r.selection().chosen().map(id -> id + (ok ? " *" : "")).orElse("(abstain)")));
        });
        rows.add(row.toString());
    }

    private HybridVerifier verifier(DockerSandboxProvider sandboxes, SelectionStrategy strategy, BenchModel model, int tests) {
        return new HybridVerifier(sandboxes, model, HybridConfig.builder().strategy(strategy).generatedTests(tests)
                .runId("bench-select").build());
    }

    private Selection select(SelectionStrategy strategy, Verification full) {
        return selector.select(strategy, full.selection().evidence());
    }

    /** The test files the task's test patch touches, as they are after it: the scripted model's "generated" tests. */
    private static List<String> testFiles(Workspace ws, Task task) throws java.io.IOException {
        ApplyResult applied = ws.apply(task.testPatch());
        if (!applied.applied()) {
            throw new IllegalStateException(task.instanceId() + ": test patch does not apply: " + applied.failures());
        }
        List<String> contents = new ArrayList<>();
        for (String file : applied.files().stream().sorted().toList()) {
            contents.add(Files.readString(ws.directory().resolve(file)));
        }
        ws.reset();
        return contents;
    }

    private int pools() {
        return tallies.get("weighted").pools();
    }

    private void print(int tasks, int pools, Duration grading, Duration wall) {
        System.out.printf(Locale.ROOT, "bench-select: %d sample tasks, %d pools (%d with a correct candidate, %d without)%n", tasks, pools,
                oracle.withPools(), oracle.withoutPools());
        System.out.println("pools: gold + 2 formatting/comment variants, partial decoy + 2 variants, breaks_p2p, empty, stale"
                + " (does not apply); without = the same minus gold and its variants");
        System.out.println("grading: the harness (InstanceEvaluator + ReportBuilder: test_patch, FAIL_TO_PASS, PASS_TO_PASS)"
                + " on every candidate; * = resolves");
        System.out.println();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-28s %-8s %-7s", "task", "pool", "oracle"));
        STRATEGIES.forEach(s -> header.append(String.format(Locale.ROOT, " %-22s", s)));
        System.out.println(header);
        rows.forEach(System.out::println);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %-15s %9s %10s %14s %15s %10s %10s %12s%n", "strategy", "model", "accuracy", "of oracle",
                "abstain recall", "abst. precision", "sandboxes", "sandbox s", "model calls");
        printLine("random (expected)", "-", random);
        printLine("oracle", "-", oracle);
        System.out.println("-- strategies that use no model");
        NO_MODEL.forEach(name -> printLine(name, "none", tallies.get(name)));
        System.out.println("-- strategies that read the scripted judge: they prove the plumbing, not judgement");
        tallies.keySet().stream().filter(name -> !NO_MODEL.contains(name))
                .forEach(name -> printLine(name, "scripted judge", tallies.get(name)));
        System.out.println();
        Tally hybrid = tallies.get("weighted");
        Tally exec = tallies.get("execution-only");
        System.out.printf(Locale.ROOT, "target: weighted (hybrid) >= 95%% of oracle on pools with a correct candidate: %s (%.1f%%)%n",
                verdict(hybrid.accuracy() >= 0.95 * oracle.accuracy()), 100 * hybrid.accuracy() / oracle.accuracy());
        System.out.printf(Locale.ROOT, "target: weighted (hybrid) abstains on >= 90%% of pools without one: %s (%.1f%%)%n",
                verdict(hybrid.abstainRecall() >= 0.9), 100 * hybrid.abstainRecall());
        System.out.printf(Locale.ROOT, "target: execution-only clearly above random: %s (%.1f%% vs %.1f%%)%n",
                verdict(exec.accuracy() >= random.accuracy() + 0.25), 100 * exec.accuracy(), 100 * random.accuracy());
        System.out.println();
        System.out.println("caveats: the scripted judge says YES to every patch and ranks by position, so the strategies"
                + " that read it prove the plumbing (listwise shuffling cancels its order bias: every patch scores 0.5),"
                + " not judgement; the \"generated\" tests are the task's own test_patch files handed out by the scripted"
                + " model, i.e. as strong as the hidden tests (execution-only's model calls are these test requests;"
                + " it reads no verdict); majority-vote's result depends on how the pools are built"
                + " (gold and partial clusters are the same size here, so it guesses by position).");
        System.out.printf(Locale.ROOT, "wall time %d s (grading %d s)%n", wall.toSeconds(), grading.toSeconds());
    }

    private void printLine(String name, String model, Tally t) {
        System.out.printf(Locale.ROOT, "%-22s %-15s %8.1f%% %9.1f%% %13.1f%% %15s %10d %10.1f %12d%n", name, model,
                100 * t.accuracy(), 100 * t.accuracy() / oracle.accuracy(), 100 * t.abstainRecall(), t.abstainPrecision(),
                t.sandboxes(), t.sandboxTime().toMillis() / 1000.0, t.modelCalls());
    }

    private static String verdict(boolean ok) {
        return ok ? "MET" : "NOT MET";
    }

    private static String shortId(Task task) {
        return task.instanceId().replaceFirst("^fixpoint-samples__", "");
    }

    /** One strategy's outcome on one pool and what it spent. */
    private record Run(Selection selection, Duration sandboxTime, int sandboxes, int modelCalls) {
    }
}
