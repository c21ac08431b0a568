package dev.fixpoint.harness.predictions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predictions read from a file: the usable ones by instance id (a later row for the same id replaces an earlier
 * one, as in SWE-bench) and the rows that could not be used.
 */
public record PredictionSet(Map<String, Prediction> predictions, List<PredictionProblem> problems) {

    public PredictionSet {
        predictions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(predictions));
        problems = List.copyOf(problems);
    }
}
