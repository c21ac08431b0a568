package dev.fixpoint.agent;

import dev.fixpoint.agent.trajectory.ReplayModel;
import dev.fixpoint.agent.trajectory.Step;
import dev.fixpoint.agent.trajectory.TrajectoryRecorder;
import dev.fixpoint.models.Message;
import dev.fixpoint.models.Model;
import dev.fixpoint.models.ModelConfig;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.PriceTable;
import dev.fixpoint.models.ScriptedModel;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.models.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.agent.testing.Fixtures;
import dev.fixpoint.agent.testing.GitRepo;
import dev.fixpoint.agent.testing.LocalSandbox;
import dev.fixpoint.models.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.fixpoint.models.ScriptedModel.call;
import static org.junit.jupiter.api.Assertions.*;

class AgentTest extends CalcRepoTest {

    private Agent.Builder agent(Model model) {
        return Agent.builder(model).stateDir(state.toString()).prices(PriceTable.defaults());
    }

    @Test
    void scriptedRolloutFixesTheBugAndKeepsTheReproductionApart() throws Exception {
        Candidate c = agent(Fixtures.calcModel()).build().run(task, sandbox);

        assertEquals(Outcome.SUBMITTED, c.outcome(), c.error());
        assertEquals(6, c.steps());
        assertTrue(c.patch().contains("diff --git a/calc/ops.py b/calc/ops.py"), c.patch());
        assertTrue(c.patch().contains("+    return a + b"), c.patch());
        assertFalse(c.patch().contains("reproduce_issue"), "reproduction is not part of the patch");
        assertEquals(List.of("reproduce_issue.py"), c.reproduction().stream().map(ReproductionFile::path).toList());
        assertTrue(c.reproduction().get(0).content().contains("assert add(2, 3) == 5"));
        assertEquals("", GitRepo.git(repo, "diff", "--cached", "--stat"), "the repository's own index is untouched");
        assertTrue(c.costUsd().isEmpty(), "scripted model has no price: cost unknown");
    }

    @Test
    void theModelSeesObservationsAndFailuresOfTheReproduction() {
        ScriptedModel model = Fixtures.calcModel();
        agent(model).build().run(task, sandbox);
        List<Message> last = model.requests().get(5).messages();
        var results = last.stream().filter(m -> m instanceof Message.ToolResult).map(m -> ((Message.ToolResult) m).text()).toList();
        assertTrue(results.get(2).contains("AssertionError: -1") && results.get(2).contains("[exit code 1]"), results.get(2));
        assertEquals("OK", results.get(4));
        assertTrue(((Message.SystemPrompt) last.get(0)).text().contains("reproduce_issue.py"));
        assertTrue(((Message.User) last.get(1)).text().contains("add(2, 3) returns -1"));
    }

    @Test
    void modelMistakesDoNotEndTheRollout() {
        var model = ScriptedModel.of(call("frobnicate", "{}"), call("view", "{not json"),
                ScriptedModel.respond("thinking out loud"), call("submit", "{}"));
        Candidate c = agent(model).build().run(task, sandbox);
        assertEquals(Outcome.SUBMITTED, c.outcome());
        List<Message> last = model.requests().get(3).messages();
        assertTrue(last.stream().anyMatch(m -> m instanceof Message.ToolResult r && r.text().startsWith("Unknown tool 'frobnicate'")));
        assertTrue(last.stream().anyMatch(m -> m instanceof Message.ToolResult r && r.text().contains("not valid JSON")));
        assertTrue(last.stream().anyMatch(m -> m instanceof Message.User u && u.text().contains("called no tool")), "nudged");
        assertEquals("", c.patch());
    }

    @Test
    void stepLimit() {
        var calls = Collections.nCopies(10, call("bash", "{\"command\": \"true\"}"));
        Candidate c = agent(new ScriptedModel("scripted:test", calls)).limits(AgentLimits.DEFAULT.withMaxSteps(3)).build().run(task, sandbox);
        assertEquals(Outcome.STEP_LIMIT, c.outcome());
        assertEquals(3, c.steps());
    }

    @Test
    void tokenLimit() {
        var r = new ModelResponse(new Message.Assistant("", List.of(new ToolCall("c", "bash", "{\"command\":\"true\"}"))),
                Usage.of(500, 100, 0, Duration.ZERO), "tool_calls");
        Candidate c = agent(new ScriptedModel("scripted:test", Collections.nCopies(10, r)))
                .limits(AgentLimits.DEFAULT.withMaxTokens(1000)).build().run(task, sandbox);
        assertEquals(Outcome.TOKEN_LIMIT, c.outcome());
        assertEquals(2, c.steps());
        assertEquals(1200, c.usage().totalTokens());
    }

    @Test
    void costLimitWhenThePriceIsKnownIgnoredWhenUnknown() {
        var r = new ModelResponse(new Message.Assistant("", List.of(new ToolCall("c", "bash", "{\"command\":\"true\"}"))),
                Usage.of(1_000_000, 0, 0, Duration.ZERO), "tool_calls");
        var prices = PriceTable.empty().with("scripted:test", new PriceTable.Price(BigDecimal.ONE, null, BigDecimal.TEN));
        AgentLimits limits = AgentLimits.DEFAULT.withMaxCostUsd(new BigDecimal("2.5")).withMaxSteps(5);
        Candidate c = agent(new ScriptedModel("scripted:test", Collections.nCopies(10, r))).prices(prices).limits(limits).build().run(task, sandbox);
        assertEquals(Outcome.COST_LIMIT, c.outcome());
        assertEquals(3, c.steps());
        assertEquals(0, new BigDecimal(3).compareTo(c.costUsd().orElseThrow()));

        Candidate unknown = agent(new ScriptedModel("scripted:other", Collections.nCopies(10, r))).prices(prices).limits(limits).build().run(task, sandbox);
        assertEquals(Outcome.STEP_LIMIT, unknown.outcome());
        assertTrue(unknown.costUsd().isEmpty());
    }

