package dev.fixpoint.verifiers.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.models.Message;
import dev.fixpoint.models.ModelRequest;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.ScriptedModel;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.dedup.BaseFiles;
import dev.fixpoint.verifiers.dedup.CandidateClusterer;
import dev.fixpoint.verifiers.dedup.Clustering;
import dev.fixpoint.verifiers.select.ExecutionEvidence;
import dev.fixpoint.verifiers.select.JudgeEvidence;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelVerifierTest {

    private static ModelResponse says(String text) {
        return ScriptedModel.respond(text);
    }

    private static String patch(String line) {
        return "--- a/f.py\n+++ b/f.py\n@@ -1 +1 @@\n-x = 0\n+" + line + "\n";
    }

    private static String lastUserText(ModelRequest r) {
        return ((Message.User) r.messages().get(1)).text();
    }

    @Test
    void pointwiseProbabilityIsTheYesShareAndUnparseableAnswersAreRetriedThenAbstain() {
        ScriptedModel model = ScriptedModel.of(says("VERDICT: YES"), says("hmm"), says("VERDICT: NO"),
                says("VERDICT: YES"), says("no idea"), says("still no idea"));

        PointwiseVerdict v = new PointwiseJudge(model, 4, 1).judge("Bug: x is 0", patch("x = 1"), "");

        assertEquals(2.0 / 3, v.probability());
        assertEquals(2, v.yes());
        assertEquals(1, v.no());
        assertEquals(1, v.abstained());
        assertEquals(6, v.calls());
        assertEquals(List.of("pointwise sample 4: no parseable answer after 2 attempts"), v.problems());
        String prompt = lastUserText(model.requests().get(0));
        assertTrue(prompt.contains("Bug: x is 0") && prompt.contains("+x = 1") && prompt.contains("No test results"), prompt);
    }

    @Test
    void aFailedModelCallIsAProblemNotACrash() {
        ScriptedModel model = ScriptedModel.of(says("VERDICT: NO"));

        PointwiseVerdict v = new PointwiseJudge(model, 2, 0).judge("issue", patch("x = 1"), "");

        assertEquals(0.0, v.probability());
        assertEquals(1, v.abstained());
        assertTrue(v.problems().get(0).startsWith("pointwise sample 2: model call failed: scripted:test: script exhausted"),
                v.problems()::toString);
    }

    @Test
    void listwiseRanksMapBackThroughEachPermutation() {
        // Patches A, B, C. Order 1 shows A,B,C; order 2 shows C,B,A. The judge prefers B, then A, then C.
        ScriptedModel model = ScriptedModel.of(says("RANKING: 2 > 1 > 3"), says("RANKING: 2 > 3 > 1"));

        ListwiseVerdict v = new ListwiseJudge(model, 2, 0).rank("issue", List.of("A", "B", "C"));

        assertEquals(List.of(2.0, 1.0, 3.0), v.meanRanks());
        assertEquals(List.of(0.5, 1.0, 0.0), v.scores());
        assertEquals(2, v.votes());
        String second = lastUserText(model.requests().get(1));
        assertTrue(second.indexOf("C") < second.indexOf("B") && second.indexOf("B") < second.lastIndexOf("A"), second);
        assertTrue(second.contains("RANKING: 1 > 2 > 3"), "the example lists every number");
    }

    @Test
    void positionBiasCancelsOverReversedOrders() {
        // A judge that always ranks whatever it sees first as best.
        AtomicInteger calls = new AtomicInteger();
        dev.fixpoint.models.Model firstIsBest = new dev.fixpoint.models.Model() {
            @Override public String id() { return "biased:first"; }
            @Override public ModelResponse chat(ModelRequest request) {
                calls.incrementAndGet();
                return says("RANKING: 1 > 2 > 3 > 4");
            }
        };

        ListwiseVerdict v = new ListwiseJudge(firstIsBest, 2, 0).rank("issue", List.of("A", "B", "C", "D"));

        assertEquals(List.of(2.5, 2.5, 2.5, 2.5), v.meanRanks());
        assertEquals(2, calls.get());
    }

    @Test
    void ordersAreDistinctAndDeterministic() {
        assertEquals(List.of(List.of(0, 1, 2), List.of(2, 1, 0), List.of(1, 2, 0), List.of(0, 2, 1)),
                ListwiseJudge.orders(3, 4));
        assertEquals(List.of(List.of(0, 1), List.of(1, 0)), ListwiseJudge.orders(2, 6));
        assertEquals(List.of(List.of(0)), ListwiseJudge.orders(1, 3));
    }

    @Test
    void badRankingsAreRetriedThenTheVoteAbstains() {
        ScriptedModel model = ScriptedModel.of(says("RANKING: 1 > 1"), says("RANKING: 2 > 1"), says("?"), says("??"));

        ListwiseVerdict v = new ListwiseJudge(model, 2, 1).rank("issue", List.of("A", "B"));

        assertEquals(1, v.votes());
        assertEquals(1, v.abstained());
        assertEquals(List.of(0.0, 1.0), v.scores());
        assertEquals(4, v.calls());
    }

    @Test
    void verifierJudgesOneRepresentativePerUsableClusterAndSharesTheVerdict() {
        List<CandidatePatch> pool = List.of(
                CandidatePatch.of("r0", patch("x = 1")),
                CandidatePatch.of("r1", patch("x = 2")),
                CandidatePatch.of("r2", patch("x=1  # fixed")),
                CandidatePatch.of("r3", ""),
                CandidatePatch.of("r4", patch("x = 3")));
        Clustering clustering = new CandidateClusterer().cluster(pool, BaseFiles.of(Map.of("f.py", "x = 0\n")));
        Map<String, ExecutionEvidence> execution = Map.of(
                "r0", new ExecutionEvidence(true, 2, 2, 0, 4),
                "r1", new ExecutionEvidence(true, 1, 2, 1, 4),
                "r4", ExecutionEvidence.notApplied(2, 4));
        // Pointwise for clusters {r0,r2} and {r1}; r3 is empty and r4 did not apply. Then two listwise orders.
        ScriptedModel model = ScriptedModel.of(says("VERDICT: YES"), says("VERDICT: NO"),
                says("RANKING: 1 > 2"), says("RANKING: 2 > 1"));

        JudgeReport report = new ModelVerifier(model, ModelVerifier.Config.defaults())
                .judge("Bug: x is 0", pool, clustering, execution);

        assertEquals(4, report.calls());
        assertEquals(List.of(), report.problems());
        assertEquals(new JudgeEvidence(1.0, 1.0, 1.0, 1, JudgeEvidence.PointwiseMethod.VOTES), report.evidence().get("r0"));
        assertEquals(report.evidence().get("r0"), report.evidence().get("r2"));
        assertEquals(new JudgeEvidence(0.0, 0.0, 2.0, 1, JudgeEvidence.PointwiseMethod.VOTES), report.evidence().get("r1"));
        assertFalse(report.evidence().containsKey("r3"));
        assertFalse(report.evidence().containsKey("r4"));
        String first = lastUserText(model.requests().get(0));
        assertTrue(first.contains("2 of 2 pass") && first.contains("0 of 4 now fail"), first);
        assertEquals(0, model.remaining());
    }

    @Test
    void aSingleUsableClusterIsNotRankedListwise() {
        List<CandidatePatch> pool = List.of(CandidatePatch.of("r0", patch("x = 1")), CandidatePatch.of("r1", ""));
        Clustering clustering = new CandidateClusterer().cluster(pool, BaseFiles.none());
        ScriptedModel model = ScriptedModel.of(says("VERDICT: YES"));

        JudgeReport report = new ModelVerifier(model, ModelVerifier.Config.defaults()).judge("i", pool, clustering, Map.of());

        assertEquals(1, report.calls());
        assertNull(report.evidence().get("r0").listwise());
        assertEquals(1.0, report.evidence().get("r0").pointwise());
    }

    @Test
    void configRejectsNegativeValues() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ModelVerifier.Config(-1, 2, 1));
        assertEquals("judge config values must be >= 0, not: -1, 2, 1", e.getMessage());
    }
}
