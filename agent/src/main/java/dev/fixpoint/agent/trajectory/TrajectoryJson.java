package dev.fixpoint.agent.trajectory;

import dev.fixpoint.agent.AgentJson;
import dev.fixpoint.models.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.models.Message;
import dev.fixpoint.agent.RolloutStart;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.agent.tool.ToolRun;
import dev.fixpoint.models.ToolSpec;
import dev.fixpoint.models.Usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The trajectory's JSONL format, one object per line, {@code "type"} first:
 * <ul>
 *   <li>{@code start}: task, model, workdir, limits (with {@code context_tokens} and {@code context_keep_steps} when the
 *       requests are kept within a context window), tool names, the initial messages;</li>
 *   <li>{@code step}: request summary (messages, chars, and {@code elided}: the observations replaced by a marker from
 *       this step on to fit the context budget, each as step, call_id, tool, chars; absent when none), response (text, tool_calls, finish_reason), observations
 *       (call_id, tool, text, error, submitted, ms), usage and cost of the call, totals so far, timings in ms;</li>
 *   <li>{@code end}: outcome, steps, usage, cost, error, patch status and message, patch, reproduction files.</li>
 * </ul>
 * Costs are numbers or null (unknown). Every string passes through the {@link Redactor} before it is written.
 * {@link TrajectoryParser} reads the format back.
 */
public final class TrajectoryJson {

    static final ObjectMapper JSON = AgentJson.mapper();

    private TrajectoryJson() {}

    public static ObjectNode start(RolloutStart s) {
        ObjectNode n = JSON.createObjectNode().put("type", "start").put("ts", s.startedAt().toString())
                .put("instance_id", s.instanceId()).put("model", s.modelId()).put("workdir", s.workdir());
        ObjectNode limits = n.putObject("limits").put("max_steps", s.limits().maxSteps()).put("max_tokens", s.limits().maxTokens())
                .put("max_cost_usd", s.limits().maxCostUsd()).put("max_wall_seconds", s.limits().maxWallTime().toSeconds())
                .put("max_patch_bytes", s.limits().maxPatchBytes());
        if (s.limits().context().managed()) {
            limits.put("context_tokens", s.limits().context().windowTokens()).put("context_keep_steps", s.limits().context().keepSteps());
        }
        ArrayNode tools = n.putArray("tools");
        s.tools().stream().map(ToolSpec::name).forEach(tools::add);
        ArrayNode messages = n.putArray("messages");
        for (Message m : s.messages()) {
            if (m instanceof Message.SystemPrompt sp) messages.addObject().put("role", "system").put("text", sp.text());
            else if (m instanceof Message.User u) messages.addObject().put("role", "user").put("text", u.text());
        }
        return n;
    }

    public static ObjectNode step(Step s) {
        ObjectNode n = JSON.createObjectNode().put("type", "step").put("step", s.index()).put("ts", s.startedAt().toString());
        ObjectNode request = n.putObject("request").put("messages", s.requestMessages()).put("chars", s.requestChars());
        if (!s.elided().isEmpty()) {
            ArrayNode elided = request.putArray("elided");
            s.elided().forEach(e -> elided.addObject().put("step", e.step()).put("call_id", e.callId()).put("tool", e.tool())
                    .put("chars", e.chars()));
        }
        ObjectNode response = n.putObject("response");
        response.put("text", s.response().message().text()).put("finish_reason", s.response().finishReason());
        ArrayNode calls = response.putArray("tool_calls");
        for (ToolCall c : s.response().message().toolCalls()) {
            calls.addObject().put("id", c.id()).put("name", c.name()).put("arguments", c.arguments());
        }
        ArrayNode observations = n.putArray("observations");
        for (ToolRun r : s.toolRuns()) {
            observations.addObject().put("call_id", r.call().id()).put("tool", r.call().name()).put("text", r.observation().text())
                    .put("error", r.observation().error()).put("submitted", r.observation().submitted())
                    .put("ms", millis(r.duration()));
        }
        n.set("usage", usage(s.response().usage()));
        n.put("cost_usd", s.cost().orElse(null));
        n.set("total_usage", usage(s.totalUsage()));
        n.put("total_cost_usd", s.totalCost().orElse(null));
        n.putObject("timings").put("model_ms", millis(s.modelTime())).put("tools_ms", millis(s.toolTime())).put("step_ms", millis(s.stepTime()));
        return n;
    }

    public static ObjectNode end(Candidate c) {
        ObjectNode n = JSON.createObjectNode().put("type", "end").put("instance_id", c.instanceId()).put("model", c.modelId())
                .put("outcome", c.outcome().name()).put("steps", c.steps());
        n.set("usage", usage(c.usage()));
        n.put("cost_usd", c.costUsd().orElse(null)).put("wall_ms", millis(c.wallTime())).put("error", c.error())
                .put("patch_status", c.patchStatus().name()).put("patch_message", c.patchMessage()).put("patch", c.patch());
        ArrayNode repro = n.putArray("reproduction");
        c.reproduction().forEach(f -> repro.addObject().put("path", f.path()).put("content", f.content()));
        return n;
    }

    static Duration duration(JsonNode millis) {
        return Duration.ofNanos(Math.round(millis.asDouble() * 1_000_000));
    }

    private static ObjectNode usage(Usage u) {
        return JSON.createObjectNode().put("input", u.inputTokens()).put("output", u.outputTokens())
                .put("cached", u.cachedInputTokens()).put("calls", u.calls()).put("latency_ms", millis(u.latency()));
    }

    private static double millis(Duration d) {
        return Math.round(d.toNanos() / 10_000.0) / 100.0;
    }

    /** Replaces every string value in the tree (in place) by its redacted form. */
    public static void redact(JsonNode node, Redactor redactor) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getValue().isTextual()) e.setValue(TextNode.valueOf(redactor.redact(e.getValue().asText())));
                else redact(e.getValue(), redactor);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) a.set(i, TextNode.valueOf(redactor.redact(a.get(i).asText())));
                else redact(a.get(i), redactor);
            }
        }
    }

    static Optional<BigDecimal> decimal(JsonNode n) {
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n.decimalValue());
    }
}
