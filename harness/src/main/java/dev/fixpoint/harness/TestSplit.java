package dev.fixpoint.harness;

import java.util.List;

/**
 * One category of SWE-bench's {@code tests_status}: which listed tests succeeded and which failed. Sorted.
 *
 * @param success tests that met the category's goal
 * @param failure tests that did not
 */
public record TestSplit(List<String> success, List<String> failure) {

    public static final TestSplit EMPTY = new TestSplit(List.of(), List.of());

    public TestSplit {
        success = success == null ? List.of() : success.stream().sorted().distinct().toList();
        failure = failure == null ? List.of() : failure.stream().sorted().distinct().toList();
    }

    /** success / (success + failure); 1 when the category has no tests, as in SWE-bench. */
    public double ratio() {
        int total = success.size() + failure.size();
        return total == 0 ? 1.0 : (double) success.size() / total;
    }
}
