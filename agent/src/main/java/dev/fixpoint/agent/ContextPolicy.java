package dev.fixpoint.agent;

import dev.fixpoint.models.ContextWindows;

import java.util.Set;

/**
 * How a rollout keeps its requests within the model's context window. When a request would take more than
 * {@link #requestBudget()} tokens (estimated from its characters, calibrated by the input tokens the provider reports),
 * the oldest observations are replaced by a one-line marker (which tool, how long, "elided to fit the context") until
 * it fits. Never elided: the system prompt and the task, the model's own messages, the observations of the last
 * {@code keepSteps} steps and the results of {@link #KEPT_TOOLS}. The trajectory records each elision.
 *
 * @param windowTokens the model's context window in tokens; null for its entry in {@link ContextWindows#defaults()}
 *                     (no management when it has none); 0 for no management
 * @param keepSteps    the last steps whose observations always stay in full
 */
public record ContextPolicy(Long windowTokens, int keepSteps) {

    /** The model's window from the bundled table, the last 5 steps kept. */
    public static final ContextPolicy DEFAULT = new ContextPolicy(null, 5);
    /** Every observation is sent in full, whatever the model. */
    public static final ContextPolicy OFF = new ContextPolicy(0L, 5);
    /** Tools whose results are never elided: the model must see what its edits did. */
    public static final Set<String> KEPT_TOOLS = Set.of("edit");

    public ContextPolicy {
        if (windowTokens != null && windowTokens < 0) throw new IllegalArgumentException("context window must be >= 0 tokens: " + windowTokens);
        if (keepSteps < 1) throw new IllegalArgumentException("context keep steps must be >= 1: " + keepSteps);
    }

    /** This policy with the window of {@code modelId} filled in from the table when it was not given (0 if unknown). */
    public ContextPolicy forModel(String modelId) {
        return windowTokens != null ? this : new ContextPolicy(ContextWindows.defaults().window(modelId).orElse(0), keepSteps);
    }

    public boolean managed() {
        return windowTokens != null && windowTokens > 0;
    }

    /** Tokens a request may take: 80% of the window, the rest left for the answer and the estimate's error. */
    public long requestBudget() {
        return managed() ? windowTokens * 4 / 5 : Long.MAX_VALUE;
    }
}
