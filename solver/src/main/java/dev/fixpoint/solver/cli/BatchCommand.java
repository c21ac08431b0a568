package dev.fixpoint.solver.cli;

import dev.fixpoint.kubernetes.KubernetesSandboxProvider;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.models.Budget;
import dev.fixpoint.solver.ModelSource;
import dev.fixpoint.solver.Pipeline;
import dev.fixpoint.solver.TaskOutcome;
import dev.fixpoint.solver.batch.BatchRunner;
import dev.fixpoint.solver.prepare.PrebuiltInstances;
import dev.fixpoint.solver.run.RunReport;
import dev.fixpoint.solver.batch.TaskSelection;
import dev.fixpoint.solver.config.FixpointConfig;
import dev.fixpoint.solver.run.RunDirectory;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.git.RepoCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code fixpoint batch}: many tasks, N rollouts each, predictions in SWE-bench's JSONL; resumable. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Solves every task of a SWE-bench task file: N parallel rollouts per task, each in its own Docker sandbox, "
                + "then verification and selection. Writes OUT/predictions.jsonl, OUT/tasks/<id>/rollouts/<k>/{trajectory.jsonl,candidate.json}, "
                + "OUT/tasks/<id>/selection.json and OUT/run.json. Before any work a live model is asked one tiny question; "
                + "if it does not answer, nothing is run (exit 6). A task whose rollouts all failed (model or sandbox errors, "
                + "no candidate) ends ERROR with the provider's message and gets no prediction line. "
                + "Re-run the same command with the same --out to resume or retry: finished tasks and finished rollouts are "
                + "kept, errored tasks and rollouts that ended with a model error are run again, and containers left by a "
                + "killed run are removed first."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:done: every task has a prediction (possibly an abstention's empty patch)",
                "1:failure: infrastructure (Docker, git, I/O), a missing image, or some task ended in error for such a reason; "
                        + "re-run the same command with the same --out to retry the errored tasks",
                ExitCodes.USAGE_LINE, ExitCodes.NO_MODEL_LINE, ExitCodes.BUDGET_LINE, ExitCodes.MODEL_FAILED_LINE,
                ExitCodes.INTERRUPTED_LINE})
public final class BatchCommand extends PipelineCommand {

    public BatchCommand() {
        super("batch");
    }

