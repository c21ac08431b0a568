package dev.fixpoint.agent.trajectory;

import dev.fixpoint.agent.AgentException;
import dev.fixpoint.agent.AgentLimits;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.agent.RolloutStart;
import dev.fixpoint.agent.tool.Observation;
import dev.fixpoint.agent.tool.ToolRun;
import dev.fixpoint.models.Message;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.models.Usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.agent.trajectory.RecordedTrajectory.Problem;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trajectory written by the real writer reads back as the same records; bad lines become problems. */
class RecordedTrajectoryTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Step step(int index, ToolCall call, Observation obs) {
        Usage u = Usage.of(1_200, 80, 100, Duration.ofMillis(400));
        return Step.builder().index(index).startedAt(T0.plusSeconds(index)).requestMessages(2 * index).requestChars(4_000L * index)
                .response(new ModelResponse(new Message.Assistant("step " + index, List.of(call)), u, "tool_calls"))
                .cost(Optional.of(new BigDecimal("0.0012"))).toolRuns(List.of(new ToolRun(call, obs, Duration.ofMillis(300))))
                .totalUsage(new Usage(1_200L * index, 80L * index, 100L * index, Duration.ZERO, index)).totalCost(Optional.empty())
                .modelTime(Duration.ofMillis(400)).toolTime(Duration.ofMillis(300)).stepTime(Duration.ofNanos(720_250_000)).build();
    }

    @Test
    void readsBackWhatTheWriterWrote(@TempDir Path dir) throws Exception {
        List<Message> messages = List.of(new Message.SystemPrompt("be careful"), new Message.User("fix it"));
        RolloutStart start = new RolloutStart("t-1", "scripted:x", "/testbed", messages, List.of(), AgentLimits.DEFAULT, T0);
        Step first = step(1, new ToolCall("c1", "bash", "{\"command\":\"ls\"}"), Observation.ok("a\nb"));
        Step second = step(2, new ToolCall("c2", "submit", "{}"), Observation.submit("submitted"));
        Candidate end = Candidate.builder().instanceId("t-1").modelId("scripted:x").patch("diff").outcome(Outcome.SUBMITTED).steps(2)
                .wallTime(Duration.ofSeconds(2)).build();
        Path file = Files.writeString(dir.resolve("trajectory.jsonl"), TrajectoryJson.start(start) + "\n"
                + TrajectoryJson.step(first) + "\n" + TrajectoryJson.step(second) + "\n" + TrajectoryJson.end(end) + "\n");

        RecordedTrajectory read = TrajectoryParser.read(file);

        assertEquals(List.of(), read.problems());
        assertEquals(messages, read.messages());
        Step expected = Step.builder().index(1).startedAt(first.startedAt()).requestMessages(2).requestChars(4_000L)
                .response(new ModelResponse(first.response().message(), first.response().usage().withLatency(Duration.ZERO), "tool_calls"))
                .cost(first.cost()).toolRuns(first.toolRuns()).totalUsage(first.totalUsage()).totalCost(first.totalCost())
                .modelTime(first.modelTime()).toolTime(first.toolTime()).stepTime(first.stepTime()).build();
        assertEquals(expected, read.steps().get(0));
        assertTrue(read.steps().get(1).submitted());
        assertEquals(Optional.of(new RecordedTrajectory.End(Outcome.SUBMITTED, 2, "")), read.end());
    }

    @Test
    void badLinesAreProblemsAndReadingGoesOn(@TempDir Path dir) throws Exception {
        Step ok = step(1, new ToolCall("c1", "bash", "{}"), Observation.ok("x"));
        Path file = Files.writeString(dir.resolve("t.jsonl"), "{\"type\":\"mystery\"}\n\n"
                + "{\"type\":\"step\",\"step\":1,\"usage\":{\"input\":-5}}\n"
                + TrajectoryJson.step(ok) + "\n{\"type\":\"end\",\"outcome\":\"GAVE_UP\"}\n{\"type\":\"st");

        RecordedTrajectory read = TrajectoryParser.read(file);

        assertEquals(1, read.steps().size());
        assertEquals(Optional.empty(), read.end());
        List<Problem> p = read.problems();
        assertEquals(List.of(1, 3, 5, 6), p.stream().map(Problem::line).toList(), p.toString());
        assertEquals(List.of(Problem.Kind.UNKNOWN_RECORD, Problem.Kind.BAD_RECORD, Problem.Kind.BAD_RECORD, Problem.Kind.NOT_JSON),
                p.stream().map(Problem::kind).toList());
        assertEquals("unknown record type mystery", p.get(0).message());
        assertTrue(p.get(3).message().startsWith("not a JSON line ("), p.get(3).message());
    }

    @Test
    void aMissingFileIsAnError(@TempDir Path dir) {
        var e = assertThrows(AgentException.class, () -> TrajectoryParser.read(dir.resolve("none.jsonl")));
        assertTrue(e.getMessage().contains("none.jsonl"), e.getMessage());
    }
}
