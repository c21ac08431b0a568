package dev.fixpoint.solver.cli;

import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskException;
import dev.fixpoint.tasks.TaskLoadResult;
import dev.fixpoint.tasks.TaskProblem;
import dev.fixpoint.tasks.git.WorkspaceException;
import dev.fixpoint.harness.EvalRunner;
import dev.fixpoint.harness.EvalStatus;
import dev.fixpoint.harness.InstanceEvaluator;
import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.harness.predictions.PredictionLoader;
import dev.fixpoint.harness.predictions.PredictionProblem;
import dev.fixpoint.harness.predictions.PredictionSet;
import dev.fixpoint.harness.RunSummary;
import dev.fixpoint.harness.WorkspaceTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fixpoint eval}: grades predictions against tasks with FAIL_TO_PASS / PASS_TO_PASS tests in Docker
 * sandboxes and writes SWE-bench-compatible reports. Exit code 0 when every submitted instance was graded,
 * 1 when some errored (infrastructure, unknown instance, bad predictions or task row), 2 on bad usage.
 */
@Command(name = "eval",
        description = {"Grades predictions (SWE-bench JSONL/JSON, or Multi-SWE-bench rows) against tasks: applies each "
                + "patch and the test patch in a fresh sandbox, runs the tests, writes report.json per instance and "
                + "summary.json in SWE-bench's schema.",
                "Resumes: instances with a report are skipped unless --rerun."},
        exitCodeList = {"0:every submitted instance was graded", "1:some instance errored or was invalid, a task row could not"
                + " be loaded, a repository cannot be reached or an image is missing", "2:bad usage, unreadable task or"
                + " predictions file"})
public final class EvalCommand extends ConsoleCommand {

    static final int SOME_ERRORED = ExitCodes.FAILURE;

    @Mixin
    TaskFileOptions taskFile = new TaskFileOptions();

