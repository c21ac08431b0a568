package dev.fixpoint.solver.config;

import dev.fixpoint.agent.AgentLimits;
import dev.fixpoint.agent.ContextPolicy;
import dev.fixpoint.solver.github.BotBar;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every option of the solver, as read from the YAML config file and overridden by flags; each key is its component's
 * name in snake_case ({@link ConfigLoader} maps them).
 * Secrets are not kept here: API keys and the GitHub token are read from environment variables, whose names are
 * options; {@code secret_env} names further variables whose values are secrets (redacted from every output like the
 * keys). Missing values take the defaults below. {@code verification_budget_minutes} (10) bounds the sandbox time of
 * one task's verification; {@code regression_test_files} (8) caps the repository test files run as regression tests.
 * {@code request_timeout_seconds} (300) bounds one HTTP call to the model; {@code allow_unpriced} (false) lets a model
 * without a price run under a dollar limit, which then cannot hold (tokens still count). {@code bot_min_score} (0.8)
 * and {@code bot_min_agreeing} (2) are the bar {@code solve --post} holds a chosen patch to before it offers it.
 * {@code context_tokens} is the model's context window (default: its entry in the bundled table; 0 turns context
 * management off) and {@code context_keep_steps} (5) the last steps whose observations are never elided
 * ({@link ContextPolicy}).
 * {@code edit_checks} ([python, java]) names the languages whose edited files the edit tool checks for undefined
 * names (syntax is always checked); {@code review_submit} (true) makes a fixer's first submit show its patch with
 * warnings and ask to confirm with a second submit (scripted sessions must then submit twice).
 */
public record FixpointConfig(
        String model,
        String modelBaseUrl,
        String modelApiKeyEnv,
        List<String> secretEnv,
        String scripted,
        Integer rollouts,
        Integer workers,
        Integer tasksInFlight,
        Integer modelCallsInFlight,
        Integer containers,
        List<Double> temperatures,
        List<String> promptVariants,
        Integer stopAfterAgreeing,
        BigDecimal budgetUsd,
        Long budgetTokens,
        BigDecimal taskBudgetUsd,
        Long taskBudgetTokens,
        String strategy,
        Double minScore,
        Double minMargin,
        Boolean judge,
        Integer testWriters,
        Integer verificationBudgetMinutes,
        Integer regressionTestFiles,
        Integer maxSteps,
        Long maxTokensPerRollout,
        BigDecimal maxUsdPerRollout,
        Integer maxMinutesPerRollout,
        Long maxPatchBytes,
        Long contextTokens,
        Integer contextKeepSteps,
        List<String> editChecks,
        Boolean reviewSubmit,
        String cacheDir,
        String mirrors,
        String pricesFile,
        String githubApiUrl,
        String githubTokenEnv,
        Integer requestTimeoutSeconds,
        Boolean allowUnpriced,
        Double botMinScore,
        Integer botMinAgreeing) {

    public FixpointConfig {
        model = blankToNull(model);
        secretEnv = secretEnv == null ? List.of() : List.copyOf(secretEnv);
        scripted = blankToNull(scripted);
        rollouts = or(rollouts, 4);
        workers = or(workers, 2);
        tasksInFlight = or(tasksInFlight, Math.max(1, Math.min(2, workers)));
        modelCallsInFlight = or(modelCallsInFlight, workers);
        containers = or(containers, workers + tasksInFlight);
        temperatures = temperatures == null ? List.of(0.0, 0.4, 0.8) : List.copyOf(temperatures);
        promptVariants = promptVariants == null ? List.of("default", "minimal", "tests-first") : List.copyOf(promptVariants);
        stopAfterAgreeing = or(stopAfterAgreeing, 0);
        budgetTokens = or(budgetTokens, 0L);
        taskBudgetTokens = or(taskBudgetTokens, 0L);
        strategy = or(strategy, "weighted");
        minScore = or(minScore, 0.5);
        minMargin = or(minMargin, 0.0);
        judge = or(judge, true);
        testWriters = or(testWriters, 2);
        if (testWriters < 0) throw new IllegalArgumentException("test_writers must be >= 0, not: " + testWriters);
        verificationBudgetMinutes = or(verificationBudgetMinutes, 10);
        regressionTestFiles = or(regressionTestFiles, 8);
        requirePositive("verification_budget_minutes", verificationBudgetMinutes);
        requirePositive("regression_test_files", regressionTestFiles);
        maxSteps = or(maxSteps, 60);
        maxTokensPerRollout = or(maxTokensPerRollout, 3_000_000L);
        maxMinutesPerRollout = or(maxMinutesPerRollout, 30);
        maxPatchBytes = or(maxPatchBytes, AgentLimits.DEFAULT_MAX_PATCH_BYTES);
        if (maxPatchBytes < 1) throw new IllegalArgumentException("max_patch_bytes must be >= 1, not: " + maxPatchBytes);
        if (contextTokens != null && contextTokens < 0) throw new IllegalArgumentException("context_tokens must be >= 0 (0 = off), not: " + contextTokens);
        contextKeepSteps = or(contextKeepSteps, ContextPolicy.DEFAULT.keepSteps());
        requirePositive("context_keep_steps", contextKeepSteps);
        editChecks = editChecks == null ? List.of("python", "java") : List.copyOf(editChecks);
        for (String l : editChecks) {
            if (!l.equals("python") && !l.equals("java")) {
                throw new IllegalArgumentException("edit_checks lists languages: python, java; not: " + l);
            }
        }
        reviewSubmit = or(reviewSubmit, true);
        githubApiUrl = or(githubApiUrl, "https://api.github.com");
        githubTokenEnv = or(githubTokenEnv, "GITHUB_TOKEN");
        requirePositive("rollouts", rollouts);
        requirePositive("workers", workers);
        requirePositive("tasks_in_flight", tasksInFlight);
        requirePositive("model_calls_in_flight", modelCallsInFlight);
        requirePositive("containers", containers);
        requirePositive("max_steps", maxSteps);
        requirePositive("max_minutes_per_rollout", maxMinutesPerRollout);
        requestTimeoutSeconds = or(requestTimeoutSeconds, (int) dev.fixpoint.models.ModelConfig.DEFAULT_TIMEOUT.toSeconds());
        requirePositive("request_timeout_seconds", requestTimeoutSeconds);
        allowUnpriced = or(allowUnpriced, false);
        botMinScore = or(botMinScore, BotBar.DEFAULT_MIN_SCORE);
        botMinAgreeing = or(botMinAgreeing, BotBar.DEFAULT_MIN_AGREEING);
        new BotBar(botMinScore, botMinAgreeing); // validates
    }

    /** When {@code solve --post} offers a patch (stricter than the selection's own bar by default). */
    public BotBar botBar() {
        return new BotBar(botMinScore, botMinAgreeing);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static <T> T or(T v, T d) {
        return v == null ? d : v;
    }

    private static void requirePositive(String key, int v) {
        if (v < 1) throw new IllegalArgumentException(key + " must be >= 1, not: " + v);
    }
}
