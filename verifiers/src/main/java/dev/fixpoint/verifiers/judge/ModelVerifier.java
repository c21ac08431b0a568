package dev.fixpoint.verifiers.judge;

import dev.fixpoint.models.Model;
import dev.fixpoint.models.Usage;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.dedup.Cluster;
import dev.fixpoint.verifiers.dedup.Clustering;
import dev.fixpoint.verifiers.select.ExecutionEvidence;
import dev.fixpoint.verifiers.select.JudgeEvidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model-based verifier: judges each distinct usable patch (one per cluster, its representative) pointwise,
 * with the execution evidence in words, and ranks them all listwise; every member of a cluster gets its
 * representative's verdicts. Clusters of empty, malformed or non-applying patches are not judged. With a single
 * usable cluster the listwise ranking is skipped: it would say nothing. Thread-safe if the model is.
 */
public final class ModelVerifier {

    private static final Logger log = LoggerFactory.getLogger(ModelVerifier.class);

    /**
     * @param pointwiseSamples     questions per patch; 0 turns pointwise judging off
     * @param listwisePermutations orders in which the patches are shown; 0 turns listwise ranking off
     * @param retries              re-asks when an answer cannot be parsed
     */
    public record Config(int pointwiseSamples, int listwisePermutations, int retries) {
        public Config {
            if (pointwiseSamples < 0 || listwisePermutations < 0 || retries < 0) {
                throw new IllegalArgumentException("judge config values must be >= 0, not: %d, %d, %d"
                        .formatted(pointwiseSamples, listwisePermutations, retries));
            }
        }

        /** One pointwise sample (temperature-0 friendly), two listwise orders (given and reversed), one retry. */
        public static Config defaults() {
            return new Config(1, 2, 1);
        }
    }

    private final Model model;
    private final Config config;

    public ModelVerifier(Model model, Config config) {
        this.model = Objects.requireNonNull(model, "model");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * @param execution test results by candidate id, shown to the pointwise judge; may be empty
     */
    public JudgeReport judge(String issue, List<CandidatePatch> candidates, Clustering clustering,
                             Map<String, ExecutionEvidence> execution) {
        Map<String, CandidatePatch> byId = candidates.stream()
                .collect(Collectors.toMap(CandidatePatch::id, Function.identity()));
        List<Cluster> judged = clustering.clusters().stream()
                .filter(c -> usable(c, execution.get(c.representative())))
                .toList();
        int calls = 0;
        Usage usage = Usage.ZERO;
        List<String> problems = new ArrayList<>();
        Map<Integer, PointwiseVerdict> pointwise = new HashMap<>();
        if (config.pointwiseSamples() > 0) {
            PointwiseJudge judge = new PointwiseJudge(model, config.pointwiseSamples(), config.retries());
            for (Cluster c : judged) {
                PointwiseVerdict v = judge.judge(issue, patchOf(byId, c), describe(execution.get(c.representative())));
                pointwise.put(c.id(), v);
                calls += v.calls();
                usage = usage.plus(v.usage());
                v.problems().forEach(p -> problems.add("cluster " + c.id() + ": " + p));
            }
        }
        ListwiseVerdict listwise = null;
        if (config.listwisePermutations() > 0 && judged.size() > 1) {
            listwise = new ListwiseJudge(model, config.listwisePermutations(), config.retries())
                    .rank(issue, judged.stream().map(c -> patchOf(byId, c)).toList());
            calls += listwise.calls();
            usage = usage.plus(listwise.usage());
            problems.addAll(listwise.problems());
        }
        Map<String, JudgeEvidence> evidence = new HashMap<>();
        for (int k = 0; k < judged.size(); k++) {
            Cluster c = judged.get(k);
            PointwiseVerdict p = pointwise.get(c.id());
            boolean ranked = listwise != null && !listwise.scores().isEmpty();
            JudgeEvidence e = new JudgeEvidence(p == null ? null : p.probability(),
                    ranked ? listwise.scores().get(k) : null, ranked ? listwise.meanRanks().get(k) : null,
                    p == null ? 0 : p.calls(), p == null || p.probability() == null ? null : p.method());
            c.memberIds().forEach(id -> evidence.put(id, e));
        }
        log.debug("{}: judged {} clusters with {} calls, {} problems", model.id(), judged.size(), calls, problems.size());
        return new JudgeReport(evidence, calls, usage, problems);
    }

    /** As {@link dev.fixpoint.verifiers.select.Evidence#usable()}: the sandbox's verdict on applying wins. */
    private static boolean usable(Cluster c, ExecutionEvidence x) {
        return x == null ? c.state().isUsable()
                : x.applied() && (c.state().isUsable() || c.state() == dev.fixpoint.verifiers.dedup.PatchState.DOES_NOT_APPLY);
    }

    private static String patchOf(Map<String, CandidatePatch> byId, Cluster c) {
        CandidatePatch p = byId.get(c.representative());
        if (p == null) {
            throw new IllegalArgumentException("clustering names a candidate not in the pool: " + c.representative());
        }
        return p.patch();
    }

    /** Execution evidence in words for the pointwise prompt; empty when there is none. */
    static String describe(ExecutionEvidence x) {
        if (x == null) {
            return "";
        }
        return "Reproduction tests (they fail on the unpatched code): %d of %d pass with this patch.\n"
                .formatted(x.reproductionPassed(), x.reproductionTotal())
                + "Existing tests that passed before: %d of %d now fail with this patch."
                .formatted(x.regressionBroken(), x.regressionTotal());
    }
}
