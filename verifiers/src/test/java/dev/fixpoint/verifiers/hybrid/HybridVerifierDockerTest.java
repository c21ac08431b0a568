package dev.fixpoint.verifiers.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.verifiers.testing.RecordJson;
import dev.fixpoint.models.ScriptedModel;
import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.HybridConfig;
import dev.fixpoint.verifiers.HybridVerifier;
import dev.fixpoint.verifiers.Verification;
import dev.fixpoint.verifiers.exec.TestVerdict;
import dev.fixpoint.verifiers.select.Evidence;
import dev.fixpoint.verifiers.select.ExecutionOnly;
import dev.fixpoint.verifiers.select.Selector;
import dev.fixpoint.verifiers.testing.PatchVariants;
import dev.fixpoint.verifiers.testing.VerspecSample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The whole facade on the verspec sample in real sandboxes, with a scripted model writing tests and judging. */
@Tag("docker")
class HybridVerifierDockerTest {

    private static String fenced(String code) {
        return VerspecSample.pythonBlock("from verspec import parse_range\n\n" + code);
    }

    @Test
    void picksTheGoldClusterOverANaiveFixAndARegressionWithEvidenceAndCosts() throws Exception {
        Task task = VerspecSample.task();
        Path tree = VerspecSample.tree();
        String gold = task.patch();
        String variant = PatchVariants.commented(gold, "same fix, re-commented");
        String partial = VerspecSample.decoy("partial.diff");
        String breaks = VerspecSample.decoy("breaks_p2p.diff");
        List<CandidatePatch> pool = List.of(
                CandidatePatch.of("r0", breaks),
                new CandidatePatch("r1", gold, Map.of("reproduce_issue.py",
                        "from verspec import parse_range\nassert parse_range('1.2 - 1.4').contains('1.4.5')\n")),
                CandidatePatch.of("r2", partial),
                CandidatePatch.of("r3", variant),
                CandidatePatch.of("r4", ""));
        // 2 tests, then pointwise for the clusters {r0}, {r1, r3}, {r2}, then 2 listwise orders of those 3.
        ScriptedModel model = ScriptedModel.of(
                ScriptedModel.respond(fenced("def test_issue_example():\n    assert parse_range('1.2 - 1.4').contains('1.4.5')\n")),
                ScriptedModel.respond(fenced("def test_lte_partial():\n    assert parse_range('<=1.4').contains('1.4.7')\n")),
                ScriptedModel.respond("VERDICT: NO"), ScriptedModel.respond("VERDICT: YES"), ScriptedModel.respond("VERDICT: YES"),
                ScriptedModel.respond("RANKING: 2 > 3 > 1"), ScriptedModel.respond("RANKING: 2 > 1 > 3"));
        HybridConfig config = HybridConfig.builder().generatedTests(2).runId("test-hybrid").build();

        Verification v;
        try (DockerSandboxProvider sandboxes = DockerSandboxProvider.create()) {
            v = new HybridVerifier(sandboxes, model, config).verify(task, tree, pool);
        }

        assertEquals(Optional.of("r1"), v.chosen(), v.selection().reasons()::toString);
        assertEquals(List.of("gen-1", "gen-2", "r1-repro"), v.tests().tests().stream()
                .filter(t -> t.kind() == dev.fixpoint.verifiers.exec.VerificationTest.Kind.REPRODUCTION)
                .map(Verification.TestInfo::id).toList(), v.tests().discarded()::toString);
        assertTrue(v.tests().tests().size() > 3, "regression tests joined");
        Verification.Row goldRow = v.tests().rows().get("r1");
        assertEquals(Map.of("gen-1", TestVerdict.PASS, "gen-2", TestVerdict.PASS, "r1-repro", TestVerdict.PASS),
                goldRow.reproduction());
        assertTrue(goldRow.regressionBroken().isEmpty(), goldRow::toString);
        assertEquals(goldRow, v.tests().rows().get("r3"), "the variant shares the gold's run");
        assertEquals(TestVerdict.FAIL, v.tests().rows().get("r2").reproduction().get("gen-2"), "the partial fix misses <=1.4");
        assertEquals(TestVerdict.PASS, v.tests().rows().get("r2").reproduction().get("gen-1"), "but passes the naive example");
        assertFalse(v.tests().rows().get("r0").regressionBroken().isEmpty(), "breaks_p2p breaks existing tests");
        assertFalse(v.tests().rows().get("r4").applied());
        assertEquals(5, v.compute().sandboxes(), "base check, base suite, one per distinct non-empty change");
        assertTrue(v.compute().sandboxTime().toMillis() > 0);
        assertEquals(2, v.compute().testGeneration().calls());
        assertEquals(5, v.compute().judge().calls());
        assertEquals(0, model.remaining());
        assertEquals(4, v.judge().candidatesJudged());

        ObjectMapper json = RecordJson.mapper();
        assertEquals(v, json.readValue(json.writeValueAsString(v), Verification.class));
        List<Evidence> evidence = v.selection().evidence();
        assertEquals(Optional.of("r1"), new Selector().select(ExecutionOnly.defaults(), evidence).chosen(),
                "the evidence is enough to re-select with another strategy");
    }
}
