package dev.fixpoint.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SympyLogParserTest {

    private final LogParser parser = LogParsers.of(ResultFormat.SYMPY);

    @Test
    void readsRealBinTestRunsOfARealRowBeforeAndAfterItsFix() {
        // sympy__sympy-24152 at its base commit with its test patch, bin/test -C --verbose, before and after gold.
        TestResults base = parser.parse(Logs.read("python/sympy-bin-test-24152-base.log"), Set.of());
        Map<String, TestOutcome> expected = Map.of(
                "test_sparse_matrices", TestOutcome.PASSED,
                "test_tensor_product_dagger", TestOutcome.PASSED,
                "test_tensor_product_abstract", TestOutcome.PASSED,
                "test_tensor_product_expand", TestOutcome.FAILED,
                "test_tensor_product_commutator", TestOutcome.PASSED,
                "test_tensor_product_simp", TestOutcome.PASSED,
                "test_issue_5923", TestOutcome.PASSED,
                // The file's last test, its line padded with [FAIL] (SWE-bench's parser misses it).
                "test_eval_trace", TestOutcome.PASSED);
        assertEquals(expected, base.outcomes());
        assertTrue(base.problems().isEmpty());
        TestResults gold = parser.parse(Logs.read("python/sympy-bin-test-24152-gold.log"), Set.of());
        assertEquals(8, gold.outcomes().size());
        assertTrue(gold.outcomes().values().stream().allMatch(o -> o == TestOutcome.PASSED), gold.outcomes().toString());
    }

    @Test
    void readsAWholeRealFile() {
        // sympy__sympy-20154 base + test patch: 43 tests, its two FAIL_TO_PASS tests fail.
        TestResults r = parser.parse(Logs.read("python/sympy-bin-test-20154-base.log"), Set.of());
        assertEquals(43, r.outcomes().size());
        assertEquals(Map.of("test_partitions", TestOutcome.FAILED, "test_uniq", TestOutcome.FAILED),
                Map.copyOf(Maps.notPassed(r)));
    }

    @Test
    void readsEveryStatusSplitLinesImportFailuresAndSections() {
        TestResults r = parser.parse(Logs.read("python/sympy-edge-handmade.log"), Set.of());
        Map<String, TestOutcome> expected = Map.ofEntries(
                Map.entry("test_prints", TestOutcome.PASSED),
                Map.entry("test_prints_inline", TestOutcome.PASSED),
                Map.entry("test_slow", TestOutcome.SKIPPED),
                Map.entry("test_skipped_timeout", TestOutcome.SKIPPED),
                Map.entry("test_timed_out", TestOutcome.ERROR),
                Map.entry("test_expected_failure", TestOutcome.PASSED),
                Map.entry("test_unexpected_pass", TestOutcome.FAILED),
                Map.entry("test_plain_skip", TestOutcome.SKIPPED),
                Map.entry("sympy/core/tests/test_b.py", TestOutcome.ERROR),
                Map.entry("test_error", TestOutcome.ERROR),
                Map.entry("test_fails", TestOutcome.FAILED),
                Map.entry("test_a_name_long_enough_to_push_the_file_status_onto_a_line_of_its_own_ok",
                        TestOutcome.PASSED),
                Map.entry("test_only_in_a_section", TestOutcome.FAILED));
        assertEquals(expected, r.outcomes());
    }

    @Test
    void aPytestLogIsNotReadAsSympy() {
        TestResults r = parser.parse(Logs.read("python/pytest-params.log"), Set.of());
        assertTrue(r.outcomes().isEmpty(), r.outcomes().toString());
        assertTrue(r.problems().get(0).contains("bin/test --verbose"), r.problems().toString());
    }
}
