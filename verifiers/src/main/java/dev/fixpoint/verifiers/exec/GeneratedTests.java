package dev.fixpoint.verifiers.exec;

import dev.fixpoint.verifiers.ModelSpend;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The reproduction tests kept for a task, and what it cost to get them.
 *
 * @param kept        tests that ran and failed on the base code: generated ones and candidates' scripts
 * @param discarded   "id: why" for every test not kept (passed on base, did not compile or import, no code)
 * @param model       model calls spent asking for tests
 * @param sandboxTime wall time of the base-code sandboxes
 * @param sandboxes   base-code sandboxes started
 */
public record GeneratedTests(List<VerificationTest> kept, List<String> discarded, ModelSpend model, Duration sandboxTime,
                             int sandboxes) {

    public GeneratedTests {
        kept = List.copyOf(kept);
        discarded = List.copyOf(discarded);
        model = Objects.requireNonNullElse(model, ModelSpend.NONE);
        sandboxTime = Objects.requireNonNullElse(sandboxTime, Duration.ZERO);
        if (sandboxes < 0) {
            throw new IllegalArgumentException("negative sandbox count: " + sandboxes);
        }
    }
}
