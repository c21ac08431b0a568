package dev.fixpoint.verifiers.exec;

import dev.fixpoint.verifiers.select.ExecutionEvidence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every kept test against every candidate.
 *
 * @param tests       the tests, in run order
 * @param runs        candidate id -> its run (members of a cluster share their representative's run)
 * @param sandboxTime total wall time of the sandboxes used
 * @param sandboxes   number of sandboxes started
 */
public record TestMatrix(List<VerificationTest> tests, Map<String, RunResult> runs, Duration sandboxTime,
                         int sandboxes) {

    public TestMatrix {
        tests = List.copyOf(tests);
        runs = java.util.Collections.unmodifiableMap(new TreeMap<>(runs));
        Objects.requireNonNull(sandboxTime, "sandboxTime");
    }

    public TestVerdict verdict(String candidateId, String testId) {
        RunResult run = runs.get(candidateId);
        if (run == null) {
            throw new IllegalArgumentException("no run for candidate: " + candidateId);
        }
        return run.verdicts().getOrDefault(testId, TestVerdict.MISSING);
    }

    /**
     * The matrix row of one candidate as selection evidence: reproduction tests passed, regression tests broken;
     * tests not run for an applied patch (time budget spent) count in neither total.
     */
    public ExecutionEvidence evidence(String candidateId) {
        RunResult run = runs.get(candidateId);
        if (run == null) {
            throw new IllegalArgumentException("no run for candidate: " + candidateId);
        }
        int reproTotal = 0;
        int reproPassed = 0;
        int regrTotal = 0;
        int regrBroken = 0;
        for (VerificationTest t : tests) {
            TestVerdict v = verdict(candidateId, t.id());
            if (run.applied() && v == TestVerdict.NOT_RUN) {
                continue; // not run for this candidate (the time budget was spent): no evidence either way
            }
            if (t.kind() == VerificationTest.Kind.REPRODUCTION) {
                reproTotal++;
                reproPassed += v == TestVerdict.PASS ? 1 : 0;
            } else {
                regrTotal++;
                regrBroken += v == TestVerdict.PASS ? 0 : 1;
            }
        }
        return run.applied() ? new ExecutionEvidence(true, reproPassed, reproTotal, regrBroken, regrTotal)
                : ExecutionEvidence.notApplied(reproTotal, regrTotal);
    }

    /** Selection evidence for every candidate. */
    public Map<String, ExecutionEvidence> evidence() {
        return runs.keySet().stream().collect(Collectors.toUnmodifiableMap(id -> id, this::evidence));
    }
}
