package dev.fixpoint.verifiers.judge;

import dev.fixpoint.models.Message;
import dev.fixpoint.models.Model;
import dev.fixpoint.models.ModelException;
import dev.fixpoint.models.ModelRequest;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.TokenLogprob;
import dev.fixpoint.models.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a model one question and parses the answer, re-asking up to {@code retries} times when the answer
 * cannot be parsed. Counts calls and usage; a failed call (after the model's own retries) or a still
 * unparseable answer is recorded as a problem and yields no vote. Not thread-safe: one per verdict.
 */
final class JudgeCalls {

    private static final Logger log = LoggerFactory.getLogger(JudgeCalls.class);

    private final Model model;
    private final int retries;
    private int calls;
    private boolean logprobsRefused;
    private Usage usage = Usage.ZERO;
    private final List<String> problems = new ArrayList<>();

    JudgeCalls(Model model, int retries) {
        this.model = model;
        this.retries = retries;
    }

    /**
     * Checks a judge's settings: {@code count} (its samples or permutations, named by {@code what}) at least 1, the
     * re-asks per answer at least 0.
     */
    static void checkSettings(String what, int count, int retries) {
        if (count < 1 || retries < 0) {
            throw new IllegalArgumentException("%s must be >= 1 and retries >= 0, not: %d, %d".formatted(what, count, retries));
        }
    }

    /** An answer's parsed value and its tokens' log-probabilities (empty when not asked for or not given). */
    record Answer<T>(T value, List<TokenLogprob> logprobs) {
    }

    <T> Optional<T> ask(String system, String user, Function<String, Optional<T>> parser, String what) {
        return answer(request(system, user), parser, what).map(Answer::value);
    }

    /**
     * As {@link #ask}, asking for token log-probabilities with {@code top} alternatives. A provider that refuses them
     * (a bad-request error, as OpenAI's reasoning models give) is asked again without them, once, and
     * {@link #logprobsRefused()} turns true.
     */
    <T> Optional<Answer<T>> askWithLogprobs(String system, String user, int top, Function<String, Optional<T>> parser,
                                            String what) {
        return answer(request(system, user).withTopLogprobs(top), parser, what);
    }

    private static ModelRequest request(String system, String user) {
        return new ModelRequest(List.of(new Message.SystemPrompt(system), new Message.User(user)), List.of());
    }

    private <T> Optional<Answer<T>> answer(ModelRequest request, Function<String, Optional<T>> parser, String what) {
        boolean dropped = false;
        for (int attempt = 0; attempt <= retries; attempt++) {
            ModelResponse response;
            try {
                calls++;
                response = model.chat(request);
            } catch (ModelException e) {
                if (request.wantsLogprobs() && e.kind() == ModelException.Kind.BAD_REQUEST) {
                    log.info("{}: {}: refused with log-probabilities ({}), asking without", model.id(), what, e.getMessage());
                    request = new ModelRequest(request.messages(), request.tools());
                    dropped = true;
                    attempt--;
                    continue;
                }
                log.warn("{}: {} failed: {}", model.id(), what, e.getMessage());
                problems.add(what + ": model call failed: " + e.getMessage());
                return Optional.empty();
            }
            // refused only if the same request goes through without them (not, say, when the context is too long)
            logprobsRefused |= dropped;
            usage = usage.plus(response.usage());
            Optional<T> parsed = parser.apply(response.message().text());
            if (parsed.isPresent()) {
                return Optional.of(new Answer<>(parsed.get(), response.logprobs()));
            }
            log.debug("{}: {} attempt {}: unparseable answer", model.id(), what, attempt + 1);
        }
        problems.add(what + ": no parseable answer after " + (retries + 1) + " attempts");
        return Optional.empty();
    }

    /** Whether a call asking for log-probabilities was refused as a bad request and then went through without them. */
    boolean logprobsRefused() {
        return logprobsRefused;
    }

    int calls() {
        return calls;
    }

    Usage usage() {
        return usage;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
