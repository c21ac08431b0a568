package dev.fixpoint.solver.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.agent.AgentException;
import dev.fixpoint.models.Message;
import dev.fixpoint.agent.trajectory.RecordedTrajectory;
import dev.fixpoint.agent.trajectory.TrajectoryParser;
import dev.fixpoint.agent.trajectory.Step;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.agent.tool.ToolRun;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a rollout's {@code trajectory.jsonl}, read by the agent's {@link TrajectoryParser}, into the page's compact
 * form: {@code {messages: [{role, text | ref}], steps: [{n, text, calls: [{name, args}], obs: [{tool, text, error, ms}],
 * tokens, ms}], end: {outcome, error}, problems: [...]}}. Long texts are clipped ({@link Clip}); system prompts go
 * to {@link SharedTexts}. A missing file or a line that cannot be read (a rollout killed mid-write) becomes a problem
 * shown on the page, not an exception.
 */
final class TrajectoryReader {

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
        RecordedTrajectory t;
        try {
            t = TrajectoryParser.read(file);
        } catch (AgentException e) {
            problems.add("cannot read " + shownAs + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return out;
        }
        for (Message m : t.messages()) message(m, messages, shownAs);
        for (Step s : t.steps()) steps.add(step(s, shownAs));
        t.end().ifPresent(e -> out.putObject("end").put("outcome", e.outcome().name()).put("error", e.error()).put("steps", e.steps()));
        t.problems().forEach(p -> problems.add(shownAs + ":" + p.line() + ": " + p.message()));
        return out;
    }

    private void message(Message m, ArrayNode messages, String where) {
        if (m instanceof Message.SystemPrompt s) {
            messages.addObject().put("role", "system").put("ref", shared.ref(s.text()));
        } else if (m instanceof Message.User u) {
            messages.addObject().put("role", "user").put("text", Clip.clip(u.text(), maxText * 4, where));
        }
    }

    private ObjectNode step(Step st, String where) {
        ObjectNode s = SafeJson.mapper().createObjectNode().put("n", st.index());
        s.put("text", Clip.clip(st.response().message().text(), maxText, where));
        ArrayNode calls = s.putArray("calls");
        for (ToolCall c : st.response().message().toolCalls()) {
            calls.addObject().put("name", c.name()).put("args", Clip.clip(c.arguments(), maxText, where));
        }
        ArrayNode obs = s.putArray("obs");
        for (ToolRun r : st.toolRuns()) {
            ObjectNode x = obs.addObject().put("tool", r.call().name()).put("text", Clip.clip(r.observation().text(), maxText, where));
            if (r.observation().error()) x.put("error", true);
            if (r.observation().submitted()) x.put("submitted", true);
        }
        s.put("tokens", st.response().usage().totalTokens());
        s.put("ms", Math.round(st.stepTime().toNanos() / 1_000_000.0));
        return s;
    }
}
