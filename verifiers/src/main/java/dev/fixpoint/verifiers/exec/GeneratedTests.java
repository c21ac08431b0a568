package dev.fixpoint.verifiers.exec;

import java.time.Duration;
import java.util.List;

/**
 * The reproduction tests kept for a task, and what it cost to get them.
 *
 * @param kept        tests that ran and failed on the base code: generated ones and candidates' scripts
 * @param discarded   "id: why" for every test not kept (passed on base, did not compile or import, no code)
 * @param modelCalls  model calls spent
 * @param sandboxTime wall time of the base-code sandboxes
 */
public record GeneratedTests(List<VerificationTest> kept, List<String> discarded, int modelCalls,
                             Duration sandboxTime) {

    public GeneratedTests {
        kept = List.copyOf(kept);
        discarded = List.copyOf(discarded);
    }
}
