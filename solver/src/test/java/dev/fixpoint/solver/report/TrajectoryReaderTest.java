package dev.fixpoint.solver.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fixpoint.solver.run.RunJson;
import dev.fixpoint.agent.AgentLimits;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.models.Message;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.agent.tool.Observation;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.agent.RolloutStart;
import dev.fixpoint.agent.trajectory.Step;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.agent.tool.ToolRun;
import dev.fixpoint.models.Usage;
import dev.fixpoint.agent.trajectory.TrajectoryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's compact form of a trajectory written by the agent's writer, killed mid-write. */
class TrajectoryReaderTest {

    @Test
    void compactFormWithProblemsOfBadLines(@TempDir Path dir) throws Exception {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        RolloutStart start = new RolloutStart("t-1", "scripted:x", "/testbed",
                List.of(new Message.SystemPrompt("system text"), new Message.User("the issue")), List.of(), AgentLimits.DEFAULT, t0);
        ToolCall call = new ToolCall("c1", "bash", "{\"command\":\"ls\"}");
        Step step = Step.builder().index(1).startedAt(t0).requestMessages(2).requestChars(100)
                .response(new ModelResponse(new Message.Assistant("looking", List.of(call)), Usage.of(1_000, 50, 0, Duration.ofMillis(300)), "tool_calls"))
                .toolRuns(List.of(new ToolRun(call, Observation.error("no such file"), Duration.ofMillis(20))))
                .modelTime(Duration.ofMillis(300)).toolTime(Duration.ofMillis(20)).stepTime(Duration.ofNanos(330_600_000)).build();
        Candidate end = Candidate.builder().instanceId("t-1").modelId("scripted:x").outcome(Outcome.STEP_LIMIT).steps(1)
                .wallTime(Duration.ofSeconds(1)).build();
        Path file = Files.writeString(dir.resolve("trajectory.jsonl"), TrajectoryJson.start(start) + "\n"
                + TrajectoryJson.step(step) + "\n{\"type\":\"note\"}\n" + TrajectoryJson.end(end) + "\n{\"type\":\"st");

        var page = new TrajectoryReader(4_000, new SharedTexts()).read(file, "r/0");

        String expected = "{\"messages\":[{\"role\":\"system\",\"ref\":0},{\"role\":\"user\",\"text\":\"the issue\"}],"
                + "\"steps\":[{\"n\":1,\"text\":\"looking\",\"calls\":[{\"name\":\"bash\",\"args\":\"{\\\"command\\\":\\\"ls\\\"}\"}],"
                + "\"obs\":[{\"tool\":\"bash\",\"text\":\"no such file\",\"error\":true}],\"tokens\":1050,\"ms\":331}],"
                + "\"problems\":[\"r/0:3: unknown record type note\"],"
                + "\"end\":{\"outcome\":\"STEP_LIMIT\",\"error\":\"\",\"steps\":1}}";
        var json = RunJson.mapper();
        var problems = page.get("problems");
        assertEquals(2, problems.size(), page.toString());
        String killed = problems.get(1).asText();
        assertEquals("r/0:5: not a JSON line (", killed.substring(0, Math.min(killed.length(), 24)), killed);
        ((com.fasterxml.jackson.databind.node.ArrayNode) problems).remove(1);
        assertEquals(json.readTree(expected), json.readTree(page.toString()));
        assertEquals(0, new TrajectoryReader(4_000, new SharedTexts()).read(dir.resolve("gone.jsonl"), "r/1").get("steps").size());
        assertEquals("no trajectory file r/1",
                new TrajectoryReader(4_000, new SharedTexts()).read(dir.resolve("gone.jsonl"), "r/1").get("problems").get(0).asText());
    }
}
