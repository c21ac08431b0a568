package dev.fixpoint.verifiers.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.dedup.BaseFiles;
import dev.fixpoint.verifiers.dedup.CandidateClusterer;
import dev.fixpoint.verifiers.dedup.Clustering;
import dev.fixpoint.verifiers.dedup.PatchState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** De-duplication feeding selection: reformatted copies of one fix outvote a different fix. */
class SelectionFromClusteringTest {

    private static final String BASE = "def f(x):\n    return x - 1\n";

    private static String patch(String newLine) {
        return "--- a/f.py\n+++ b/f.py\n@@ -1,2 +1,2 @@\n def f(x):\n-    return x - 1\n+" + newLine + "\n";
    }

    private final List<CandidatePatch> candidates = List.of(
            CandidatePatch.of("r0", patch("    return x + 2")),
            CandidatePatch.of("r1", patch("    return x+1  # fixed")),
            CandidatePatch.of("r2", ""),
            CandidatePatch.of("r3", patch("    return (x + 1)")),
            CandidatePatch.of("r4", patch("    return x + 1")));

    @Test
    void clusterSizesBecomeVotes() {
        Clustering clustering = new CandidateClusterer().cluster(candidates, BaseFiles.of(Map.of("f.py", BASE)));
        List<Evidence> pool = Evidence.of(candidates, clustering, Map.of(), Map.of());

        Selection s = new Selector().select(MajorityVote.defaults(), pool);

        assertEquals(Optional.of("r1"), s.chosen());
        assertEquals(2, pool.get(4).clusterSize());
        assertEquals(PatchState.EMPTY, pool.get(2).patchState());
        assertEquals(0.5, s.winningScore(), "2 of the 4 usable candidates");
    }

    @Test
    void evidenceForAnUnknownCandidateIsRejected() {
        Clustering clustering = new CandidateClusterer().cluster(candidates.subList(0, 2), BaseFiles.none());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evidence.of(candidates, clustering, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("r2"), e.getMessage());
    }
}