    @Mixin
    RepoOptions repos = new RepoOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = {"--predictions", "--predictions_path"}, paramLabel = "FILE",
                description = "Predictions to grade (\"gold\", when no such file exists, means --gold, as in SWE-bench).")
        Path predictions;

        @Option(names = "--gold", description = "Grade the tasks' own patches (validates the environments).")
        boolean gold;
    }

    @Option(names = {"--workers", "--max_workers"}, paramLabel = "N", defaultValue = "2", description = "Instances at once (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--timeout", paramLabel = "SEC", description = "Test-command time limit per run, replacing the tasks' own.")
    Integer timeoutSeconds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "eval-out", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--rerun", description = "Evaluate again instances that already have a report.")
    boolean rerun;

    @Option(names = "--regrade", description = "Rebuild every report from the saved logs; starts no container.")
    boolean regrade;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "1", description = "Test runs per instance; outcomes that differ are reported as flaky.")
    int repeat;

    @Option(names = {"--instance", "--instance_ids"}, paramLabel = "ID", arity = "1..*", split = ",",
            description = "Only these instance ids (space- or comma-separated).")
    List<String> instances = new ArrayList<>();

    @Option(names = {"--run-id", "--run_id"}, paramLabel = "ID",
            description = "Label of this run's containers, and the summary's second name <model>.<run_id>.json"
                    + " (default: eval-<time>).")
    String runId;

    @Option(names = "--strict", description = "Grade a patch that changes test infrastructure (conftest.py, pytest/tox"
            + " config, surefire or Gradle test settings, the task's test files) unresolved; it is flagged either way.")
    boolean strict;

    @Option(names = "--no-progress", description = "No progress bar (one line per finished instance instead).")
    boolean noProgress;

    @Mixin
    RegistryOption registry = new RegistryOption();

    @Override
    int execute(PrintWriter outw, PrintWriter err) throws Exception {
        if (workers < 1 || repeat < 1 || (timeoutSeconds != null && timeoutSeconds < 1)) {
            err.println("eval: --workers, --repeat and --timeout must be at least 1");
            return ExitCodes.USAGE;
        }
        if (regrade && rerun) {
            err.println("eval: --regrade and --rerun exclude each other");
            return ExitCodes.USAGE;
        }
        try {
            registry.check();
        } catch (IllegalArgumentException e) {
            err.println("eval: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        TaskLoadResult loaded;
        RepoCache cache;
        try {
            taskFile.resolve(out);
            cache = repos.open(taskFile.file);
            loaded = taskFile.load(cache, true, !regrade).asLoadResult();
        } catch (WorkspaceException e) {
            err.println("eval: " + e.getMessage());
            return e.reason() == WorkspaceException.Reason.UNREACHABLE_REPO ? SOME_ERRORED : ExitCodes.USAGE;
        } catch (TaskException e) {
            err.println("eval: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        for (TaskProblem p : loaded.problems()) err.println("eval: skipped task row: " + p);
        PredictionSet predictions;
        if (source.gold || "gold".equals(String.valueOf(source.predictions))
                && !java.nio.file.Files.exists(source.predictions)) {
            predictions = goldPredictions(loaded.tasks());
        } else {
            try {
                predictions = PredictionLoader.load(source.predictions);
            } catch (IOException e) {
                err.println("eval: cannot read predictions " + source.predictions + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        List<Task> tasks = loaded.tasks();
        if (!instances.isEmpty()) {
            Selection s = select(tasks, predictions, instances);
            tasks = s.tasks();
            predictions = s.predictions();
        }
        for (PredictionProblem p : predictions.problems()) err.println("eval: bad prediction: " + p);

        // derived from the output directory: a re-run after a kill is the same run and removes what the killed one left
        String run = runId != null ? runId : RunSetup.derivedRunId("eval", out);
        EvalRunner.Outcome outcome;
        try (Progress progress = new Progress(err, noProgress || System.console() == null);
             DockerSandboxProvider sandboxes = regrade ? null : DockerSandboxProvider.builder().runId(run).build()) {
            InstanceEvaluator evaluator = null;
            if (!regrade) {
                if (TaskInputs.reportMissingImages(err, "eval", taskFile.file, TaskInputs.missingImages(sandboxes, tasks))) {
                    return SOME_ERRORED;
                }
                int pruned = sandboxes.pruneLeftovers();
                if (pruned > 0) err.println("eval: removed " + pruned + " container(s) left by an earlier, killed invocation of this run");
                try {
                    tasks = published(tasks, registry.publisher(sandboxes, err));
                } catch (dev.fixpoint.sandbox.SandboxException e) {
                    err.println("eval: " + e.getMessage());
                    return SOME_ERRORED;
                }
                evaluator = new InstanceEvaluator(sandboxes, new WorkspaceTrees(cache), run,
                        timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds), repeat);
            }
            EvalRunner runner = new EvalRunner(evaluator, new EvalRunner.Config(out, workers, rerun, regrade, strict, run), progress);
            outcome = runner.run(tasks, predictions);
        } catch (WorkspaceException e) {
            err.println("eval: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        printTable(outw, outcome);
        RunSummary s = outcome.summary();
        if (!loaded.problems().isEmpty()) {
            err.println("eval: " + loaded.problems().size() + " task row(s) could not be loaded and were not evaluated");
        }
        return s.allGraded() && loaded.problems().isEmpty() ? ExitCodes.OK : SOME_ERRORED;
    }

    /** The tasks with their environment images as {@code publish} names them (pushed with --registry; else as they are). */
    static List<Task> published(List<Task> tasks, java.util.function.UnaryOperator<String> publish) {
        List<Task> out = new ArrayList<>();
        for (Task t : tasks) {
            var e = t.environment();
            String image = publish.apply(e.image());
            out.add(image.equals(e.image()) ? t : t.withEnvironment(new dev.fixpoint.tasks.env.EnvironmentSpec(image, e.workdir(),
                    e.setupCommands(), e.testCommand(), e.resultFormat(), e.reportsDir(), e.testTimeout(), e.env(), e.testCommandTemplate())));
        }
        return out;
    }

    static PredictionSet goldPredictions(List<Task> tasks) {
        Map<String, Prediction> m = new LinkedHashMap<>();
        for (Task t : tasks) m.put(t.instanceId(), new Prediction(t.instanceId(), Prediction.GOLD, t.patch()));
        return new PredictionSet(m, List.of());
    }

    record Selection(List<Task> tasks, PredictionSet predictions) {}

    /** Keeps the wanted ids; a wanted id found in neither tasks nor predictions becomes an invalid prediction. */
    static Selection select(List<Task> tasks, PredictionSet predictions, List<String> wanted) {
        Set<String> ids = new LinkedHashSet<>(wanted);
        List<Task> keptTasks = tasks.stream().filter(t -> ids.contains(t.instanceId())).toList();
        Map<String, Prediction> kept = new LinkedHashMap<>();
        predictions.predictions().forEach((id, p) -> {
            if (ids.contains(id)) kept.put(id, p);
        });
        List<PredictionProblem> problems = new ArrayList<>(predictions.problems().stream()
                .filter(p -> p.instanceId().isEmpty() || ids.contains(p.instanceId())).toList());
        for (String id : ids) {
            boolean known = kept.containsKey(id) || keptTasks.stream().anyMatch(t -> t.instanceId().equals(id));
            if (!known && problems.stream().noneMatch(p -> p.instanceId().equals(id))) {
                problems.add(new PredictionProblem("--instance", 0, id, "unknown instance id " + id
                        + ": in neither the tasks nor the predictions"));
            }
        }
        return new Selection(keptTasks, new PredictionSet(kept, problems));
    }

    private void printTable(PrintWriter o, EvalRunner.Outcome outcome) {
        RunSummary s = outcome.summary();
        int w = Math.max(8, outcome.instances().keySet().stream().mapToInt(String::length).max().orElse(8));
        o.printf("%-" + w + "s  %-12s  %8s  %8s%n", "instance", "status", "tests s", "total s");
        outcome.instances().values().forEach(i -> o.printf("%-" + w + "s  %-12s  %8.1f  %8.1f%s%n",
                i.instanceId(), i.status().json(), i.testDuration().toMillis() / 1000.0,
                i.duration().toMillis() / 1000.0, i.reused() ? "  (saved)" : ""));
        for (String id : s.unfinishedIds()) o.printf("%-" + w + "s  %-12s%n", id, "unfinished");
        o.printf("resolved %d of %d submitted (%s%%); unresolved %d, empty patch %d, error %d; wall %.1f s, "
                        + "tests %.1f s%n", s.resolvedIds().size(), s.submittedIds().size(), s.resolvedPercent(),
                s.unresolvedIds().size(), s.ids(EvalStatus.EMPTY_PATCH).size(), s.errorIds().size(),
                outcome.wallTime().toMillis() / 1000.0, s.testDuration().toMillis() / 1000.0);
        if (!s.ids(EvalStatus.NO_RESULTS).isEmpty()) {
            o.printf("no test result could be read from the test output of %d instance(s) (status no_results, counted"
                    + " as errors; check the environment's result_format and test_command): %s%n",
                    s.ids(EvalStatus.NO_RESULTS).size(), String.join(", ", s.ids(EvalStatus.NO_RESULTS)));
        }
        if (!s.invalidPredictions().isEmpty()) o.printf("invalid prediction rows: %d%n", s.invalidPredictions().size());
        if (!s.tamperedIds().isEmpty()) {
            o.printf("tampered (the patch changes test infrastructure%s): %s%n", strict ? "; not resolved: --strict" : "",
                    String.join(", ", s.tamperedIds()));
        }
        o.printf("reports: %s and %s (per instance: %s/<instance>/report.json, run_instance.log)%n",
                outcome.summaryFile().toAbsolutePath(), outcome.harnessSummaryFile().getFileName(), out.toAbsolutePath());
        o.flush();
    }

    /** Progress bar on stderr, or one line per finished instance when there is no terminal. */
    private static final class Progress implements EvalRunner.Listener, AutoCloseable {
        private final PrintWriter err;
        private final boolean plain;
        private ProgressBar bar;
        private int done;
        private int total;

        Progress(PrintWriter err, boolean plain) {
            this.err = err;
            this.plain = plain;
        }

        @Override
        public synchronized void planned(int instances) {
            total = instances;
            if (!plain) {
                bar = new ProgressBarBuilder().setTaskName("eval").setInitialMax(instances)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .build();
            }
        }

        @Override
        public synchronized void finished(String instanceId, EvalStatus status, boolean reused) {
            done++;
            if (bar != null) {
                bar.step();
                bar.setExtraMessage(instanceId + ": " + status.json());
            } else {
                err.printf("[%d/%d] %s: %s%s%n", done, total, instanceId, status.json(), reused ? " (saved)" : "");
                err.flush();
            }
        }

        @Override
        public synchronized void close() {
            if (bar != null) bar.close();
        }
    }
}
