package dev.fixpoint.harness.results;

import java.util.Map;
import java.util.TreeMap;

/** Small views of parsed results for assertions. */
final class Maps {

    private Maps() {}

    /** The results that did not pass. */
    static Map<String, TestOutcome> notPassed(TestResults r) {
        Map<String, TestOutcome> out = new TreeMap<>();
        r.outcomes().forEach((name, outcome) -> {
            if (outcome != TestOutcome.PASSED) out.put(name, outcome);
        });
        return out;
    }
}
