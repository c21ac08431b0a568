package dev.fixpoint.harness.validate;

import dev.fixpoint.harness.results.TestOutcome;
import dev.fixpoint.harness.results.TestResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * FAIL_TO_PASS / PASS_TO_PASS from the outcomes of the tests on base + test patch ("before") and on base + test patch
 * + gold patch ("after"), each run one or more times, as SWE-bench's validation and SWE-smith's harness derive them:
 * a test that passes after and passed before is PASS_TO_PASS; one that passes after and did not pass before (failed,
 * errored, was skipped or did not exist) is FAIL_TO_PASS. A test whose outcome (absence included) is not the same in
 * every run of a phase is flaky and goes into neither list. Tests that do not pass after are counted apart:
 * PASS_TO_FAIL (the gold patch breaks them) and FAIL_TO_FAIL. Pure.
 *
 * @param failToPass fail before, pass after; sorted
 * @param passToPass pass before and after; sorted
 * @param flaky      outcome differs between runs of the same phase; sorted
 * @param passToFail pass before, fail, error or vanish after; sorted
 * @param failToFail do not pass before, fail or error after; sorted
 */
record Derivation(List<String> failToPass, List<String> passToPass, List<String> flaky, List<String> passToFail,
                  List<String> failToFail) {

    Derivation {
        failToPass = List.copyOf(failToPass);
        passToPass = List.copyOf(passToPass);
        flaky = List.copyOf(flaky);
        passToFail = List.copyOf(passToFail);
        failToFail = List.copyOf(failToFail);
    }

    /** Derives the lists; each phase needs at least one run. */
    static Derivation of(List<TestResults> before, List<TestResults> after) {
        if (before.isEmpty() || after.isEmpty()) {
            throw new IllegalArgumentException("both phases need at least one run (before: " + before.size()
                    + ", after: " + after.size() + ")");
        }
        Set<String> names = new TreeSet<>();
        before.forEach(r -> names.addAll(r.outcomes().keySet()));
        after.forEach(r -> names.addAll(r.outcomes().keySet()));
        List<String> f2p = new ArrayList<>();
        List<String> p2p = new ArrayList<>();
        List<String> flaky = new ArrayList<>();
        List<String> p2f = new ArrayList<>();
        List<String> f2f = new ArrayList<>();
        for (String name : names) {
            if (!steady(before, name) || !steady(after, name)) {
                flaky.add(name);
                continue;
            }
            boolean passedBefore = before.get(0).outcomes().get(name) == TestOutcome.PASSED;
            TestOutcome now = after.get(0).outcomes().get(name);
            if (now == TestOutcome.PASSED) {
                (passedBefore ? p2p : f2p).add(name);
            } else if (passedBefore && now != TestOutcome.SKIPPED) {
                p2f.add(name);
            } else if (now == TestOutcome.FAILED || now == TestOutcome.ERROR) {
                f2f.add(name);
            }
        }
        return new Derivation(f2p, p2p, flaky, p2f, f2f);
    }

    /** The test has the same outcome (or is absent) in every run. */
    private static boolean steady(List<TestResults> runs, String name) {
        TestOutcome first = runs.get(0).outcomes().get(name);
        return runs.stream().allMatch(r -> Objects.equals(r.outcomes().get(name), first));
    }
}
