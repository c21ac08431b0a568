package dev.fixpoint.models;


import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The model calls of one stage of a task (its verification: test-writing sessions, test generation, the judge):
 * how many were answered and which failed because the model service failed ({@link ModelException#serviceFailure()};
 * refused requests, budgets and interrupts are not counted). Tells a stage that learned nothing because the model was
 * down from one that ran. Thread-safe.
 */
public final class ModelCallLog {

    private static final int MESSAGE_CHARS = 300;

    private int answered;
    private int failed;
    private final Map<String, Integer> failures = new LinkedHashMap<>();

    public synchronized void answered() {
        answered++;
    }

    /** Counts {@code e} if the model service failed. */
    public synchronized void failed(ModelException e) {
        if (!e.serviceFailure()) return;
        failed++;
        String m = e.getMessage() == null ? e.kind().name() : e.getMessage();
        failures.merge(m.length() > MESSAGE_CHARS ? m.substring(0, MESSAGE_CHARS) + "..." : m, 1, Integer::sum);
    }

    /** At least one call failed for the model's reasons and none was answered. */
    public synchronized boolean allFailed() {
        return failed > 0 && answered == 0;
    }

    /** E.g. "3 model calls failed, 0 answered: 3 x openai:gpt-4.1: provider error (HTTP 500): ...". */
    public synchronized String summary() {
        return failed + " model call(s) failed, " + answered + " answered: " + failures.entrySet().stream()
                .map(f -> f.getValue() + " x " + f.getKey()).collect(Collectors.joining("; "));
    }
}
