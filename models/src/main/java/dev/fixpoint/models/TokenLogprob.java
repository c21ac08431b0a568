package dev.fixpoint.models;

import java.util.List;
import java.util.Objects;

/**
 * One generated token with its natural-log probability and the most likely tokens the model could have produced
 * in its place (as many as {@link ModelRequest#topLogprobs()} asked for, the sampled one usually among them).
 *
 * @param token   the token's text as the provider decodes it (may start with a space)
 * @param logprob natural log of its probability, at most 0; negative infinity when the provider gave none
 * @param top     the most likely tokens at this position, most likely first; empty when not asked for
 */
public record TokenLogprob(String token, double logprob, List<Alternative> top) {

    public TokenLogprob {
        Objects.requireNonNull(token, "token");
        top = top == null ? List.of() : List.copyOf(top);
        requireLogprob(logprob, token);
    }

    /** A token without alternatives. */
    public static TokenLogprob of(String token, double logprob) {
        return new TokenLogprob(token, logprob, List.of());
    }

    /** The token's probability, {@code exp(logprob)}. */
    public double probability() {
        return Math.exp(logprob);
    }

    /** A token that could have stood at this position. */
    public record Alternative(String token, double logprob) {
        public Alternative {
            Objects.requireNonNull(token, "alternative token");
            requireLogprob(logprob, token);
        }

        public double probability() {
            return Math.exp(logprob);
        }
    }

    private static void requireLogprob(double logprob, String token) {
        // providers round: allow a hair above 0
        if (Double.isNaN(logprob) || logprob > 1e-6) {
            throw new IllegalArgumentException("not a log-probability for token '%s': %s".formatted(token, logprob));
        }
    }
}
