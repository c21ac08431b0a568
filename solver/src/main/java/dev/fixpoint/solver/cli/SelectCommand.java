package dev.fixpoint.solver.cli;

import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.solver.ModelSource;
import dev.fixpoint.solver.Pipeline;
import dev.fixpoint.solver.run.RunDirectory;
import dev.fixpoint.solver.run.SelectionReport;
import dev.fixpoint.verifiers.Verification;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.harness.predictions.Prediction;
import dev.fixpoint.harness.predictions.PredictionLoader;
import dev.fixpoint.harness.predictions.PredictionSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code fixpoint select}: ensemble selection over other systems' predictions with our verifiers. */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = {"Picks, per task, one patch among several prediction files (other systems' outputs) with Fixpoint's verifiers: "
                + "de-duplication, generated reproduction tests (test-writing sessions of --model or --scripted) and the repository's "
                + "regression tests, run in sandboxes; the judge too when a model is given. Writes OUT/predictions.jsonl and "
                + "OUT/tasks/<id>/selection.json. A task where no candidate is confident gets an empty patch. Before any work a "
                + "live model is asked one tiny question; if it does not answer, nothing is run (exit 6). A task whose "
                + "verification got no answer from the model and could not choose ends in error with no prediction line; "
                + "re-run the same command with the same --out to retry it (finished tasks are kept)."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:done: a patch was chosen for some task", ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE,
                ExitCodes.NO_MODEL_LINE, "4:abstained on every task: no candidate was confident enough, nothing to ship",
                ExitCodes.MODEL_FAILED_LINE, ExitCodes.INTERRUPTED_LINE})
public final class SelectCommand extends PipelineCommand {

    public SelectCommand() {
        super("select");
    }

    @Mixin
    TaskFileOptions tasks = new TaskFileOptions();

    @Option(names = "--skip-invalid", description = TaskFileOptions.SKIP_INVALID)
    boolean skipInvalid;

    @Option(names = "--candidates", required = true, arity = "1..*", paramLabel = "PREDICTIONS",
            description = "prediction files (SWE-bench JSON/JSONL), one per system")
    List<Path> candidates;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "fixpoint-select", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--test-writers", paramLabel = "K", defaultValue = "2", description = "test-writing sessions per task (default ${DEFAULT-VALUE})")
    int testWriters;

    @Override
    Integer execute() throws Exception {
        RunSetup setup;
        try {
            setup = run.setup(System.getenv(), Map.of());
        } catch (NoModelException e) {
            throw new NoModelException(e.getMessage() + " (select needs a model, or scripted sessions, to write tests)");
        }
        ModelSource models = setup.models();
        setup.checkModel("select");
        List<PredictionSet> sets = new ArrayList<>();
        for (Path p : candidates) {
            PredictionSet s = PredictionLoader.load(p);
            s.problems().forEach(pr -> System.err.println("fixpoint select: " + p + ": " + pr));
            sets.add(s);
        }
        tasks.resolve(out);
        RepoCache cache = setup.cache(tasks.file);
        List<Task> all = tasks.loadToRun(cache, skipInvalid, "select");
        RunDirectory runDir = RunDirectory.open(out);
        String runName = runId(out);
        String label = "fixpoint-select(" + String.join(",", candidates.stream().map(p -> p.getFileName().toString()).toList()) + ")";
        int chosenCount = 0, abstained = 0, errors = 0;
        try (DockerSandboxProvider docker = DockerSandboxProvider.builder().runId(runName).build();
             Pipeline pipeline = setup.pipeline(docker, cache, runName)) {
            docker.pruneLeftovers();
            for (Task task : all) {
                if (runDir.finished(task.instanceId())) continue;
                List<CandidatePatch> pool = new ArrayList<>();
                Map<String, String> sources = new java.util.LinkedHashMap<>();
                for (int i = 0; i < sets.size(); i++) {
                    Prediction p = sets.get(i).predictions().get(task.instanceId());
                    if (p == null) continue;
                    String id = "p" + (i + 1);
                    pool.add(CandidatePatch.of(id, p.modelPatch() == null ? "" : p.modelPatch()));
                    sources.put(id, candidates.get(i) + " (" + p.modelNameOrPath() + ")");
                }
                if (pool.isEmpty()) continue;
                Pipeline.Ensemble e = pipeline.selectAmong(task, pool, testWriters, runDir.task(task.instanceId()));
                Verification r = e.verification();
                SelectionReport.writeEnsemble(runDir.task(task.instanceId()), task.instanceId(), models, sources, r,
                        e.modelFailure().orElse(null));
                if (e.modelFailure().isPresent()) {
                    errors++;
                    System.out.printf("%-36s error: %s%n", task.instanceId(), e.modelFailure().get());
                    continue;
                }
                String chosen = r.selection().chosenCandidateId();
                String patch = chosen == null ? "" : pool.stream().filter(c -> c.id().equals(chosen)).findFirst().orElseThrow().patch();
                runDir.addPrediction(new Prediction(task.instanceId(), label, patch));
                if (chosen == null) abstained++;
                else chosenCount++;
                System.out.printf("%-36s %s%n", task.instanceId(), chosen == null ? "abstained: " + String.join("; ", r.selection().reasons())
                        : "chose " + chosen + " = " + sources.get(chosen));
            }
        }
        System.out.println("model for tests: " + models.label() + (models.scripted() ? " (scripted sessions)" : ""));
        System.out.println("predictions: " + runDir.predictionsFile() + " (" + chosenCount + " chosen, " + abstained + " abstained"
                + (errors > 0 ? ", " + errors + " in error: re-run the same command with the same --out to retry them" : "") + ")");
        if (errors > 0) return ExitCodes.MODEL_FAILED;
        return chosenCount == 0 && abstained > 0 ? ExitCodes.ABSTAINED : ExitCodes.OK;
    }
}
