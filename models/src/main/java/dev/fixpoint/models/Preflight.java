package dev.fixpoint.models;


import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Checks that a provider model answers before a run spends anything else: one short user message, no tools, at most
 * {@value #MAX_TOKENS} output tokens, a short timeout and few retries, so that an unreachable server, a rejected key
 * or an unknown model is reported in seconds, with the provider's message, instead of failing every rollout.
 */
public final class Preflight {

    /** Output tokens asked for; enough for "OK". */
    public static final int MAX_TOKENS = 16;
    /** Three attempts within a few seconds: a blip passes, a dead server does not hold the run up. */
    static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(2), 2.0);
    /** At most this long per attempt (a local server loading a large model may take a minute to answer at first). */
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final String QUESTION = "Reply with the single word OK.";

    private Preflight() {}

    /**
     * Asks the model one tiny question.
     *
     * @return the answer (its usage is the cost of the check)
     * @throws ModelException why the model did not answer: unreachable, key rejected (naming the variable), model not
     *                        found, or a server error after the retries
     */
    public static ModelResponse check(ModelConfig config, Map<String, String> env) {
        ModelConfig quick = config.withRetry(RETRY)
                .withRequestTimeout(config.requestTimeout().compareTo(TIMEOUT) < 0 ? config.requestTimeout() : TIMEOUT);
        ModelRequest ask = new ModelRequest(List.of(new Message.User(QUESTION)), List.of());
        int cap = config.maxOutputTokens() == null ? MAX_TOKENS : Math.min(MAX_TOKENS, config.maxOutputTokens());
        try {
            return Models.open(quick.withMaxOutputTokens(cap), env).chat(ask);
        } catch (ModelException e) {
            if (e.kind() != ModelException.Kind.BAD_REQUEST) throw e;
            // some models refuse a small max_tokens (reasoning models want max_completion_tokens): ask as rollouts do
            return Models.open(quick, env).chat(ask);
        }
    }
}
