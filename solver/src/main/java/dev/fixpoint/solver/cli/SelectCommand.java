package dev.fixpoint.solver.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.solver.Budget;
import dev.fixpoint.solver.ModelSource;
import dev.fixpoint.solver.Pipeline;
import dev.fixpoint.solver.config.ConfigLoader;
import dev.fixpoint.solver.config.FixpointConfig;
import dev.fixpoint.solver.run.AtomicFiles;
import dev.fixpoint.solver.run.RunDirectory;
import dev.fixpoint.solver.run.SelectionReport;
import dev.fixpoint.verifiers.Verification;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoader;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.harness.Prediction;
import dev.fixpoint.verifiers.harness.PredictionLoader;
import dev.fixpoint.verifiers.harness.PredictionSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code fixpoint select}: ensemble selection over other systems' predictions with our verifiers. */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = {"Picks, per task, one patch among several prediction files (other systems' outputs) with Fixpoint's verifiers: "
                + "de-duplication, generated reproduction tests (test-writing sessions of --model or --scripted) and the repository's "
                + "regression tests, run in sandboxes; the judge too when a model is given. Writes OUT/predictions.jsonl and "
                + "OUT/tasks/<id>/selection.json. A task where no candidate is confident gets an empty patch."},
        footer = ExitCodes.HELP)
public final class SelectCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--tasks", required = true, paramLabel = "FILE", description = "the tasks the predictions are for")
    Path tasks;

    @Option(names = "--candidates", required = true, arity = "1..*", paramLabel = "PREDICTIONS",
            description = "prediction files (SWE-bench JSON/JSONL), one per system")
    List<Path> candidates;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "fixpoint-select", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--test-writers", paramLabel = "K", defaultValue = "2", description = "test-writing sessions per task (default ${DEFAULT-VALUE})")
    int testWriters;

    @Option(names = {"-v", "--verbose"}, description = "log progress details to stderr")
    boolean verbose;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        Logging.configure(verbose);
        return Guard.run("select", this::execute);
    }

    private Integer execute() throws Exception {
        Map<String, String> env = System.getenv();
        FixpointConfig config = ConfigLoader.load(ConfigLoader.locate(run.config, env), run.overrides());
        ModelSource models;
        try {
            models = SolverSetup.models(config, env);
        } catch (NoModelException e) {
            System.err.println("fixpoint select: " + e.getMessage() + " (select needs a model, or scripted sessions, to write tests)");
            return ExitCodes.NO_MODEL;
        }
        List<PredictionSet> sets = new ArrayList<>();
        for (Path p : candidates) {
            PredictionSet s = PredictionLoader.load(p);
            s.problems().forEach(pr -> System.err.println("fixpoint select: " + p + ": " + pr));
            sets.add(s);
        }
        List<Task> all = TaskLoader.strict().load(tasks).tasks();
        var prices = SolverSetup.prices(config);
        Budget budget = SolverSetup.budget(config, prices);
        RunDirectory runDir = RunDirectory.open(out);
        String runId = "select-" + Integer.toHexString(out.toAbsolutePath().normalize().toString().hashCode());
        String label = "fixpoint-select(" + String.join(",", candidates.stream().map(p -> p.getFileName().toString()).toList()) + ")";
        int chosenCount = 0, abstained = 0;
        try (DockerSandboxProvider docker = DockerSandboxProvider.builder().runId(runId).build();
             Pipeline pipeline = Pipeline.builder(docker).cache(SolverSetup.cache(config)).models(models).config(SolverSetup.pipeline(config))
                     .budget(budget).concurrency(SolverSetup.concurrency(config)).prices(prices).runId(runId).build()) {
            docker.prune(false);
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
                Verification r = pipeline.selectAmong(task, pool, testWriters, runDir.task(task.instanceId()));
                String chosen = r.selection().chosenCandidateId();
                String patch = chosen == null ? "" : pool.stream().filter(c -> c.id().equals(chosen)).findFirst().orElseThrow().patch();
                writeReport(runDir, task, sources, r, models);
                runDir.addPrediction(new RunDirectory.Prediction(task.instanceId(), label, patch));
                if (chosen == null) abstained++;
                else chosenCount++;
                System.out.printf("%-36s %s%n", task.instanceId(), chosen == null ? "abstained: " + String.join("; ", r.selection().reasons())
                        : "chose " + chosen + " = " + sources.get(chosen));
            }
        }
        System.out.println("model for tests: " + models.label() + (models.scripted() ? " (scripted sessions)" : ""));
        System.out.println("predictions: " + runDir.predictionsFile() + " (" + chosenCount + " chosen, " + abstained + " abstained)");
        return chosenCount == 0 && abstained > 0 ? ExitCodes.ABSTAINED : ExitCodes.OK;
    }

    private static void writeReport(RunDirectory dir, Task task, Map<String, String> sources, Verification r, ModelSource models) {
        ObjectNode n = JSON.createObjectNode().put("instance_id", task.instanceId()).put("test_model", models.label())
                .put("scripted", models.scripted()).put("chosen", r.selection().chosenCandidateId());
        n.set("candidates", JSON.valueToTree(sources));
        SelectionReport.writeVerification(n, r);
        try {
            AtomicFiles.write(dir.task(task.instanceId()).selectionFile(), JSON.writeValueAsString(n) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new dev.fixpoint.solver.SolverException(task.instanceId() + ": cannot write the selection report", e);
        }
    }
}
