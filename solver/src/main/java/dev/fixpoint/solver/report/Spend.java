package dev.fixpoint.solver.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What a run, task or rollout spent. Dollars are unknown (empty) when the model had no price, and meaningless when
 * the model was scripted: {@link #costLabel()} says which rather than printing $0.
 *
 * @param usd            dollars, empty when unknown
 * @param tokens         tokens, all kinds
 * @param modelCalls     model calls
 * @param unpricedModels models whose calls had no price (their dollars are missing from {@code usd})
 * @param scripted       the model was a script: nothing was paid
 */
public record Spend(Optional<BigDecimal> usd, long tokens, long modelCalls, List<String> unpricedModels, boolean scripted) {

    public Spend {
        unpricedModels = List.copyOf(unpricedModels);
        if (tokens < 0 || modelCalls < 0) {
            throw new IllegalArgumentException("negative spend: " + tokens + " tokens, " + modelCalls + " calls");
        }
    }

    public static Spend none(boolean scripted) {
        return new Spend(Optional.empty(), 0, 0, List.of(), scripted);
    }

    /** Dollars that can be shown as a price: known, complete (every model priced) and not scripted. */
    public Optional<BigDecimal> knownUsd() {
        return scripted || !unpricedModels.isEmpty() ? Optional.empty() : usd;
    }

    /** "$1.23", "scripted (no cost)", "unknown (unpriced: m)" or "unknown". */
    public String costLabel() {
        if (scripted) return "scripted (no cost)";
        if (!unpricedModels.isEmpty()) return "unknown (unpriced: " + String.join(", ", unpricedModels) + ")";
        return usd.map(Spend::dollars).orElse("unknown");
    }

    public static String dollars(BigDecimal usd) {
        return usd.compareTo(BigDecimal.ONE) >= 0 || usd.signum() == 0
                ? "$" + usd.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                : "$" + usd.round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** Zero dollars known: the identity for summing with {@link #plus}. */
    public Spend withUsdZero() {
        return new Spend(Optional.of(BigDecimal.ZERO), tokens, modelCalls, unpricedModels, scripted);
    }

    public Spend plus(Spend other) {
        Optional<BigDecimal> sum = usd.isPresent() && other.usd.isPresent() ? Optional.of(usd.get().add(other.usd.get())) : Optional.empty();
        var unpriced = new java.util.TreeSet<>(unpricedModels);
        unpriced.addAll(other.unpricedModels);
        return new Spend(sum, tokens + other.tokens, modelCalls + other.modelCalls, List.copyOf(unpriced), scripted || other.scripted);
    }
}
