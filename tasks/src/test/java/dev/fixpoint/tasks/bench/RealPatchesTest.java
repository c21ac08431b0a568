package dev.fixpoint.tasks.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.git.Patch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real agents' patches for sympy, parsed and applied to base files read from the sympy mirror, give exactly
 * what {@code git apply} gives. Tagged "real" (excluded by default: it needs {@code ../shared/real} and the fetched
 * mirror; run with {@code -Dfixpoint.test.excludedGroups= -Dtest=RealPatchesTest}); skipped when either is absent.
 * {@code scripts/bench-patch} runs the same check on every real patch.
 */
@Tag("real")
class RealPatchesTest {

    /** AutoCodeRover and SWE-agent patches of three rows; the last one changes two files. */
    private static final List<String> CHOSEN = List.of(
            "sympy__sympy-24152 acr-run-1", "sympy__sympy-20442 sweagent-cost_2_1",
            "sympy__sympy-24066 sweagent-cost_2_1");

    @Test
    void threeRealCandidatePatchesApplyExactlyAsGitApplyDoes(@TempDir Path scratch) throws Exception {
        Assumptions.assumeTrue(RealPatches.missing().isEmpty(),
                () -> "real patches not checked: " + RealPatches.missing().orElse(""));
        List<RealPatches.Candidate> chosen = RealPatches.load().stream()
                .filter(c -> CHOSEN.contains(c.name())).toList();
        assertEquals(CHOSEN, chosen.stream().map(RealPatches.Candidate::name).toList());
        try (RealPatches real = new RealPatches()) {
            int i = 0;
            for (RealPatches.Candidate candidate : chosen) {
                RealPatches.Outcome outcome = real.check(candidate, Files.createDirectory(
                        scratch.resolve("p" + i++)));
                assertEquals(List.of(), outcome.problems(), candidate.name());
                assertTrue(outcome.git().isPresent(), candidate.name() + ": git apply failed");
                assertEquals(outcome.git(), outcome.ours(), candidate.name());
                for (Map.Entry<String, String> file : outcome.ours().orElseThrow().entrySet()) {
                    assertFalse(file.getValue() == null || file.getValue().isEmpty(), file.getKey());
                }
            }
            assertEquals(2, Patch.read(chosen.get(2).patch()).patch().diffs().size(), "the third changes two files");
        }
    }
}
