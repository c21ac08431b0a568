package dev.fixpoint.solver.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a rollout's {@code trajectory.jsonl} (see the agent's TrajectoryJson) into the page's compact form:
 * {@code {messages: [{role, text | ref}], steps: [{n, text, calls: [{name, args}], obs: [{tool, text, error, ms}],
 * tokens, ms}], end: {outcome, error}, problems: [...]}}. Long texts are clipped ({@link Clip}); system prompts go
 * to {@link SharedTexts}. A missing file or a line that is not JSON (a rollout killed mid-write) becomes a problem
 * shown on the page, not an exception.
 */
final class TrajectoryReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxText;
    private final SharedTexts shared;

    TrajectoryReader(int maxText, SharedTexts shared) {
        this.maxText = maxText;
        this.shared = shared;
    }

    ObjectNode read(Path file, String shownAs) {
        ObjectNode out = SafeJson.mapper().createObjectNode();
        ArrayNode messages = out.putArray("messages");
        ArrayNode steps = out.putArray("steps");
        ArrayNode problems = out.putArray("problems");
        if (!Files.isRegularFile(file)) {
            problems.add("no trajectory file " + shownAs);
            return out;
        }
        try (BufferedReader in = Files.newBufferedReader(file)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    problems.add(shownAs + ":" + lineNo + ": not a JSON line (" + e.getMessage().lines().findFirst().orElse("") + ")");
                    continue;
                }
                switch (n.path("type").asText()) {
                    case "start" -> start(n, messages, shownAs);
                    case "step" -> steps.add(step(n, shownAs));
                    case "end" -> out.putObject("end").put("outcome", n.path("outcome").asText()).put("error", n.path("error").asText(""))
                            .put("steps", n.path("steps").asInt());
                    default -> problems.add(shownAs + ":" + lineNo + ": unknown record type " + n.path("type").asText());
                }
            }
        } catch (IOException e) {
            problems.add("cannot read " + shownAs + ": " + e.getMessage());
        }
        return out;
    }

    private void start(JsonNode n, ArrayNode messages, String where) {
        for (JsonNode m : n.path("messages")) {
            String role = m.path("role").asText();
            String text = m.path("text").asText("");
            ObjectNode o = messages.addObject().put("role", role);
            if (role.equals("system")) o.put("ref", shared.ref(text));
            else o.put("text", Clip.clip(text, maxText * 4, where));
        }
    }

    private ObjectNode step(JsonNode n, String where) {
        ObjectNode s = SafeJson.mapper().createObjectNode().put("n", n.path("step").asInt());
        JsonNode r = n.path("response");
        s.put("text", Clip.clip(r.path("text").asText(""), maxText, where));
        ArrayNode calls = s.putArray("calls");
        for (JsonNode c : r.path("tool_calls")) {
            calls.addObject().put("name", c.path("name").asText()).put("args", Clip.clip(c.path("arguments").asText(""), maxText, where));
        }
        ArrayNode obs = s.putArray("obs");
        for (JsonNode o : n.path("observations")) {
            ObjectNode x = obs.addObject().put("tool", o.path("tool").asText()).put("text", Clip.clip(o.path("text").asText(""), maxText, where));
            if (o.path("error").asBoolean()) x.put("error", true);
            if (o.path("submitted").asBoolean()) x.put("submitted", true);
        }
        JsonNode u = n.path("usage");
        s.put("tokens", u.path("input").asLong() + u.path("output").asLong());
        s.put("ms", Math.round(n.path("timings").path("step_ms").asDouble()));
        return s;
    }
}
