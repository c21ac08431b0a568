package dev.fixpoint.models;


import java.math.BigDecimal;
import java.util.Optional;

/**
 * Usage and cost of one rollout, fed by {@link MeteredModel} after every call. Cost stays known only while every
 * call's price was known. Confined to the rollout's thread.
 */
public final class Meter {

    private final String modelId;
    private final PriceTable prices;
    private Usage usage = Usage.ZERO;
    private BigDecimal cost = BigDecimal.ZERO;
    private boolean costKnown = true;
    private Optional<BigDecimal> lastCost = Optional.empty();

    public Meter(String modelId, PriceTable prices) {
        this.modelId = modelId;
        this.prices = prices;
    }

    void record(Usage call) {
        usage = usage.plus(call);
        lastCost = prices.cost(modelId, call);
        if (lastCost.isPresent()) cost = cost.add(lastCost.get());
        else costKnown = false;
    }

    public Usage usage() {
        return usage;
    }

    /** USD so far, or empty if any call's price was unknown. */
    public Optional<BigDecimal> cost() {
        return costKnown ? Optional.of(cost) : Optional.empty();
    }

    /** USD of the latest call, or empty if unknown. */
    public Optional<BigDecimal> lastCost() {
        return lastCost;
    }
}
