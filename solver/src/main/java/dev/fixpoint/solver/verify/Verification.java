package dev.fixpoint.solver.verify;

import dev.fixpoint.agent.Model;
import dev.fixpoint.solver.SelectionConfig;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.dedup.CandidateClusterer;
import dev.fixpoint.verifiers.dedup.Cluster;
import dev.fixpoint.verifiers.dedup.Clustering;
import dev.fixpoint.verifiers.judge.JudgeReport;
import dev.fixpoint.verifiers.judge.ModelVerifier;
import dev.fixpoint.verifiers.select.Evidence;
import dev.fixpoint.verifiers.select.ExecutionEvidence;
import dev.fixpoint.verifiers.select.JudgeEvidence;
import dev.fixpoint.verifiers.select.Selection;
import dev.fixpoint.verifiers.select.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a pool of candidates and selects: de-duplicate (clusters), execute each usable cluster's representative
 * against the reproduction scripts and regression tests ({@link ExecutionMatrix}), ask the judge if one is given,
 * then let the {@link Selector} choose or abstain. Every member of a cluster shares its representative's evidence.
 */
public final class Verification {

    private static final Logger log = LoggerFactory.getLogger(Verification.class);

    /** What verification found, for the selection report. */
    public record Result(Selection selection, Clustering clustering, Map<String, ExecutionEvidence> execution,
                         JudgeReport judge, List<String> keptScripts, Map<String, String> rejectedScripts, int regressionTests) {}

    private final SelectionConfig config;
    private final CandidateClusterer clusterer = new CandidateClusterer();

    public Verification(SelectionConfig config) {
        this.config = config;
    }

    public Clustering cluster(List<CandidatePatch> pool, PreparedTask prepared) {
        return clusterer.cluster(pool, prepared.baseFiles());
    }

    public Result verify(String issue, List<CandidatePatch> pool, PreparedTask prepared, ExecutionMatrix matrix, Optional<Model> judge) {
        Clustering clustering = cluster(pool, prepared);
        Map<String, CandidatePatch> byId = new HashMap<>();
        pool.forEach(c -> byId.put(c.id(), c));
        Map<String, ExecutionEvidence> execution = new HashMap<>();
        for (Cluster cluster : clustering.clusters()) {
            if (!cluster.state().isUsable()) continue;
            ExecutionEvidence e = matrix.evidence(byId.get(cluster.representative()).patch());
            cluster.memberIds().forEach(id -> execution.put(id, e));
        }
        JudgeReport report = null;
        Map<String, JudgeEvidence> verdicts = Map.of();
        if (config.judge() && judge.isPresent()) {
            report = new ModelVerifier(judge.get(), ModelVerifier.Config.defaults()).judge(issue, pool, clustering, execution);
            verdicts = report.evidence();
        }
        List<Evidence> evidence = Evidence.of(pool, clustering, execution, verdicts);
        Selection selection = new Selector().select(config.toStrategy(), evidence);
        log.info("{} candidates, {} clusters: {}", pool.size(), clustering.clusters().size(),
                selection.abstained() ? "abstained: " + selection.reasons() : "chose " + selection.chosenCandidateId());
        return new Result(selection, clustering, execution, report, new ArrayList<>(matrix.describeScripts()), matrix.rejectedScripts(), matrix.regressionTests());
    }
}
