package dev.fixpoint.models;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model that answers with a fixed list of responses, in order, whatever it is asked (mini-swe-agent's
 * DeterministicModel). When the list is used up a call fails with {@link ModelException.Kind#EXHAUSTED}.
 * For tests, demos and benchmarks. Thread-safe, but a script is meant for one rollout.
 */
public final class ScriptedModel implements Model {

    private final String id;
    private final List<ModelResponse> responses;
    private final AtomicInteger next = new AtomicInteger();
    private final List<ModelRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());

    public ScriptedModel(String id, List<ModelResponse> responses) {
        this.id = id;
        this.responses = List.copyOf(responses);
    }

    public static ScriptedModel of(ModelResponse... responses) {
        return new ScriptedModel("scripted:test", List.of(responses));
    }

    /** A response with one tool call; {@code argumentsJson} is passed as is (it may be invalid on purpose). */
    public static ModelResponse call(String tool, String argumentsJson) {
        return respond("", new ToolCall("call_" + Integer.toHexString(System.identityHashCode(argumentsJson)) + "_" + tool, tool, argumentsJson));
    }

    /** A response with text and tool calls, usage 0 tokens. */
    public static ModelResponse respond(String text, ToolCall... calls) {
        return new ModelResponse(new Message.Assistant(text, List.of(calls)), Usage.of(0, 0, 0, Duration.ZERO),
                calls.length > 0 ? "tool_calls" : "stop");
    }

    /**
     * A text response carrying scripted token log-probabilities, as an OpenAI model asked for them would; it is
     * returned whether or not the request asked (check {@link #requests()} for that).
     */
    public static ModelResponse respond(String text, List<TokenLogprob> logprobs) {
        return respond(text).withLogprobs(logprobs);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ModelResponse chat(ModelRequest request) {
        requests.add(request);
        int i = next.getAndIncrement();
        if (i >= responses.size()) {
            throw new ModelException(ModelException.Kind.EXHAUSTED, id + ": script exhausted after " + responses.size() + " responses");
        }
        return responses.get(i);
    }

    /** Requests received so far, for assertions. */
    public List<ModelRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public int remaining() {
        return Math.max(0, responses.size() - next.get());
    }
}
