package dev.fixpoint.solver.cli;

import dev.fixpoint.models.ModelException;
import dev.fixpoint.models.PriceTable;
import dev.fixpoint.models.Usage;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.models.Budget;
import dev.fixpoint.solver.ModelSource;
import dev.fixpoint.solver.Pipeline;
import dev.fixpoint.solver.prepare.PrebuiltInstances;
import dev.fixpoint.solver.config.FixpointConfig;
import dev.fixpoint.solver.model.HumanModels;
import dev.fixpoint.solver.config.Secrets;
import dev.fixpoint.tasks.git.RepoCache;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.Optional;

/**
 * What a pipeline command (batch, solve, select) has once its flags and config file are read: the merged config and
 * the model source, prices and budget it names. Made by {@link RunOptions#setup}.
 */
record RunSetup(FixpointConfig config, ModelSource models, PriceTable prices, Budget budget) {

    /**
     * @throws NoModelException when no model is configured or its key is missing
     * @throws IllegalArgumentException when a dollar limit is set for a model without a price (see {@link SolverSetup#checkPriced})
     */
    static RunSetup of(FixpointConfig config, Map<String, String> env) {
        dev.fixpoint.models.Redactor.registerSecretVariables(Secrets.variables(config));
        ModelSource models = SolverSetup.models(config, env);
        PriceTable prices = SolverSetup.prices(config);
        SolverSetup.checkPriced(config, models, prices).ifPresent(System.err::println);
        return new RunSetup(config, models, prices, SolverSetup.budget(config, prices));
    }

    /**
     * Asks the model one tiny question before any work ({@link ModelSource#preflight}; scripted and replayed models
     * are not asked); its usage counts in the run's spend. A 429 passes: the server is reachable, the key accepted and
     * the model known, and the run's own retries wait for the rate limit.
     *
     * @throws ModelUnavailableException naming provider, model, base URL and the provider's error when it does not answer
     */
    void checkModel(String command) {
        if (models instanceof HumanModels) {
            System.err.printf("fixpoint %s: model %s: you answer as the model: requests are shown here on stderr, answers read from "
                    + "stdin (`help` at the prompt; end of input ends a rollout)%s%n", command, models.label(), config.workers() > 1
                    ? "; with --workers " + config.workers() + " the requests of several rollouts alternate (--workers 1 avoids it)" : "");
        }
        long t0 = System.nanoTime();
        Optional<Usage> usage;
        try {
            usage = models.preflight();
        } catch (ModelException e) {
            if (e.kind() == ModelException.Kind.RATE_LIMIT) { // reachable, key accepted, model known: the run's retries wait
                System.err.printf("fixpoint %s: model %s is rate limited right now (HTTP 429), going on: %s%n", command, models.label(),
                        e.getMessage());
                return;
            }
            throw new ModelUnavailableException("the model did not answer a one-line check, so nothing was run ("
                    + models.describe() + "): " + e.getMessage(), e);
        }
        usage.ifPresent(u -> {
            budget.task("(preflight)").record(models.label(), u);
            System.err.printf("fixpoint %s: model %s answered a one-line check in %d ms%n", command, models.label(),
                    (System.nanoTime() - t0) / 1_000_000);
        });
    }

    /** The mirror cache of the config ({@code mirrors}, else mirrors.json next to the task file; {@code cache_dir}). */
    RepoCache cache(Path tasksFile) {
        Path mirrors = config.mirrors() != null ? Path.of(config.mirrors()) : RepoOptions.sibling(tasksFile);
        return RepoOptions.open(config.cacheDir() == null ? null : Path.of(config.cacheDir()), mirrors);
    }

    /** A pipeline on {@code docker} with this setup's models, limits, budget and concurrency. */
    Pipeline pipeline(DockerSandboxProvider docker, RepoCache cache, String runId) {
        return pipeline(docker, null, cache, runId, UnaryOperator.identity());
    }

    /**
     * Like {@link #pipeline(DockerSandboxProvider, RepoCache, String)}, sandboxes started by {@code runOn} if given.
     *
     * @param publisher what makes an instance image pullable by the sandboxes (see {@link RegistryOption})
     */
    Pipeline pipeline(DockerSandboxProvider docker, SandboxProvider runOn, RepoCache cache, String runId, UnaryOperator<String> publisher) {
        return pipeline(docker, runOn, cache, runId, publisher, null);
    }

    /**
     * Like {@link #pipeline(DockerSandboxProvider, SandboxProvider, RepoCache, String, UnaryOperator)}; with
     * {@code prebuilt}, no instance image is baked ({@code docker} may be null) and the sandboxes run on {@code runOn}.
     */
    Pipeline pipeline(DockerSandboxProvider docker, SandboxProvider runOn, RepoCache cache, String runId, UnaryOperator<String> publisher,
                      PrebuiltInstances prebuilt) {
        return Pipeline.builder(docker).runSandboxesOn(runOn).prebuilt(prebuilt).cache(cache).models(models).config(SolverSetup.pipeline(config))
                .budget(budget).concurrency(SolverSetup.concurrency(config)).prices(prices).runId(runId).publisher(publisher).build();
    }

    /** The default label of a run's containers: the command and a hash of its output directory. */
    static String derivedRunId(String command, Path out) {
        return command + "-" + Integer.toHexString(out.toAbsolutePath().normalize().toString().hashCode());
    }
}
