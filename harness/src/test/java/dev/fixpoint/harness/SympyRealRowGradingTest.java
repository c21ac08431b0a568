package dev.fixpoint.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fixpoint.harness.results.LogParsers;
import dev.fixpoint.harness.results.TestResults;
import dev.fixpoint.tasks.env.ResultFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Real bin/test logs of SWE-bench Lite row sympy__sympy-24152 graded with the row's own published lists. */
class SympyRealRowGradingTest {

    private static final List<String> F2P = List.of("test_tensor_product_expand");
    // As published: the file's last test (test_eval_trace, its line padded with [FAIL]/[OK]) is not listed, since
    // SWE-bench's parser never reads it.
    private static final List<String> P2P = List.of("test_sparse_matrices", "test_tensor_product_dagger",
            "test_tensor_product_abstract", "test_tensor_product_commutator", "test_tensor_product_simp",
            "test_issue_5923");

    private static Grade grade(String log) throws IOException {
        try (InputStream in = SympyRealRowGradingTest.class.getResourceAsStream("/harness/logs/python/" + log)) {
            Set<String> expected = new HashSet<>(F2P);
            expected.addAll(P2P);
            TestResults r = LogParsers.of(ResultFormat.SYMPY).parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8), expected);
            return Grader.grade(F2P, P2P, List.of(r));
        }
    }

    @Test
    void theBaseFailsItsFailToPassTestAndTheGoldPatchResolves() throws IOException {
        Grade base = grade("sympy-bin-test-24152-base.log");
        assertEquals(F2P, base.failToPass().failure());
        assertEquals(P2P.size(), base.passToPass().success().size());
        assertEquals(Resolution.NO, base.resolution());
        Grade gold = grade("sympy-bin-test-24152-gold.log");
        assertEquals(Resolution.FULL, gold.resolution());
    }
}