    @Test
    void timeLimit() {
        var clock = new SteppingClock(Duration.ofSeconds(50));
        var calls = Collections.nCopies(20, call("bash", "{\"command\": \"true\"}"));
        Candidate c = agent(new ScriptedModel("scripted:test", calls)).clock(clock)
                .limits(AgentLimits.DEFAULT.withMaxWallTime(Duration.ofMinutes(5))).build().run(task, sandbox);
        assertEquals(Outcome.TIME_LIMIT, c.outcome());
        assertTrue(c.steps() > 0 && c.steps() < 20, "steps " + c.steps());
    }

    @Test
    void exhaustedModelIsAModelErrorAndKeepsThePatch() {
        var model = ScriptedModel.of(call("edit", "{\"command\": \"str_replace\", \"path\": \"calc/ops.py\", \"old_str\": \"a - b\", \"new_str\": \"a + b\"}"));
        Candidate c = agent(model).build().run(task, sandbox);
        assertEquals(Outcome.MODEL_ERROR, c.outcome());
        assertTrue(c.error().contains("script exhausted after 1 responses"), c.error());
        assertTrue(c.patch().contains("+    return a + b"), "work done before the failure is kept: " + c);
    }

    @Test
    void sandboxFailureEndsTheRollout() {
        var calls = Collections.nCopies(5, call("bash", "{\"command\": \"true\"}"));
        AgentListener breakAfterFirstStep = new AgentListener() {
            @Override
            public void onStep(Step step) {
                if (step.index() == 1) sandbox.failNextExec();
            }
        };
        Candidate c = agent(new ScriptedModel("scripted:test", calls)).listener(breakAfterFirstStep).build().run(task, sandbox);
        assertEquals(Outcome.SANDBOX_ERROR, c.outcome());
        assertEquals(2, c.steps());
        assertTrue(c.error().contains("simulated runner failure"), c.error());
    }

    @Test
    void trajectoryHasOneRecordPerStepAndNoSecrets() throws Exception {
        Path file = out.resolve("t.jsonl");
        var secretEnv = Map.of("MY_SERVICE_API_KEY", "hunter2-very-secret-value", "HOME", "/root");
        var model = ScriptedModel.of(
                call("bash", "{\"command\": \"echo hunter2-very-secret-value; echo sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX\"}"),
                call("submit", "{}"));
        try (var recorder = TrajectoryRecorder.open(file, Redactor.fromEnvironment(secretEnv))) {
            agent(model).build().run(task, sandbox, recorder);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size());
        var json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String l : lines) records.add(json.readTree(l));
        assertEquals(List.of("start", "step", "step", "end"), records.stream().map(r -> r.get("type").asText()).toList());
        JsonNode step = records.get(1);
        assertEquals("bash", step.at("/response/tool_calls/0/name").asText());
        assertTrue(step.at("/observations/0/text").asText().contains("[REDACTED]"));
        assertTrue(step.has("usage") && step.has("timings") && step.at("/request/messages").asInt() == 2);
        assertEquals("SUBMITTED", records.get(3).get("outcome").asText());
        assertTrue(records.get(3).get("cost_usd").isNull(), "unknown cost is null, not 0");
        String all = String.join("\n", lines);
        assertFalse(all.contains("hunter2-very-secret-value"), "env secret redacted");
        assertFalse(all.contains("sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX"), "key-shaped secret redacted");
    }

    @Test
    void replayingARecordedTrajectoryReproducesThePatch(@TempDir Path repo2) throws Exception {
        Path file = out.resolve("t.jsonl");
        Candidate original;
        try (var recorder = TrajectoryRecorder.open(file)) {
            original = agent(Fixtures.calcModel()).build().run(task, sandbox, recorder);
        }
        String base2 = Fixtures.calcRepo(repo2);
        Candidate replayed = agent(ReplayModel.fromFile(file)).build()
                .run(Fixtures.calcTask(base2, repo2.toString()), new LocalSandbox(repo2));
        assertEquals(Outcome.SUBMITTED, replayed.outcome());
        assertEquals(original.patch(), replayed.patch());
        assertEquals(original.reproduction(), replayed.reproduction());
    }

    @Test
    void redactorMasksEnvValuesAndKeyShapes() {
        var r = Redactor.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-live-1234567890abcdefgh", "GITHUB_TOKEN", "tok-abcdefgh12",
                "PATH", "/usr/bin:/bin", "SHORT_KEY", "abc"));
        assertEquals("key [REDACTED] and [REDACTED]", r.redact("key sk-live-1234567890abcdefgh and tok-abcdefgh12"));
        assertEquals("/usr/bin:/bin abc", r.redact("/usr/bin:/bin abc"), "non-secret and too-short values stay");
        assertEquals("Authorization: Bearer [REDACTED]", r.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abcdef"));
        assertEquals("[REDACTED]", r.redact("AIzaSyA1234567890abcdefghijklmnopqrstuv"));
        assertEquals("x [REDACTED] y", r.redact("x ghp_abcdefghijklmnopqrstuvwxyz0123456789 y"));
    }

    /** A clock that moves forward by a fixed amount every time it is read. */
    static final class SteppingClock extends Clock {
        private final Duration step;
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        SteppingClock(Duration step) {
            this.step = step;
        }

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public synchronized Instant instant() {
            now = now.plus(step);
            return now;
        }
    }
}
