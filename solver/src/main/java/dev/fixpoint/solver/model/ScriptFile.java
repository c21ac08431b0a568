package dev.fixpoint.solver.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fixpoint.models.Message;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.models.Usage;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.run.RunJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted model session stored as JSON: what a model would answer, step by step, for one rollout.
 *
 * <pre>{@code
 * {"model": "scripted:verspec-1/gold-a", "label": "applies the fix", "responses": [
 *    {"text": "Let me look.", "tool_calls": [{"name": "view", "arguments": {"path": "verspec/ranges.py"}}],
 *     "usage": {"input": 1800, "output": 60}}, ...]}
 * }</pre>
 * {@code arguments} is a JSON object (or a string holding JSON, passed as is). The model id must start with
 * {@code scripted:} so that a scripted session is labelled as such wherever it shows.
 *
 * @param modelId   "scripted:..." id shown in trajectories, reports and the CLI
 * @param label     what the script does, in words
 * @param responses the answers in order
 */
public record ScriptFile(String modelId, String label, List<ModelResponse> responses) {

    public ScriptFile {
        if (modelId == null || !modelId.startsWith("scripted:")) {
            throw new IllegalArgumentException("a scripted model id must start with 'scripted:', not: " + modelId);
        }
        label = label == null ? "" : label;
        responses = List.copyOf(responses);
        if (responses.isEmpty()) throw new IllegalArgumentException(modelId + ": script has no responses");
    }

    public static ScriptFile read(Path file) {
        JsonNode root;
        try {
            root = RunJson.mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new SolverException("scripted model file not found: " + file);
        } catch (IOException e) {
            throw new SolverException("cannot read scripted model file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.path("responses").isArray()) {
            throw new SolverException(file + ": a scripted model file needs an array \"responses\"");
        }
        var responses = new ArrayList<ModelResponse>();
        int i = 0;
        for (JsonNode r : root.get("responses")) {
            i++;
            var calls = new ArrayList<ToolCall>();
            int c = 0;
            for (JsonNode call : r.path("tool_calls")) {
                c++;
                if (!call.path("name").isTextual()) {
                    throw new SolverException(file + ": response " + i + ", tool call " + c + " has no \"name\"");
                }
                JsonNode args = call.path("arguments");
                String argText = args.isTextual() ? args.asText() : args.isMissingNode() ? "{}" : args.toString();
                calls.add(new ToolCall("call_" + i + "_" + c, call.get("name").asText(), argText));
            }
            JsonNode u = r.path("usage");
            Usage usage = Usage.of(u.path("input").asLong(0), u.path("output").asLong(0), u.path("cached").asLong(0), Duration.ZERO);
            responses.add(new ModelResponse(new Message.Assistant(r.path("text").asText(""), calls), usage,
                    calls.isEmpty() ? "stop" : "tool_calls"));
        }
        try {
            return new ScriptFile(root.path("model").asText(null), root.path("label").asText(""), responses);
        } catch (IllegalArgumentException e) {
            throw new SolverException(file + ": " + e.getMessage(), e);
        }
    }
}
