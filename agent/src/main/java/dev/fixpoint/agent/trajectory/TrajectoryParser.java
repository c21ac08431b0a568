package dev.fixpoint.agent.trajectory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fixpoint.agent.AgentException;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.agent.tool.Observation;
import dev.fixpoint.agent.tool.ToolRun;
import dev.fixpoint.agent.trajectory.RecordedTrajectory.Problem;
import dev.fixpoint.agent.trajectory.RecordedTrajectory.Problem.Kind;
import dev.fixpoint.models.Message;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.models.Usage;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.fixpoint.agent.trajectory.TrajectoryJson.JSON;
import static dev.fixpoint.agent.trajectory.TrajectoryJson.decimal;
import static dev.fixpoint.agent.trajectory.TrajectoryJson.duration;

/**
 * Reads a trajectory file ({@link TrajectoryJson}'s format) back as a {@link RecordedTrajectory}, like a parse
 * result: a line that is not JSON (a rollout killed mid-write), a record of an unknown type or a record with a bad
 * value becomes a {@link Problem} and reading goes on with the next line.
 */
public final class TrajectoryParser {

    private TrajectoryParser() {}

    /**
     * Reads a trajectory file.
     *
     * @throws AgentException when the file cannot be read at all (missing, unreadable)
     */
    public static RecordedTrajectory read(Path file) {
        var messages = new ArrayList<Message>();
        var steps = new ArrayList<Step>();
        RecordedTrajectory.End end = null;
        var problems = new ArrayList<Problem>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    problems.add(new Problem(lineNo, Kind.NOT_JSON, "not a JSON line (" + e.getMessage().lines().findFirst().orElse("") + ")"));
                    continue;
                }
                try {
                    switch (n.path("type").asText()) {
                        case "start" -> messages.addAll(messages(n));
                        case "step" -> steps.add(step(n));
                        case "end" -> end = end(n);
                        default -> problems.add(new Problem(lineNo, Kind.UNKNOWN_RECORD, "unknown record type " + n.path("type").asText()));
                    }
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    problems.add(new Problem(lineNo, Kind.BAD_RECORD, "bad " + n.path("type").asText() + " record: " + e.getMessage()));
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
        JsonNode total = n.path("total_usage");
        JsonNode timings = n.path("timings");
        return Step.builder().index(n.path("step").asInt())
                .startedAt(n.hasNonNull("ts") ? Instant.parse(n.path("ts").asText()) : Instant.EPOCH)
                .requestMessages(n.path("request").path("messages").asInt()).requestChars(n.path("request").path("chars").asLong())
                .response(response).cost(decimal(n.get("cost_usd"))).toolRuns(toolRuns(n, calls))
                .totalUsage(new Usage(total.path("input").asLong(), total.path("output").asLong(), total.path("cached").asLong(),
                        duration(total.path("latency_ms")), total.path("calls").asInt()))
                .totalCost(decimal(n.get("total_cost_usd"))).modelTime(duration(timings.path("model_ms")))
                .toolTime(duration(timings.path("tools_ms"))).stepTime(duration(timings.path("step_ms")))
                .elided(elided(n.path("request").path("elided"))).build();
    }

    private static List<ToolRun> toolRuns(JsonNode step, List<ToolCall> calls) {
        var runs = new ArrayList<ToolRun>();
        for (JsonNode o : step.path("observations")) {
            String callId = o.path("call_id").asText();
            String arguments = calls.stream().filter(c -> c.id().equals(callId)).findFirst().map(ToolCall::arguments).orElse("");
            runs.add(new ToolRun(new ToolCall(callId, o.path("tool").asText(), arguments),
                    new Observation(o.path("text").asText(""), o.path("error").asBoolean(), o.path("submitted").asBoolean()),
                    duration(o.path("ms"))));
        }
        return runs;
    }

    private static List<Elision> elided(JsonNode elided) {
        var out = new ArrayList<Elision>();
        for (JsonNode e : elided) {
            out.add(new Elision(e.path("step").asInt(), e.path("call_id").asText(), e.path("tool").asText(), e.path("chars").asInt()));
        }
        return out;
    }

    private static RecordedTrajectory.End end(JsonNode n) {
        return new RecordedTrajectory.End(Outcome.valueOf(n.path("outcome").asText()), n.path("steps").asInt(),
                n.path("error").asText(""));
    }
}
