package dev.fixpoint.verifiers.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.verifiers.testing.RecordJson;
import dev.fixpoint.models.ScriptedModel;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.HybridConfig;
import dev.fixpoint.verifiers.HybridVerifier;
import dev.fixpoint.verifiers.Verification;
import dev.fixpoint.verifiers.VerifierException;
import dev.fixpoint.verifiers.judge.ModelVerifier;
import dev.fixpoint.verifiers.select.Abstention;
import dev.fixpoint.verifiers.select.ExecutionOnly;
import dev.fixpoint.verifiers.select.MajorityVote;
import dev.fixpoint.verifiers.select.ModelOnly;
import dev.fixpoint.verifiers.select.Strategies;
import dev.fixpoint.verifiers.select.WeightedScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade's orchestration without Docker: which stages run for which strategy, what is counted, what is
 * serialised. A sandbox provider that records and refuses every start stands in where no sandbox may run; the
 * execution path itself is covered by {@link HybridVerifierDockerTest}.
 */
class HybridVerifierTest {

    private static final String BASE = "def add(a, b):\n    return a - b\n";

    @TempDir
    Path tree;

    private final RefusingSandboxes sandboxes = new RefusingSandboxes();
    private final Task task = Task.builder().instanceId("demo__calc-1").repo("demo/calc").baseCommit("abc123")
            .problemStatement("add() subtracts")
            .environment(new EnvironmentSpec("fixpoint/python:latest", "/testbed", List.of(), "pytest -rA",
                    ResultFormat.PYTEST_LOG, null, Duration.ofMinutes(1)))
            .build();

    @BeforeEach
    void writeBase() throws Exception {
        Files.writeString(tree.resolve("calc.py"), BASE);
    }

    private static String fix(String expression) {
        return "--- a/calc.py\n+++ b/calc.py\n@@ -1,2 +1,2 @@\n def add(a, b):\n-    return a - b\n+    return " + expression + "\n";
    }

    /** The gold fix twice (once re-commented), a wrong fix, an empty patch. */
    private List<CandidatePatch> pool() {
        return List.of(CandidatePatch.of("r0", fix("b - a")),
                CandidatePatch.of("r1", fix("a + b")),
                CandidatePatch.of("r2", fix("a + b  # fixed")),
                CandidatePatch.of("r3", ""));
    }

    private HybridConfig config(dev.fixpoint.verifiers.select.SelectionStrategy strategy) {
        return HybridConfig.builder().strategy(strategy).runId("unit").build();
    }

    @Test
    void majorityVoteRunsNoSandboxAndAsksNoModel() {
        ScriptedModel model = ScriptedModel.of();

        Verification v = new HybridVerifier(sandboxes, model, config(MajorityVote.defaults())).verify(task, tree, pool());

        assertEquals(Optional.of("r1"), v.chosen(), "the cluster of r1 and its re-commented twin is the majority");
        assertEquals(0, sandboxes.starts.size());
        assertTrue(model.requests().isEmpty());
        assertFalse(v.tests().ran());
        assertFalse(v.judge().ran());
        assertEquals(0, v.compute().modelCalls());
        assertEquals(Duration.ZERO, v.compute().sandboxTime());
        assertEquals(List.of("majority-vote reads no execution evidence: no sandbox run",
                "majority-vote reads no judge verdict: judge not asked"), v.notes());
    }

    @Test
    void modelOnlyJudgesEachDistinctPatchOnceAndCountsTheCalls() throws Exception {
        // Clusters in pool order: {r0}, {r1, r2}; r3 is empty and not judged. Pointwise r0 then r1; listwise twice.
        ScriptedModel model = ScriptedModel.of(ScriptedModel.respond("VERDICT: NO"), ScriptedModel.respond("VERDICT: YES"),
                ScriptedModel.respond("RANKING: 2 > 1"), ScriptedModel.respond("RANKING: 1 > 2"));

        Verification v = new HybridVerifier(sandboxes, model, config(ModelOnly.defaults())).verify(task, tree, pool());

        assertEquals(Optional.of("r1"), v.chosen(), v.selection().reasons()::toString);
        assertEquals(0, sandboxes.starts.size());
        assertEquals(4, model.requests().size());
        assertEquals(4, v.compute().judge().calls());
        assertEquals(0, v.compute().testGeneration().calls());
        assertTrue(v.judge().ran());
        assertEquals(3, v.judge().candidatesJudged(), "r0, r1 and r2 (sharing r1's verdict)");
        assertEquals(1.0, v.selection().scores().get(2).score(), "r2 shares r1's verdicts: YES and ranked first twice");

        ObjectMapper json = RecordJson.mapper();
        String text = json.writeValueAsString(v);
        assertEquals(v, json.readValue(text, Verification.class));
        assertEquals(text, json.writeValueAsString(json.readValue(text, Verification.class)), "stable output");
        assertEquals("PT0S", json.readTree(text).at("/compute/sandboxTime").asText());
    }

