package dev.fixpoint.verifiers;

import dev.fixpoint.verifiers.judge.ModelVerifier;
import dev.fixpoint.verifiers.select.SelectionStrategy;
import dev.fixpoint.verifiers.select.WeightedScore;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How {@link HybridVerifier} verifies and selects. Build with {@link #builder()}; every field has a default.
 *
 * @param strategy         how the winner is chosen, with its abstention thresholds ({@link
 *                         dev.fixpoint.verifiers.select.Strategies#named} builds one by name); it also decides which
 *                         stages run: no sandbox for a strategy that reads no execution evidence, no judge for one
 *                         that reads no verdicts
 * @param generatedTests   reproduction tests to ask the model for (K); 0, or no model, for none
 * @param judge            pointwise samples, listwise permutations and re-asks of the model judge
 * @param regressionTests  run the repository's tests related to the changed files, those passing on the base code
 * @param candidateScripts add the candidates' own reproduction scripts to the test pool
 * @param scriptTimeout    time limit of one reproduction script
 * @param runId            labels the sandboxes, so that a crashed run's leftovers can be found
 * @param regressionFiles  repository test files chosen as regression tests at most (see
 *                         {@link dev.fixpoint.verifiers.exec.RegressionTests}), at least 1
 * @param budget           wall time one task's verification may spend in sandboxes; once spent no new run starts
 *                         and selection uses the evidence gathered so far (with a note). Each run of the test command
 *                         is bounded by what is left, and by the environment's test timeout
 */
public record HybridConfig(SelectionStrategy strategy, int generatedTests, ModelVerifier.Config judge,
                           boolean regressionTests, boolean candidateScripts, Duration scriptTimeout, String runId,
                           int regressionFiles, Duration budget) {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_.-]+");
    /** Verification time per task unless configured otherwise. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(10);

    public HybridConfig {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(judge, "judge");
        if (generatedTests < 0) {
            throw new IllegalArgumentException("generated test count must be >= 0, not: " + generatedTests);
        }
        if (scriptTimeout == null || scriptTimeout.isNegative() || scriptTimeout.isZero()) {
            throw new IllegalArgumentException("script timeout must be positive, not: " + scriptTimeout);
        }
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("not a valid run id: " + runId);
        }
        if (regressionFiles < 1) {
            throw new IllegalArgumentException("regression test files must be at least 1, not: " + regressionFiles
                    + " (turn regression tests off instead)");
        }
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("verification budget must be positive, not: " + budget);
        }
    }

    /**
     * Weighted score, 3 generated tests, default judge, regression tests (at most 8 files) and candidates' scripts
     * on, 60 s scripts, 10 minutes of verification per task.
     */
    public static HybridConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().strategy(strategy).generatedTests(generatedTests).judge(judge)
                .regressionTests(regressionTests).candidateScripts(candidateScripts).scriptTimeout(scriptTimeout)
                .runId(runId).regressionFiles(regressionFiles).budget(budget);
    }

    /** Builder with the defaults of {@link #defaults()}. */
    public static final class Builder {
        private SelectionStrategy strategy = WeightedScore.defaults();
        private int generatedTests = 3;
        private ModelVerifier.Config judge = ModelVerifier.Config.defaults();
        private boolean regressionTests = true;
        private boolean candidateScripts = true;
        private Duration scriptTimeout = Duration.ofSeconds(60);
        private String runId = "verify";
        private int regressionFiles = dev.fixpoint.verifiers.exec.RegressionTests.DEFAULT_MAX_FILES;
        private Duration budget = DEFAULT_BUDGET;

        private Builder() {
        }

        public Builder strategy(SelectionStrategy v) { strategy = v; return this; }
        public Builder generatedTests(int v) { generatedTests = v; return this; }
        public Builder judge(ModelVerifier.Config v) { judge = v; return this; }
        public Builder regressionTests(boolean v) { regressionTests = v; return this; }
        public Builder candidateScripts(boolean v) { candidateScripts = v; return this; }
        public Builder scriptTimeout(Duration v) { scriptTimeout = v; return this; }
        public Builder runId(String v) { runId = v; return this; }
        public Builder regressionFiles(int v) { regressionFiles = v; return this; }
        public Builder budget(Duration v) { budget = v; return this; }

        public HybridConfig build() {
            return new HybridConfig(strategy, generatedTests, judge, regressionTests, candidateScripts, scriptTimeout, runId,
                    regressionFiles, budget);
        }
    }
}
