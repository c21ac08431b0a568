package dev.fixpoint.agent.trajectory;

import dev.fixpoint.models.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fixpoint.agent.AgentException;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.models.Message;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.agent.tool.Observation;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.agent.trajectory.RecordedTrajectory.Problem.Kind;
import dev.fixpoint.agent.RolloutStart;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.agent.tool.ToolRun;
import dev.fixpoint.models.ToolSpec;
import dev.fixpoint.models.Usage;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trajectory's JSONL format, one object per line, {@code "type"} first:
 * <ul>
 *   <li>{@code start}: task, model, workdir, limits, tool names, the initial messages;</li>
 *   <li>{@code step}: request summary (messages, chars), response (text, tool_calls, finish_reason), observations
 *       (call_id, tool, text, error, submitted, ms), usage and cost of the call, totals so far, timings in ms;</li>
 *   <li>{@code end}: outcome, steps, usage, cost, error, patch status and message, patch, reproduction files.</li>
 * </ul>
 * Costs are numbers or null (unknown). Every string passes through the {@link Redactor} before it is written.
 */
public final class TrajectoryJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private TrajectoryJson() {}

    public static ObjectNode start(RolloutStart s) {
        ObjectNode n = JSON.createObjectNode().put("type", "start").put("ts", s.startedAt().toString())
                .put("instance_id", s.instanceId()).put("model", s.modelId()).put("workdir", s.workdir());
        n.putObject("limits").put("max_steps", s.limits().maxSteps()).put("max_tokens", s.limits().maxTokens())
                .put("max_cost_usd", s.limits().maxCostUsd()).put("max_wall_seconds", s.limits().maxWallTime().toSeconds())
                .put("max_patch_bytes", s.limits().maxPatchBytes());
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
        n.putObject("request").put("messages", s.requestMessages()).put("chars", s.requestChars());
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

    /** Reads a trajectory file back; see {@link RecordedTrajectory}. */
    public static RecordedTrajectory read(Path file) {
        var messages = new ArrayList<Message>();
        var steps = new ArrayList<Step>();
        RecordedTrajectory.End end = null;
        var problems = new ArrayList<RecordedTrajectory.Problem>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    problems.add(new RecordedTrajectory.Problem(lineNo, Kind.NOT_JSON,
                            "not a JSON line (" + e.getMessage().lines().findFirst().orElse("") + ")"));
                    continue;
                }
                try {
                    switch (n.path("type").asText()) {
                        case "start" -> messages.addAll(messages(n));
                        case "step" -> steps.add(step(n));
                        case "end" -> end = end(n);
                        default -> problems.add(new RecordedTrajectory.Problem(lineNo, Kind.UNKNOWN_RECORD,
                                "unknown record type " + n.path("type").asText()));
                    }
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    problems.add(new RecordedTrajectory.Problem(lineNo, Kind.BAD_RECORD,
                            "bad " + n.path("type").asText() + " record: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new AgentException("cannot read trajectory " + file + ": " + e.getMessage(), e);
        }
        return new RecordedTrajectory(messages, steps, Optional.ofNullable(end), problems);
    }

    private static List<Message> messages(JsonNode start) {
        var out = new ArrayList<Message>();
        for (JsonNode m : start.path("messages")) {
            String text = m.path("text").asText("");
            switch (m.path("role").asText()) {
                case "system" -> out.add(new Message.SystemPrompt(text));
                case "user" -> out.add(new Message.User(text));
                default -> throw new IllegalArgumentException("unknown message role " + m.path("role").asText());
            }
        }
        return out;
    }

    private static Step step(JsonNode n) {
        JsonNode r = n.path("response");
        var calls = new ArrayList<ToolCall>();
        for (JsonNode c : r.path("tool_calls")) {
            calls.add(new ToolCall(c.path("id").asText(), c.path("name").asText(), c.path("arguments").asText("")));
        }
        JsonNode u = n.path("usage");
        Usage usage = Usage.of(u.path("input").asLong(), u.path("output").asLong(), u.path("cached").asLong(), Duration.ZERO);
        var response = new ModelResponse(new Message.Assistant(r.path("text").asText(""), calls), usage,
                r.path("finish_reason").asText(""));
        var runs = new ArrayList<ToolRun>();
        for (JsonNode o : n.path("observations")) {
            String callId = o.path("call_id").asText();
            String arguments = calls.stream().filter(c -> c.id().equals(callId)).findFirst().map(ToolCall::arguments).orElse("");
            runs.add(new ToolRun(new ToolCall(callId, o.path("tool").asText(), arguments),
                    new Observation(o.path("text").asText(""), o.path("error").asBoolean(), o.path("submitted").asBoolean()),
                    duration(o.path("ms"))));
        }
        JsonNode total = n.path("total_usage");
        JsonNode timings = n.path("timings");
        return new Step(n.path("step").asInt(), n.hasNonNull("ts") ? Instant.parse(n.path("ts").asText()) : Instant.EPOCH,
                n.path("request").path("messages").asInt(), n.path("request").path("chars").asLong(), response,
                decimal(n.get("cost_usd")), runs,
                new Usage(total.path("input").asLong(), total.path("output").asLong(), total.path("cached").asLong(),
                        duration(total.path("latency_ms")), total.path("calls").asInt()),
                decimal(n.get("total_cost_usd")), duration(timings.path("model_ms")), duration(timings.path("tools_ms")),
                duration(timings.path("step_ms")));
    }

    private static RecordedTrajectory.End end(JsonNode n) {
        return new RecordedTrajectory.End(Outcome.valueOf(n.path("outcome").asText()), n.path("steps").asInt(),
                n.path("error").asText(""));
    }

    private static Duration duration(JsonNode millis) {
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
