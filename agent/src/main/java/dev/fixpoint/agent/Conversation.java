package dev.fixpoint.agent;

import dev.fixpoint.agent.trajectory.Elision;
import dev.fixpoint.models.Message;
import dev.fixpoint.models.ToolSpec;
import dev.fixpoint.models.Usage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The messages of one rollout as the model is sent them, kept within the {@link ContextPolicy}'s budget: before each
 * request {@link #fit} replaces the oldest elidable observations by their {@link Elision#marker() markers} until the
 * estimate fits. An elided observation stays elided, so the history's prefix stays stable. Tokens are estimated as
 * characters / 4 (tool specs included), scaled by the ratio of the input tokens the provider reported to the
 * estimates of the requests so far. Confined to the rollout's thread.
 */
final class Conversation {

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);
    private static final double CHARS_PER_TOKEN = 4.0;

    private final List<Message> messages = new ArrayList<>();
    /** The step that added each message (0 for the start). */
    private final List<Integer> steps = new ArrayList<>();
    private final BitSet elidedAt = new BitSet();
    private final ContextPolicy policy;
    private final String instanceId;
    private final long toolChars;
    private long chars;
    private double estimatedTokens, reportedTokens;
    private boolean warned;

    Conversation(ContextPolicy policy, List<ToolSpec> tools, String instanceId) {
        this.policy = policy;
        this.instanceId = instanceId;
        this.toolChars = chars(tools);
    }

    void add(Message m, int step) {
        messages.add(m);
        steps.add(step);
        chars += chars(m);
    }

    List<Message> messages() {
        return messages;
    }

    int size() {
        return messages.size();
    }

    /** Characters of text in the messages (elided observations as their markers). */
    long chars() {
        return chars;
    }

    /**
     * Elides the oldest observations until the request of {@code step} fits the budget; returns what it elided now.
     * Observations of steps {@code step - keepSteps} and later and results of {@link ContextPolicy#KEPT_TOOLS} stay.
     */
    List<Elision> fit(int step) {
        var elided = new ArrayList<Elision>();
        for (int i = 0; i < messages.size() && estimate() > policy.requestBudget(); i++) {
            if (messages.get(i) instanceof Message.ToolResult r && steps.get(i) < step - policy.keepSteps()
                    && !ContextPolicy.KEPT_TOOLS.contains(r.toolName()) && !elidedAt.get(i)) {
                var e = new Elision(steps.get(i), r.callId(), r.toolName(), r.text().length());
                messages.set(i, new Message.ToolResult(r.callId(), r.toolName(), e.marker()));
                chars += e.marker().length() - r.text().length();
                elidedAt.set(i);
                elided.add(e);
            }
        }
        if (estimate() > policy.requestBudget() && !warned) {
            warned = true;
            log.warn("{}: request of step {} is ~{} tokens, over the context budget of {} with every elidable observation elided",
                    instanceId, step, Math.round(estimate()), policy.requestBudget());
        }
        return elided;
    }

    /** Learns the provider's tokens per estimated token from the usage of the request just sent. */
    void calibrate(Usage usage) {
        if (usage.inputTokens() <= 0) return;
        estimatedTokens += rawEstimate();
        reportedTokens += usage.inputTokens();
    }

    /** Estimated tokens of the request as it stands. */
    double estimate() {
        double ratio = estimatedTokens > 0 ? Math.max(0.5, Math.min(4.0, reportedTokens / estimatedTokens)) : 1.0;
        return rawEstimate() * ratio;
    }

    private double rawEstimate() {
        return (chars + toolChars) / CHARS_PER_TOKEN;
    }

    static long chars(Message m) {
        if (m instanceof Message.SystemPrompt s) return s.text().length();
        if (m instanceof Message.User u) return u.text().length();
        if (m instanceof Message.ToolResult t) return t.text().length();
        var a = (Message.Assistant) m;
        return a.text().length() + a.toolCalls().stream().mapToLong(c -> c.arguments().length()).sum();
    }

    /** Characters the tool specs take in a request, about: names, descriptions and parameters. */
    static long chars(List<ToolSpec> tools) {
        return tools.stream().mapToLong(t -> t.name().length() + t.description().length()
                + t.params().stream().mapToLong(p -> p.name().length() + p.description().length() + 16L).sum()).sum();
    }
}
