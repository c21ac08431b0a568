package dev.fixpoint.agent;

import dev.fixpoint.agent.testing.LongSession;
import dev.fixpoint.agent.trajectory.Elision;
import dev.fixpoint.agent.trajectory.RecordedTrajectory;
import dev.fixpoint.agent.trajectory.ReplayModel;
import dev.fixpoint.agent.trajectory.Step;
import dev.fixpoint.agent.trajectory.TrajectoryParser;
import dev.fixpoint.agent.trajectory.TrajectoryRecorder;
import dev.fixpoint.models.Message;
import dev.fixpoint.models.Model;
import dev.fixpoint.models.ModelRequest;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.ScriptedModel;
import dev.fixpoint.models.Usage;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A 60-step scripted session with large observations, run for real on a local repository, with and without a budget. */
class ContextManagementTest extends CalcRepoTest {

    static final int STEPS = 60;
    static final int OBS_CHARS = 9_000;
    /** 32k tokens per request: about 128k characters, a quarter of what the whole session's observations take. */
    static final ContextPolicy BUDGET = new ContextPolicy(40_000L, 5);

    private Candidate run(Model model, ContextPolicy policy, Path trajectory, AgentListener... listeners) {
        var agent = Agent.builder(model).stateDir(state.toString()).limits(AgentLimits.DEFAULT.withMaxSteps(STEPS + 1).withContext(policy)).build();
        try (var recorder = TrajectoryRecorder.open(trajectory)) {
            var all = new ArrayList<>(List.of(listeners));
            all.add(recorder);
            return agent.run(task, sandbox, all.toArray(AgentListener[]::new));
        }
    }

    /** The observations as the tools produced them, by call id. */
    static final class Observed implements AgentListener {
        final Map<String, String> texts = new HashMap<>();
        final List<Step> steps = new ArrayList<>();

        @Override
        public void onStep(Step step) {
            steps.add(step);
            step.toolRuns().forEach(r -> texts.put(r.call().id(), r.observation().text()));
        }
    }

    static long chars(ModelRequest r) {
        return r.messages().stream().mapToLong(Conversation::chars).sum();
    }

    static long denseTokens(ModelRequest r) {
        return (chars(r) + Conversation.chars(r.tools())) / 2;
    }

    static List<Message.ToolResult> results(ModelRequest r) {
        return r.messages().stream().filter(m -> m instanceof Message.ToolResult).map(m -> (Message.ToolResult) m).toList();
    }

    @Test
    void longSessionStaysUnderBudgetWithRightMarkersAndKeepsWhatMustStay() throws Exception {
        var model = new ScriptedModel("scripted:long", LongSession.responses(STEPS, OBS_CHARS));
        var seen = new Observed();
        Path file = out.resolve("t.jsonl");
        Candidate c = run(model, BUDGET, file, seen);

        assertEquals(Outcome.SUBMITTED, c.outcome(), c.error());
        assertEquals(STEPS, c.steps());
        assertTrue(c.patch().contains("+    return a + b"), c.patch());
        List<ModelRequest> requests = model.requests();
        assertEquals(STEPS, requests.size());
        long unmanagedLast = seen.texts.values().stream().mapToLong(String::length).sum();
        assertTrue(unmanagedLast / 4 > 3 * BUDGET.requestBudget(), "the session would overflow the budget: " + unmanagedLast);

        List<Message> first = requests.get(0).messages();
        for (int i = 0; i < requests.size(); i++) {
            int step = i + 1;
            ModelRequest r = requests.get(i);
            assertTrue(chars(r) / 4 <= BUDGET.requestBudget(), "step " + step + " request of " + chars(r) + " chars");
            assertEquals(first.subList(0, 2), r.messages().subList(0, 2), "system prompt and task intact at step " + step);
            assertEquals(step - 1, r.messages().stream().filter(m -> m instanceof Message.Assistant).count(), "every model message kept");
            for (Message.ToolResult t : results(r)) {
                int from = Integer.parseInt(t.callId().substring(1));
                String original = seen.texts.get(t.callId());
                if (from >= step - BUDGET.keepSteps() || t.toolName().equals("edit")) {
                    assertEquals(original, t.text(), "step " + step + ": output of step " + from + " (" + t.toolName() + ") kept in full");
                } else if (!t.text().equals(original)) {
                    assertEquals("[" + t.toolName() + " output of step " + from + " (" + original.length() + " chars) elided to fit the context]",
                            t.text());
                }
            }
        }
        List<Message.ToolResult> last = results(requests.get(STEPS - 1));
        long elidedInLast = last.stream().filter(t -> t.text().endsWith("elided to fit the context]")).count();
        assertTrue(elidedInLast > 30, "most old outputs are elided by the end: " + elidedInLast);

        RecordedTrajectory recorded = TrajectoryParser.read(file);
        List<Elision> elisions = recorded.steps().stream().flatMap(s -> s.elided().stream()).toList();
        assertEquals(elidedInLast, elisions.size(), "each elision recorded once");
        for (Elision e : elisions) {
            assertEquals(seen.texts.get(e.callId()).length(), e.chars(), e.toString());
            assertTrue(last.stream().anyMatch(t -> t.callId().equals(e.callId()) && t.text().equals(e.marker())), e.toString());
        }
        assertTrue(Files.readString(file).lines().findFirst().orElseThrow().contains("\"context_tokens\":40000"));
        assertEquals(seen.steps.stream().map(Step::elided).toList(), recorded.steps().stream().map(Step::elided).toList());
        assertEquals(seen.steps.stream().map(Step::requestChars).toList(), requests.stream().map(ContextManagementTest::chars).toList(),
                "the trajectory's request size is what was sent");
    }