    @Mixin
    TaskFileOptions tasks = new TaskFileOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "run directory (created; reused to resume)")
    Path out;

    @Mixin
    KubernetesOptions kubernetes = new KubernetesOptions();

    @Option(names = "--shard", paramLabel = "i/n", description = "take shard i of n (tasks whose position mod n is i-1)")
    String shard;

    @Option(names = "--filter", paramLabel = "REGEX", description = "only instance ids containing a match")
    String filter;

    @Option(names = "--limit", paramLabel = "K", description = "at most K tasks (after shard and filter)")
    Integer limit;

    @Option(names = "--skip-invalid", description = TaskFileOptions.SKIP_INVALID)
    boolean skipInvalid;

    @Mixin
    RegistryOption registry = new RegistryOption();

    @Option(names = "--prebuilt-images", description = "with --kubernetes and --registry: every instance image was pushed beforehand "
            + "(fixpoint images push, same task file, specs and mirrors); use their registry names and bake nothing, so no Docker "
            + "daemon is needed (the pods of fixpoint k8s job run so). A task whose image is not in the registry ends ERROR naming it.")
    boolean prebuilt;

    @Override
    Integer execute() throws Exception {
        PrintStream stdout = System.out;
        RunSetup setup = run.setup(System.getenv(), Map.of());
        FixpointConfig config = setup.config();
        ModelSource models = setup.models();
        TaskSelection selection;
        try {
            int[] s = shard == null ? new int[] {0, 0} : TaskSelection.parseShard(shard);
            selection = new TaskSelection(s[0], s[1], TaskSelection.parseFilter(filter), limit == null ? 0 : limit);
            registry.check();
            if (prebuilt && (registry.registry == null || !kubernetes.enabled)) {
                throw new IllegalArgumentException("--prebuilt-images needs --registry R (where fixpoint images push put the images) "
                        + "and --kubernetes (Docker sandboxes do not pull)");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("fixpoint batch: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        setup.checkModel("batch");
        tasks.resolve(out);
        RepoCache cache = setup.cache(tasks.file);
        List<Task> loaded = tasks.loadToRun(cache, skipInvalid, "batch");
        List<Task> chosen = selection.apply(loaded);
        if (chosen.isEmpty()) {
            System.err.println("fixpoint batch: no task left after --shard/--filter/--limit (of " + loaded.size() + " in " + tasks.file + ")");
            return ExitCodes.USAGE;
        }
        String id = runId(out);
        Budget budget = setup.budget();
        RunDirectory runDir = RunDirectory.open(out);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("tasks_file", tasks.file.toAbsolutePath().toString());
        settings.put("tasks_sha256", sha256(tasks.file));
        settings.put("rollouts", config.rollouts());
        settings.put("workers", config.workers());
        settings.put("strategy", config.strategy());
        settings.put("stop_after_agreeing", config.stopAfterAgreeing());
        settings.put("temperatures", config.temperatures());
        settings.put("prompt_variants", config.promptVariants());
        settings.put("shard", shard);
        settings.put("filter", filter);
        settings.put("limit", limit);
        var report = new RunReport(id, models.label(), models.scripted(), settings, budget);
        System.err.println("fixpoint batch: " + chosen.size() + " tasks x " + config.rollouts() + " rollouts, " + config.workers()
                + " in flight, model " + models.label() + (models.scripted() ? " (SCRIPTED: no model is asked)" : "") + ", out " + out);
        BatchRunner.Result result;
        PrebuiltInstances pushed = prebuilt ? prebuiltInstances() : null;
        try (DockerSandboxProvider docker = prebuilt ? null : DockerSandboxProvider.builder().runId(id).build();
             KubernetesSandboxProvider pods = kubernetes.open(id);
             Pipeline pipeline = prebuilt
                     ? setup.pipeline(null, pushed.explainingPulls(pods), cache, id, java.util.function.UnaryOperator.identity(), pushed)
                     : setup.pipeline(docker, pods, cache, id, registry.publisher(docker, new java.io.PrintWriter(System.err, true)))) {
            if (!prebuilt && TaskInputs.reportMissingImages(new java.io.PrintWriter(System.err, true), "fixpoint batch", tasks.file,
                    TaskInputs.missingImages(docker, chosen))) return ExitCodes.FAILURE;
            int pruned = docker == null ? 0 : docker.pruneLeftovers();
            if (pruned > 0) System.err.println("fixpoint batch: removed " + pruned + " container(s) left by an earlier, killed invocation of this run");
            int prunedPods = pods == null ? 0 : pods.pruneLeftovers();
            if (prunedPods > 0) System.err.println("fixpoint batch: deleted " + prunedPods + " pod(s) left by an earlier, killed invocation of this run");
            int pending = (int) chosen.stream().filter(t -> !runDir.finished(t.instanceId())).count();
            try (BatchProgress progress = new BatchProgress(pending, pending * config.rollouts(), budget, models.label())) {
                result = new BatchRunner(pipeline, runDir, report, config.tasksInFlight()).run(chosen, progress);
            }
        }
        printSummary(stdout, result, runDir, models);
        if (result.anyModelFailure()) return ExitCodes.MODEL_FAILED;
        if (result.anyError()) return ExitCodes.FAILURE;
        if (result.anyBudgetExhausted()) return ExitCodes.BUDGET;
        return ExitCodes.OK;
    }

    /** The images pushed by {@code fixpoint images push}, named as it names them; the error of a missing one says how to push it. */
    private PrebuiltInstances prebuiltInstances() {
        String specs = tasks.specs == null ? "" : " --specs " + tasks.specs;
        return new PrebuiltInstances(registry.registry, "fixpoint images push --tasks " + tasks.file + specs + " --registry " + registry.registry);
    }

    /** The task file's digest, so that {@code fixpoint merge} can tell shards of different task files apart. */
    private static String sha256(Path file) throws java.io.IOException {
        return com.google.common.io.Files.asByteSource(file.toFile()).hash(com.google.common.hash.Hashing.sha256()).toString();
    }

    private static void printSummary(PrintStream out, BatchRunner.Result r, RunDirectory dir, ModelSource models) {
        out.printf("%-36s %-16s %-11s %7s %6s %6s %9s%n", "instance_id", "status", "chosen", "rollouts", "reused", "saved", "tokens");
        for (TaskOutcome o : r.outcomes().stream().sorted(java.util.Comparator.comparing(TaskOutcome::instanceId)).toList()) {
            out.printf("%-36s %-16s %-11s %7d %6d %6d %9d%n", o.instanceId(), o.status(), o.chosen() == null ? "-" : o.chosen(),
                    o.ran(), o.reused(), o.savedByAdaptive(), o.spend().tokens());
        }
        r.previouslyFinished().forEach(id -> out.printf("%-36s %-16s%n", id, "FINISHED_EARLIER"));
        for (TaskOutcome o : r.outcomes()) {
            if (o.status() == TaskOutcome.Status.ERROR || o.status() == TaskOutcome.Status.BUDGET_EXHAUSTED) {
                out.println(o.instanceId() + ": " + String.join("; ", o.reasons()));
            }
        }
        long errors = r.outcomes().stream().filter(o -> o.status() == TaskOutcome.Status.ERROR).count();
        if (errors > 0) {
            out.println(errors + " task(s) ended in error and have no prediction: re-run the same command with the same --out "
                    + "to retry them (finished tasks are kept)");
        }
        out.println("model: " + models.label() + (models.scripted() ? " (scripted sessions, not a live model)" : ""));
        out.println("predictions: " + dir.predictionsFile());
        out.println("run report:  " + dir.reportFile());
        out.println("per task:    " + dir.root().resolve("tasks") + "/<id>/selection.json");
        out.printf("wall time: %.1f s%n", r.wallTime().toMillis() / 1000.0);
    }
}
