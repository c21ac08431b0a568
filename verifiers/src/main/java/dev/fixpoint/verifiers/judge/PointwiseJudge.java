package dev.fixpoint.verifiers.judge;

import dev.fixpoint.models.Model;
import dev.fixpoint.verifiers.select.JudgeEvidence.PointwiseMethod;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a model whether one patch resolves the issue. The first question asks for token log-probabilities; when
 * the provider gives them (OpenAI and OpenAI-compatible servers), P(YES) is read from the verdict token's top
 * alternatives ({@link VerdictLogprobs}) and that one answer is the verdict ({@link PointwiseMethod#LOGPROBS}).
 * Otherwise the question is asked {@code samples} times in all and the YES share of the answers is the
 * probability ({@link PointwiseMethod#VOTES}; with a temperature of 0, use one sample). A provider that refuses
 * log-probabilities is not asked for them again by this judge. Thread-safe.
 */
public final class PointwiseJudge {

    /** Alternatives asked for per token: YES and NO variants are normally well within these. */
    static final int TOP_LOGPROBS = 10;

    private static final Template SYSTEM = Template.resource("pointwise_system.txt");
    private static final Template USER = Template.resource("pointwise.txt");

    private final Model model;
    private final int samples;
    private final int retries;
    private final AtomicBoolean askLogprobs = new AtomicBoolean(true);

    /**
     * @param samples independent questions per patch when there are no log-probabilities, at least 1
     * @param retries re-asks per sample when the answer has no verdict line, at least 0
     */
    public PointwiseJudge(Model model, int samples, int retries) {
        this.model = Objects.requireNonNull(model, "model");
        JudgeCalls.checkSettings("pointwise samples", samples, retries);
        this.samples = samples;
        this.retries = retries;
    }

    /**
     * @param evidence what is known about the patch from execution, in words (may be empty)
     */
    public PointwiseVerdict judge(String issue, String patch, String evidence) {
        String user = USER.render(Map.of("issue", issue.strip(), "patch", patch.strip(),
                "evidence", evidence.isBlank() ? "No test results are available." : evidence.strip()));
        String system = SYSTEM.render(Map.of());
        JudgeCalls calls = new JudgeCalls(model, retries);
        int yes = 0;
        int no = 0;
        for (int i = 0; i < samples; i++) {
            String what = "pointwise sample " + (i + 1);
            Optional<Boolean> vote;
            if (i == 0 && askLogprobs.get()) {
                Optional<JudgeCalls.Answer<Boolean>> answer =
                        calls.askWithLogprobs(system, user, TOP_LOGPROBS, VerdictParser::yesNo, what);
                if (calls.logprobsRefused()) {
                    askLogprobs.set(false);
                }
                Optional<Double> p = answer.flatMap(a -> VerdictLogprobs.yesProbability(a.logprobs()));
                if (p.isPresent()) {
                    boolean said = answer.get().value();
                    return new PointwiseVerdict(p.get(), said ? 1 : 0, said ? 0 : 1, 0, calls.calls(), calls.usage(),
                            calls.problems(), PointwiseMethod.LOGPROBS);
                }
                vote = answer.map(JudgeCalls.Answer::value);
            } else {
                vote = calls.ask(system, user, VerdictParser::yesNo, what);
            }
            if (vote.isPresent()) {
                if (vote.get()) {
                    yes++;
                } else {
                    no++;
                }
            }
        }
        Double probability = yes + no == 0 ? null : (double) yes / (yes + no);
        return new PointwiseVerdict(probability, yes, no, samples - yes - no, calls.calls(), calls.usage(),
                calls.problems(), PointwiseMethod.VOTES);
    }
}
