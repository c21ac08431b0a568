package dev.fixpoint.verifiers.judge;

import dev.fixpoint.agent.Message;
import dev.fixpoint.agent.Model;
import dev.fixpoint.agent.ModelException;
import dev.fixpoint.agent.ModelRequest;
import dev.fixpoint.agent.ModelResponse;
import dev.fixpoint.agent.Usage;
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
    private Usage usage = Usage.ZERO;
    private final List<String> problems = new ArrayList<>();

    JudgeCalls(Model model, int retries) {
        this.model = model;
        this.retries = retries;
    }

    <T> Optional<T> ask(String system, String user, Function<String, Optional<T>> parser, String what) {
        ModelRequest request = new ModelRequest(List.of(new Message.SystemPrompt(system), new Message.User(user)), List.of());
        for (int attempt = 0; attempt <= retries; attempt++) {
            ModelResponse response;
            try {
                calls++;
                response = model.chat(request);
            } catch (ModelException e) {
                log.warn("{}: {} failed: {}", model.id(), what, e.getMessage());
                problems.add(what + ": model call failed: " + e.getMessage());
                return Optional.empty();
            }
            usage = usage.plus(response.usage());
            Optional<T> parsed = parser.apply(response.message().text());
            if (parsed.isPresent()) {
                return parsed;
            }
            log.debug("{}: {} attempt {}: unparseable answer", model.id(), what, attempt + 1);
        }
        problems.add(what + ": no parseable answer after " + (retries + 1) + " attempts");
        return Optional.empty();
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
