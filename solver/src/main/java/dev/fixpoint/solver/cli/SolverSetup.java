package dev.fixpoint.solver.cli;

import dev.fixpoint.agent.AgentLimits;
import dev.fixpoint.agent.ContextPolicy;
import dev.fixpoint.agent.tool.EditChecks;
import dev.fixpoint.agent.tool.ToolOptions;
import dev.fixpoint.models.ModelConfig;
import dev.fixpoint.models.PriceTable;
import dev.fixpoint.models.Provider;
import dev.fixpoint.sandbox.Limits;
import dev.fixpoint.models.Budget;
import dev.fixpoint.solver.Concurrency;
import dev.fixpoint.solver.Diversity;
import dev.fixpoint.solver.ModelSource;
import dev.fixpoint.solver.PipelineConfig;
import dev.fixpoint.solver.SelectionConfig;
import dev.fixpoint.solver.config.FixpointConfig;
import dev.fixpoint.solver.model.HumanModels;
import dev.fixpoint.solver.model.LiveModels;
import dev.fixpoint.solver.model.ScriptedModels;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a merged {@link FixpointConfig} into the pipeline's parts. */
final class SolverSetup {

    static final String NO_MODEL = "no model configured: give --model PROVIDER:NAME (e.g. openai:gpt-4.1 with OPENAI_API_KEY set; "
            + "anthropic:... with ANTHROPIC_API_KEY; gemini:... with GEMINI_API_KEY or GOOGLE_API_KEY; ollama:... needs no key), "
            + "or --scripted DIR to replay scripted sessions (e.g. tasks/samples/scripts); or set model: / scripted: in the config file";

    private SolverSetup() {}

    static ModelSource models(FixpointConfig c, Map<String, String> env) {
        if (c.scripted() != null) return new ScriptedModels(Path.of(c.scripted()));
        if (c.model() == null) throw new NoModelException(NO_MODEL);
        if (HumanModels.matches(c.model())) return new HumanModels(c.model(), System.in, System.err);
        ModelConfig mc;
        try {
            mc = ModelConfig.parse(c.model());
        } catch (IllegalArgumentException e) {
            throw new NoModelException("--model: " + e.getMessage());
        }
        if (c.modelBaseUrl() != null) mc = mc.withBaseUrl(c.modelBaseUrl());
        if (c.modelApiKeyEnv() != null) mc = mc.withApiKeyEnv(c.modelApiKeyEnv());
        mc = mc.withRequestTimeout(Duration.ofSeconds(c.requestTimeoutSeconds()));
        var vars = c.modelApiKeyEnv() != null ? java.util.List.of(c.modelApiKeyEnv()) : mc.provider().keyEnv();
        boolean keyed = vars.isEmpty() || vars.stream().anyMatch(v -> env.get(v) != null && !env.get(v).isBlank());
        if (!keyed) {
            throw new NoModelException("--model " + mc.id() + " needs its API key: set " + String.join(" or ", vars)
                    + " in the environment (or name another variable with model_api_key_env in the config), or use --scripted DIR");
        }
        if (mc.provider() == Provider.OPENAI_COMPATIBLE && mc.effectiveBaseUrl() == null) {
            throw new NoModelException("--model " + mc.id() + " needs --base-url (e.g. http://localhost:8000/v1)");
        }
        return new LiveModels(mc, env, c.judge());
    }

    static PriceTable prices(FixpointConfig c) {
        BigDecimal zero = BigDecimal.ZERO;
        PriceTable t = PriceTable.defaults().with("scripted:*", new PriceTable.Price(zero, zero, zero))
                .with(HumanModels.PREFIX + ":*", new PriceTable.Price(zero, zero, zero));
        return c.pricesFile() == null ? t : t.withFile(Path.of(c.pricesFile()));
    }

    /**
     * A dollar limit (budget_usd, task_budget_usd, max_usd_per_rollout) cannot hold for a model without a price: such
     * a run is refused, naming the model and how to give its price, unless {@code allow_unpriced} is set; then the
     * one warning to print is returned. Replayed trajectories are priced by the model they recorded and pass.
     *
     * @return the warning to print once, if the run goes on without a price
     * @throws IllegalArgumentException when a dollar limit is set for a model without a price and allow_unpriced is not
     */
    static Optional<String> checkPriced(FixpointConfig c, ModelSource models, PriceTable prices) {
        List<String> limits = new ArrayList<>();
        if (c.budgetUsd() != null) limits.add("--budget-usd " + c.budgetUsd().toPlainString());
        if (c.taskBudgetUsd() != null) limits.add("--task-budget-usd " + c.taskBudgetUsd().toPlainString());
        if (c.maxUsdPerRollout() != null) limits.add("max_usd_per_rollout " + c.maxUsdPerRollout().toPlainString());
        String id = models.label();
        if (limits.isEmpty() || prices.price(id).isPresent() || id.startsWith(Provider.REPLAY.prefix() + ":")) return Optional.empty();
        String limit = String.join(", ", limits);
        if (!c.allowUnpriced()) {
            throw new IllegalArgumentException(limit + " needs the price of model " + id + ", and the price table has none (it prices "
                    + String.join(", ", prices.models()) + "; from the bundled prices.json"
                    + (c.pricesFile() == null ? "" : " and " + c.pricesFile()) + "). Give its price in a JSON file with --prices FILE "
                    + "(or prices_file: FILE in the config), USD per million tokens: {\"models\": {\"" + id
                    + "\": {\"input\": 1.0, \"cached_input\": 0.1, \"output\": 4.0}}}; or pass --allow-unpriced "
                    + "(allow_unpriced: true) to run without a dollar limit on it");
        }
        boolean tokens = c.budgetTokens() > 0 || c.taskBudgetTokens() > 0;
        return Optional.of("warning: model " + id + " has no price, so " + limit + " cannot hold (--allow-unpriced): its spend is "
                + (tokens ? "counted in tokens only, against --budget-tokens " + c.budgetTokens() + " / --task-budget-tokens " + c.taskBudgetTokens()
                        : "not limited at all (no token budget is set; give --budget-tokens T to bound it)"));
    }

    static PipelineConfig pipeline(FixpointConfig c) {
        AgentLimits limits = new AgentLimits(c.maxSteps(), c.maxTokensPerRollout(), c.maxUsdPerRollout(),
                Duration.ofMinutes(c.maxMinutesPerRollout()), c.maxPatchBytes(), new ContextPolicy(c.contextTokens(), c.contextKeepSteps()));
        return new PipelineConfig(c.rollouts(), new Diversity(c.temperatures(), c.promptVariants()), limits, Limits.DEFAULT,
                new SelectionConfig(c.strategy(), c.minScore(), c.minMargin(), c.judge()), c.stopAfterAgreeing(), c.testWriters(),
                Duration.ofMinutes(c.verificationBudgetMinutes()), c.regressionTestFiles(),
                new ToolOptions(new EditChecks(c.editChecks().contains("python"), c.editChecks().contains("java")), c.reviewSubmit()));
    }

    static Budget budget(FixpointConfig c, PriceTable prices) {
        return new Budget(new Budget.Limits(c.budgetUsd(), c.budgetTokens()), new Budget.Limits(c.taskBudgetUsd(), c.taskBudgetTokens()), prices);
    }

    static Concurrency concurrency(FixpointConfig c) {
        return new Concurrency(new Concurrency.Limits(c.workers(), c.containers(), c.modelCallsInFlight(), c.tasksInFlight()));
    }
}
