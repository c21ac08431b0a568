package dev.fixpoint.verifiers.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.models.Model;
import dev.fixpoint.models.ModelException;
import dev.fixpoint.models.ModelRequest;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.ScriptedModel;
import dev.fixpoint.models.TokenLogprob;
import dev.fixpoint.models.TokenLogprob.Alternative;
import dev.fixpoint.verifiers.select.JudgeEvidence.PointwiseMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PointwiseJudgeTest {

    private static final String PATCH = "--- a/f.py\n+++ b/f.py\n@@ -1 +1 @@\n-x = 0\n+x = 1\n";

    private static double ln(double p) {
        return Math.log(p);
    }

    /** "The fix looks right.\nVERDICT: YES" as tokens; the verdict token has the given alternatives. */
    private static List<TokenLogprob> reasonedYes(Alternative... verdictTop) {
        return List.of(TokenLogprob.of("The", ln(0.9)), TokenLogprob.of(" fix looks right.", ln(0.8)),
                TokenLogprob.of("\n", ln(0.99)), TokenLogprob.of("VER", ln(0.99)), TokenLogprob.of("DICT", ln(0.99)),
                TokenLogprob.of(":", ln(0.99)), new TokenLogprob(" YES", ln(0.6), List.of(verdictTop)));
    }

    private static String text(List<TokenLogprob> tokens) {
        return tokens.stream().map(TokenLogprob::token).reduce("", String::concat);
    }

    @Test
    void withLogprobsOneCallGivesTheNormalisedProbabilityOfYes() {
        // YES variants 0.6 + 0.1 ("yes"), NO variants 0.2 + 0.05; other tokens ignored: P = 0.7 / 0.95
        List<TokenLogprob> tokens = reasonedYes(new Alternative(" YES", ln(0.6)), new Alternative(" NO", ln(0.2)),
                new Alternative(" yes", ln(0.1)), new Alternative("No", ln(0.05)), new Alternative(" Maybe", ln(0.05)));
        ScriptedModel model = ScriptedModel.of(ScriptedModel.respond(text(tokens), tokens),
                ScriptedModel.respond("VERDICT: NO"), ScriptedModel.respond("VERDICT: NO"));

        PointwiseVerdict v = new PointwiseJudge(model, 3, 1).judge("Bug: x is 0", PATCH, "");

        assertEquals(PointwiseMethod.LOGPROBS, v.method());
        assertEquals(0.7 / 0.95, v.probability(), 1e-9);
        assertEquals(1, v.calls());
        assertEquals(1, v.yes());
        assertEquals(0, v.no());
        assertEquals(List.of(), v.problems());
        assertEquals(PointwiseJudge.TOP_LOGPROBS, model.requests().get(0).topLogprobs());
        assertEquals(2, model.remaining(), "no further samples once the probability is known");
    }

    @Test
    void withoutLogprobsKCallsGiveTheVoteShare() {
        ScriptedModel model = ScriptedModel.of(ScriptedModel.respond("VERDICT: YES"), ScriptedModel.respond("VERDICT: NO"),
                ScriptedModel.respond("VERDICT: YES"), ScriptedModel.respond("VERDICT: YES"));

        PointwiseVerdict v = new PointwiseJudge(model, 4, 0).judge("issue", PATCH, "");

        assertEquals(PointwiseMethod.VOTES, v.method());
        assertEquals(0.75, v.probability());
        assertEquals(4, v.calls());
        assertTrue(model.requests().get(0).wantsLogprobs(), "the first sample asks for them");
        assertNull(model.requests().get(1).topLogprobs(), "later samples do not");
    }

    @Test
    void logprobsThatDoNotSpellTheVerdictFallBackToVotes() {
        List<TokenLogprob> tokens = reasonedYes(new Alternative(" Maybe", ln(0.3)));
        // the verdict token itself is " YES" at 0.6, so YES wins even with no alternatives: P = 1
        ScriptedModel withOwnToken = ScriptedModel.of(ScriptedModel.respond(text(tokens), tokens));
        PointwiseVerdict own = new PointwiseJudge(withOwnToken, 2, 0).judge("issue", PATCH, "");
        assertEquals(PointwiseMethod.LOGPROBS, own.method());
        assertEquals(1.0, own.probability());

        ScriptedModel model = ScriptedModel.of(ScriptedModel.respond("VERDICT: YES", List.of(TokenLogprob.of("Sure", ln(0.5)))),
                ScriptedModel.respond("VERDICT: NO"));
        PointwiseVerdict v = new PointwiseJudge(model, 2, 0).judge("issue", PATCH, "");
        assertEquals(PointwiseMethod.VOTES, v.method(), "tokens that do not spell the verdict are not used");
        assertEquals(0.5, v.probability());
        assertEquals(2, v.calls());
    }

    @Test
    void aBareAnswerSplitOverTokensIsReadFromItsFirstToken() {
        List<TokenLogprob> tokens = List.of(new TokenLogprob("N", ln(0.8), List.of(new Alternative("N", ln(0.8)),
                new Alternative("Y", ln(0.2)))), TokenLogprob.of("O", ln(1.0)));
        assertEquals(0.2, VerdictLogprobs.yesProbability(tokens).orElseThrow(), 1e-9);
        assertEquals(Optional.empty(), VerdictLogprobs.yesProbability(List.of()));
    }

    @Test
    void aProviderRefusingLogprobsIsAskedWithoutThemAndNotAskedAgain() {
        List<ModelRequest> seen = new ArrayList<>();
        Model refusing = new Model() {
            @Override
            public String id() {
                return "openai:o3";
            }

            @Override
            public synchronized ModelResponse chat(ModelRequest request) {
                seen.add(request);
                if (request.wantsLogprobs()) {
                    throw new ModelException(ModelException.Kind.BAD_REQUEST, 400, "logprobs is not supported with this model", null);
                }
                return ScriptedModel.respond("VERDICT: YES");
            }
        };
        PointwiseJudge judge = new PointwiseJudge(refusing, 1, 0);

        PointwiseVerdict first = judge.judge("issue", PATCH, "");
        PointwiseVerdict second = judge.judge("issue", PATCH, "");

        assertEquals(PointwiseMethod.VOTES, first.method());
        assertEquals(1.0, first.probability());
        assertEquals(2, first.calls());
        assertEquals(List.of(), first.problems());
        assertEquals(1, second.calls(), "the refusal is remembered");
        assertEquals(3, seen.size());
    }
}
