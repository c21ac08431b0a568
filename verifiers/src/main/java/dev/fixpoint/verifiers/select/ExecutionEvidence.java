package dev.fixpoint.verifiers.select;

/**
 * What running the kept tests against one candidate showed.
 *
 * @param applied            the patch applied in the candidate's sandbox
 * @param reproductionPassed reproduction tests (fail on the base code) that pass with the patch
 * @param reproductionTotal  reproduction tests run
 * @param regressionBroken   regression tests (pass on the base code) that fail with the patch
 * @param regressionTotal    regression tests run
 */
public record ExecutionEvidence(boolean applied, int reproductionPassed, int reproductionTotal,
                                int regressionBroken, int regressionTotal) {

    public ExecutionEvidence {
        if (reproductionPassed < 0 || reproductionPassed > reproductionTotal) {
            throw new IllegalArgumentException("reproduction tests passed must be in 0..%d, not: %d"
                    .formatted(reproductionTotal, reproductionPassed));
        }
        if (regressionBroken < 0 || regressionBroken > regressionTotal) {
            throw new IllegalArgumentException("regression tests broken must be in 0..%d, not: %d"
                    .formatted(regressionTotal, regressionBroken));
        }
    }

    /** The patch did not apply: no test could run. */
    public static ExecutionEvidence notApplied(int reproductionTotal, int regressionTotal) {
        return new ExecutionEvidence(false, 0, reproductionTotal, 0, regressionTotal);
    }

    /** Share of reproduction tests passed; 0 when there were none. */
    public double reproductionRate() {
        return reproductionTotal == 0 ? 0.0 : (double) reproductionPassed / reproductionTotal;
    }
}
