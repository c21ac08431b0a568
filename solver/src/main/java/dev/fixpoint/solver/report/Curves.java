package dev.fixpoint.solver.report;

import java.util.List;
import java.util.Objects;

/**
 * Test-time scaling curves of a run: rates for k = 1..maxK rollouts, and the cost of the first k rollouts.
 *
 * @param maxK     the largest k (most rollouts any task has)
 * @param tasks    tasks the rates are over (denominator)
 * @param rates    curves of rates in [0, 1], {@code values.get(k - 1)} for k
 * @param cost     mean spend of the first k rollouts per task, in {@code costUnit}
 * @param costUnit "USD" or "tokens" (when dollars are unknown or the model is scripted)
 * @param proxy    the rates come from a proxy, not from grades
 * @param notes    what each curve means, and caveats
 */
public record Curves(int maxK, int tasks, List<Curve> rates, List<Double> cost, String costUnit, boolean proxy, List<String> notes) {

    /** One curve; {@code kind} is "coverage", "pass" or "selected" (for styling). */
    public record Curve(String name, String kind, List<Double> values, String meaning) {
        public Curve {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }

    public Curves {
        rates = List.copyOf(rates);
        cost = List.copyOf(cost);
        notes = List.copyOf(notes);
    }

    public static Curves none(String why) {
        return new Curves(0, 0, List.of(), List.of(), "tokens", false, List.of(why));
    }

    public boolean isEmpty() {
        return maxK == 0 || rates.isEmpty();
    }
}