    @Test
    void aReplayElidesExactlyWhatTheRecordingDid() throws Exception {
        // both runs on repositories whose paths (quoted in the prompt) have the same length
        useRepo(out.resolve("repo-1"));
        Path file = out.resolve("t.jsonl");
        var original = new Observed();
        run(new ScriptedModel("scripted:long", LongSession.responses(STEPS, OBS_CHARS)), BUDGET, file, original);

        useRepo(out.resolve("repo-2"));
        var replayed = new Observed();
        run(ReplayModel.fromFile(file), BUDGET, out.resolve("replay.jsonl"), replayed);

        assertFalse(original.steps.stream().allMatch(s -> s.elided().isEmpty()));
        assertEquals(original.steps.stream().map(Step::elided).toList(), replayed.steps.stream().map(Step::elided).toList());
        assertEquals(original.steps.stream().map(Step::requestChars).toList(), replayed.steps.stream().map(Step::requestChars).toList());
    }

    @Test
    void withoutABudgetEverythingIsSentInFullAndNothingIsRecorded() throws Exception {
        var model = new ScriptedModel("scripted:long", LongSession.responses(STEPS, OBS_CHARS));
        var seen = new Observed();
        Path file = out.resolve("t.jsonl");
        run(model, ContextPolicy.DEFAULT, file, seen);

        ModelRequest last = model.requests().get(STEPS - 1);
        for (Message.ToolResult t : results(last)) assertEquals(seen.texts.get(t.callId()), t.text());
        assertEquals(STEPS - 1, results(last).size());
        String json = Files.readString(file);
        assertFalse(json.contains("\"elided\"") || json.contains("context_tokens"), "no context keys in an unmanaged trajectory");
    }

    @Test
    void providerTokenCountsTightenTheEstimate() {
        var script = new ScriptedModel("scripted:long", LongSession.responses(STEPS, OBS_CHARS));
        // a provider whose tokenizer counts one token per two characters (tool specs included): twice the chars/4 estimate
        Model dense = new Model() {
            public String id() { return script.id(); }
            public ModelResponse chat(ModelRequest request) {
                ModelResponse r = script.chat(request);
                return new ModelResponse(r.message(), Usage.of(denseTokens(request), 10, 0, Duration.ZERO), r.finishReason());
            }
        };
        Candidate c = run(dense, BUDGET, out.resolve("t.jsonl"));

        assertEquals(Outcome.SUBMITTED, c.outcome(), c.error());
        List<ModelRequest> requests = script.requests();
        for (int i = 1; i < requests.size(); i++) {
            assertTrue(denseTokens(requests.get(i)) <= BUDGET.requestBudget(), "step " + (i + 1) + ": " + denseTokens(requests.get(i)) + " provider tokens");
        }
    }
}
