package dev.fixpoint.solver.cli;

import dev.fixpoint.solver.config.ConfigLoader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options shared by the commands that run the pipeline (batch, solve, select, config show); each overrides the config
 * file's key of the same name.
 */
public final class RunOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (default: $FIXPOINT_CONFIG, else ./fixpoint.yaml if present)")
    Path config;

    @Option(names = "--model", paramLabel = "PROVIDER:NAME", description = {"model for rollouts, e.g. openai:gpt-4.1, anthropic:claude-sonnet-4-20250514, ollama:qwen2.5-coder:7b; its key comes from the provider's usual environment variable.",
            "human (or human:NAME): you are the model. Each request's new messages (the tools once, a token estimate) are shown on stderr and your answer is read from stdin, one per request: "
                    + "`bash ls -la` (the rest of the line is the one missing required parameter), `view src/a.py start_line=10` (name=value for the others), "
                    + "`edit str_replace src/a.py old_str<<OLD new_str<<NEW` then the lines of each heredoc up to its end word, "
                    + "JSON {\"tool\": \"view\", \"args\": {\"path\": \"a.py\"}}, or `say TEXT`; `help` at the prompt shows the syntax, a mistake is explained and asked again, "
                    + "end of input (Ctrl-D) ends the rollout with the edits made so far. Test writing and the judge are off; use --rollouts 1 --workers 1 to answer one conversation at a time"})
    String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "API base URL (required for openai-compatible)")
    String baseUrl;

    @Option(names = "--scripted", paramLabel = "DIR", description = "replay scripted sessions DIR/<instance_id>/rollout-<k>.json instead of asking a model (labelled scripted everywhere)")
    Path scripted;

    @Option(names = "--rollouts", paramLabel = "N", description = "rollouts per task (default 4)")
    Integer rollouts;

    @Option(names = "--workers", paramLabel = "M", description = "rollouts in flight at once, over all tasks (default 2)")
    Integer workers;

    @Option(names = "--budget-usd", paramLabel = "X", description = "stop launching work once the run has spent X dollars")
    BigDecimal budgetUsd;

    @Option(names = "--budget-tokens", paramLabel = "T", description = "stop launching work once the run has used T tokens")
    Long budgetTokens;

    @Option(names = "--task-budget-usd", paramLabel = "X", description = "per-task dollar limit")
    BigDecimal taskBudgetUsd;

    @Option(names = "--task-budget-tokens", paramLabel = "T", description = "per-task token limit")
    Long taskBudgetTokens;

    @Option(names = "--prices", paramLabel = "FILE", description = "a JSON price table added to the bundled one (USD per million tokens: "
            + "{\"models\": {\"PROVIDER:NAME\": {\"input\": X, \"cached_input\": Y, \"output\": Z}}}; a key ending in * is a prefix); config key prices_file")
    Path prices;

    @Option(names = "--allow-unpriced", description = "run a model that has no price under --budget-usd (or another dollar limit) "
            + "anyway: it cannot hold, a warning says so and only token budgets count (refused otherwise)")
    Boolean allowUnpriced;

    @Option(names = "--stop-after-agreeing", paramLabel = "K", description = "adaptive compute: stop launching a task's rollouts once K candidates agree with passing evidence (0 = off)")
    Integer stopAfterAgreeing;

    @Option(names = "--strategy", paramLabel = "NAME", description = "selection: majority-vote, execution-only, execution-then-model, weighted (default)")
    String strategy;

    @Option(names = "--min-score", paramLabel = "S", description = "abstain when the best score is below S (default 0.5)")
    Double minScore;

    @Option(names = "--temperatures", split = ",", paramLabel = "T,...", description = "temperature schedule over rollouts (default 0,0.4,0.8)")
    List<Double> temperatures;

    @Option(names = "--prompt-variants", split = ",", paramLabel = "V,...", description = "prompt variants over rollouts: default, minimal, tests-first, root-cause")
    List<String> promptVariants;

    @Mixin
    RepoOptions repos = new RepoOptions();

    /**
     * The config file ({@code --config}, else $FIXPOINT_CONFIG, else ./fixpoint.yaml) with the flags given on top,
     * and the model source, prices and budget it names.
     *
     * @param extra further config keys set by the command's own flags (null values are not set)
     * @throws NoModelException when no model is configured or its key is missing
     */
    RunSetup setup(Map<String, String> env, Map<String, Object> extra) {
        Map<String, Object> keys = overrides();
        keys.putAll(extra);
        return RunSetup.of(ConfigLoader.load(ConfigLoader.locate(config, env), keys), env);
    }

    /** Flags given, as config keys. */
    Map<String, Object> overrides() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("model_base_url", baseUrl);
        m.put("scripted", scripted == null ? null : scripted.toString());
        m.put("rollouts", rollouts);
        m.put("workers", workers);
        m.put("budget_usd", budgetUsd);
        m.put("budget_tokens", budgetTokens);
        m.put("task_budget_usd", taskBudgetUsd);
        m.put("task_budget_tokens", taskBudgetTokens);
        m.put("prices_file", prices == null ? null : prices.toString());
        m.put("allow_unpriced", allowUnpriced);
        m.put("stop_after_agreeing", stopAfterAgreeing);
        m.put("strategy", strategy);
        m.put("min_score", minScore);
        m.put("temperatures", temperatures);
        m.put("prompt_variants", promptVariants);
        m.put("mirrors", repos.mirrors == null ? null : repos.mirrors.toString());
        m.put("cache_dir", repos.cacheDir == null ? null : repos.cacheDir.toString());
        return m;
    }
}
