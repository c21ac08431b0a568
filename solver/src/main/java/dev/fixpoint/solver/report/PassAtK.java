package dev.fixpoint.solver.report;

/**
 * The unbiased pass@k estimator of Chen et al. (2021, "Evaluating Large Language Models Trained on Code"):
 * with n samples of which c are correct, {@code 1 - C(n-c, k) / C(n, k)}, computed as a product for stability.
 */
public final class PassAtK {

    private PassAtK() {}

    public static double estimate(int n, int c, int k) {
        if (n < 1 || c < 0 || c > n || k < 1 || k > n) {
            throw new IllegalArgumentException("pass@k needs 0 <= c <= n, 1 <= k <= n; got n=%d c=%d k=%d".formatted(n, c, k));
        }
        if (n - c < k) return 1.0;
        double missAll = 1.0;
        for (int i = n - c + 1; i <= n; i++) missAll *= 1.0 - (double) k / i;
        return 1.0 - missAll;
    }
}
