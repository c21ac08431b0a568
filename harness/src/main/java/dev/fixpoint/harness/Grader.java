package dev.fixpoint.harness;

import dev.fixpoint.harness.results.TestOutcome;
import dev.fixpoint.harness.results.TestResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Grades test results against FAIL_TO_PASS / PASS_TO_PASS lists with SWE-bench's semantics
 * ({@code swebench.harness.grading}):
 * <ul>
 *   <li>a FAIL_TO_PASS test succeeds when it PASSED (pytest XFAIL/XPASS included); FAILED, ERROR, SKIPPED or
 *       absent from the results is a failure;</li>
 *   <li>a PASS_TO_PASS test succeeds when it PASSED or was SKIPPED (SWE-bench's "maintained"); FAILED, ERROR or
 *       absent is a failure;</li>
 *   <li>resolution: {@link Resolution#FULL} when both success ratios are 1, {@link Resolution#PARTIAL} when the
 *       F2P ratio is strictly between 0 and 1 and the P2P ratio is 1, else {@link Resolution#NO}.</li>
 * </ul>
 * With several attempts ({@code --repeat}), a listed test is a success or failure only when every attempt agrees;
 * otherwise it is flaky, reported apart and left out of both lists and of the ratios. Pure and deterministic.
 */
public final class Grader {

    private Grader() {}

    /** Grades one or more attempts (at least one). */
    public static Grade grade(List<String> failToPass, List<String> passToPass, List<TestResults> attempts) {
        if (attempts.isEmpty()) throw new IllegalArgumentException("grade needs at least one attempt");
        List<String> f2pFlaky = new ArrayList<>();
        List<String> p2pFlaky = new ArrayList<>();
        TestSplit f2p = split(failToPass, attempts, o -> o == TestOutcome.PASSED, f2pFlaky);
        TestSplit p2p = split(passToPass, attempts,
                o -> o == TestOutcome.PASSED || o == TestOutcome.SKIPPED, p2pFlaky);
        return new Grade(f2p, p2p, TestSplit.EMPTY, TestSplit.EMPTY, f2pFlaky, p2pFlaky, flakyTests(attempts),
                resolution(f2p, p2p), attempts.size());
    }

    /** SWE-bench's {@code get_resolution_status}. */
    public static Resolution resolution(TestSplit f2p, TestSplit p2p) {
        double f = f2p.ratio();
        double p = p2p.ratio();
        if (f == 1.0 && p == 1.0) return Resolution.FULL;
        if (f > 0 && f < 1.0 && p == 1.0) return Resolution.PARTIAL;
        return Resolution.NO;
    }

    private static TestSplit split(List<String> listed, List<TestResults> attempts, Predicate<TestOutcome> ok,
                                   List<String> flaky) {
        List<String> success = new ArrayList<>();
        List<String> failure = new ArrayList<>();
        for (String test : new TreeSet<>(listed)) {
            int passes = 0;
            for (TestResults r : attempts) {
                Optional<TestOutcome> o = r.lookup(test);
                if (o.isPresent() && ok.test(o.get())) passes++;
            }
            if (passes == attempts.size()) success.add(test);
            else if (passes == 0) failure.add(test);
            else flaky.add(test);
        }
        return new TestSplit(success, failure);
    }

    private static List<String> flakyTests(List<TestResults> attempts) {
        if (attempts.size() < 2) return List.of();
        Set<String> names = new TreeSet<>();
        attempts.forEach(r -> names.addAll(r.outcomes().keySet()));
        List<String> flaky = new ArrayList<>();
        for (String name : names) {
            TestOutcome first = attempts.get(0).outcomes().get(name);
            for (TestResults r : attempts) {
                if (r.outcomes().get(name) != first) {
                    flaky.add(name);
                    break;
                }
            }
        }
        return flaky;
    }
}
