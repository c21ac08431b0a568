package dev.fixpoint.verifiers.judge;

import dev.fixpoint.agent.Model;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks a model whether one patch resolves the issue, {@code samples} times; the YES share of the answers is the
 * probability. (Our {@link Model} interface does not expose token log-probabilities, so the vote share over
 * samples stands in for them; with a temperature of 0, use one sample.) Thread-safe.
 */
public final class PointwiseJudge {

    private static final Template SYSTEM = Template.resource("pointwise_system.txt");
    private static final Template USER = Template.resource("pointwise.txt");

    private final Model model;
    private final int samples;
    private final int retries;

    /**
     * @param samples independent questions per patch, at least 1
     * @param retries re-asks per sample when the answer has no verdict line, at least 0
     */
    public PointwiseJudge(Model model, int samples, int retries) {
        this.model = Objects.requireNonNull(model, "model");
        if (samples < 1 || retries < 0) {
            throw new IllegalArgumentException("pointwise samples must be >= 1 and retries >= 0, not: %d, %d"
                    .formatted(samples, retries));
        }
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
            Optional<Boolean> vote = calls.ask(system, user, VerdictParser::yesNo, "pointwise sample " + (i + 1));
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
                calls.problems());
    }
}
