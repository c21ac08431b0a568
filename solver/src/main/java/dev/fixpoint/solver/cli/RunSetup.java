package dev.fixpoint.solver.cli;

import dev.fixpoint.agent.PriceTable;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.solver.Budget;
import dev.fixpoint.solver.ModelSource;
import dev.fixpoint.solver.Pipeline;
import dev.fixpoint.solver.config.FixpointConfig;
import dev.fixpoint.tasks.RepoCache;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a pipeline command (batch, solve, select) has once its flags and config file are read: the merged config and
 * the model source, prices and budget it names. Made by {@link RunOptions#setup}.
 */
record RunSetup(FixpointConfig config, ModelSource models, PriceTable prices, Budget budget) {

    /** @throws NoModelException when no model is configured or its key is missing */
    static RunSetup of(FixpointConfig config, Map<String, String> env) {
        ModelSource models = SolverSetup.models(config, env);
        PriceTable prices = SolverSetup.prices(config);
        return new RunSetup(config, models, prices, SolverSetup.budget(config, prices));
    }

    /** The mirror cache of the config ({@code mirrors}, else mirrors.json next to the task file; {@code cache_dir}). */
    RepoCache cache(Path tasksFile) {
        Path mirrors = config.mirrors() != null ? Path.of(config.mirrors()) : RepoOptions.sibling(tasksFile);
        return RepoOptions.open(config.cacheDir() == null ? null : Path.of(config.cacheDir()), mirrors);
    }

    /** A pipeline on {@code docker} with this setup's models, limits, budget and concurrency. */
    Pipeline pipeline(DockerSandboxProvider docker, RepoCache cache, String runId) {
        return Pipeline.builder(docker).cache(cache).models(models).config(SolverSetup.pipeline(config)).budget(budget)
                .concurrency(SolverSetup.concurrency(config)).prices(prices).runId(runId).build();
    }

    /** The default label of a run's containers: the command and a hash of its output directory. */
    static String derivedRunId(String command, Path out) {
        return command + "-" + Integer.toHexString(out.toAbsolutePath().normalize().toString().hashCode());
    }
}