    @Test
    void aPoolWithNothingApplicableAbstainsWithoutRunningAnything() {
        ScriptedModel model = ScriptedModel.of();
        List<CandidatePatch> pool = List.of(CandidatePatch.of("r0", ""), CandidatePatch.of("r1", "not a diff at all\n"),
                CandidatePatch.of("r2", "--- a/calc.py\n+++ b/calc.py\n@@ -1 +1 @@\n-def add(a, b):\n+def add(a, b):  # comment only\n"));

        Verification v = new HybridVerifier(sandboxes, model, config(WeightedScore.defaults())).verify(task, tree, pool);

        assertTrue(v.selection().abstained());
        assertEquals(0, sandboxes.starts.size());
        assertTrue(model.requests().isEmpty());
        assertEquals("no candidate changes anything that could apply: nothing to run or judge", v.notes().get(0));
        assertTrue(v.selection().reasons().get(0).startsWith("no candidate has a usable patch"),
                v.selection().reasons()::toString);
    }

    @Test
    void aSandboxThatCannotStartFailsTheVerificationNamingTheTask() throws Exception {
        Files.createDirectories(tree.resolve("tests"));
        Files.writeString(tree.resolve("tests/test_calc.py"), "from calc import add\n\ndef test_add():\n    assert add(1, 1) == 2\n");
        HybridVerifier verifier = new HybridVerifier(sandboxes, null, config(ExecutionOnly.defaults()));

        VerifierException e = assertThrows(VerifierException.class, () -> verifier.verify(task, tree, pool()));

        assertTrue(e.getMessage().startsWith("demo__calc-1: verification failed in a sandbox: no daemon"), e.getMessage());
        assertEquals(1, sandboxes.starts.size(), "the regression file tests/test_calc.py on the base code is the first sandbox without a model");
        assertEquals("unit", sandboxes.starts.get(0).labels().get(SandboxLabels.RUN));
    }

    @Test
    void withoutAModelNoTestIsGeneratedAndTheCandidatesScriptsAreTheOnlyReproductionTests() {
        List<CandidatePatch> pool = List.of(new CandidatePatch("r0", fix("a + b"),
                java.util.Map.of("repro.py", "from calc import add\nassert add(2, 3) == 5\n")));
        HybridVerifier verifier = new HybridVerifier(sandboxes, null,
                HybridConfig.builder().strategy(ExecutionOnly.defaults()).regressionTests(false).runId("unit").build());

        assertThrows(VerifierException.class, () -> verifier.verify(task, tree, pool));

        assertEquals(1, sandboxes.starts.size(), "the base-code check of r0's script");
        assertEquals("verify-base", sandboxes.starts.get(0).labels().get(SandboxLabels.ROLLOUT));
    }

    @Test
    void rolloutsBecomeAPoolIndexedByRolloutWithTheirScripts() {
        List<dev.fixpoint.agent.Candidate> rollouts = List.of(
                dev.fixpoint.agent.Candidate.builder().instanceId("demo__calc-1").modelId("scripted:test").patch(fix("a + b"))
                        .reproduction(List.of(new dev.fixpoint.agent.ReproductionFile("repro.py", "assert True\n")))
                        .outcome(dev.fixpoint.agent.Outcome.SUBMITTED).steps(3).build(),
                dev.fixpoint.agent.Candidate.builder().instanceId("demo__calc-1").modelId("scripted:test").patch("")
                        .outcome(dev.fixpoint.agent.Outcome.STEP_LIMIT).steps(9).build());

        List<CandidatePatch> pool = CandidatePatch.fromRollouts(rollouts);

        assertEquals(List.of("r0", "r1"), pool.stream().map(CandidatePatch::id).toList());
        assertEquals(java.util.Map.of("repro.py", "assert True\n"), pool.get(0).reproductionFiles());
        assertEquals("", pool.get(1).patch());
    }

    @Test
    void configurationIsValidatedAndStrategiesAreKnownByName() {
        assertThrows(IllegalArgumentException.class, () -> HybridConfig.builder().generatedTests(-1).build());
        assertThrows(IllegalArgumentException.class, () -> HybridConfig.builder().runId("a b").build());
        assertThrows(IllegalArgumentException.class, () -> HybridConfig.builder().scriptTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> new ModelVerifier.Config(-1, 0, 0));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Strategies.named("best", Abstention.never()));
        assertTrue(unknown.getMessage().contains("majority-vote"), unknown.getMessage());
        for (String name : Strategies.NAMES) {
            assertEquals(name, Strategies.named(name, Abstention.never()).name());
        }
        assertEquals(HybridConfig.defaults(), HybridConfig.defaults().toBuilder().build());
    }

    /** Records every spec and refuses to start: a daemon that is not there. */
    private static final class RefusingSandboxes implements SandboxProvider {
        final List<SandboxSpec> starts = new ArrayList<>();

        @Override
        public Sandbox start(SandboxSpec spec) {
            starts.add(spec);
            throw new SandboxException("no daemon");
        }

        @Override
        public int prune(boolean all) {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
