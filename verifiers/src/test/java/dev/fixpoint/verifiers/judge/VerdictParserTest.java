package dev.fixpoint.verifiers.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictParserTest {

    @Test
    void readsTheLastVerdictLineInItsUsualDisguises() {
        assertEquals(Optional.of(true), VerdictParser.yesNo("The patch fixes it.\nVERDICT: YES"));
        assertEquals(Optional.of(false), VerdictParser.yesNo("**Verdict:** no, it misses the edge case"));
        assertEquals(Optional.of(false), VerdictParser.yesNo("VERDICT: YES\non second thought\nverdict: NO"));
        assertEquals(Optional.of(true), VerdictParser.yesNo("  Yes. "));
        assertEquals(Optional.empty(), VerdictParser.yesNo("Yes and no: it depends."));
        assertEquals(Optional.empty(), VerdictParser.yesNo("The verdict is unclear"));
        assertEquals(Optional.empty(), VerdictParser.yesNo("VERDICT: maybe"));
    }

    @Test
    void acceptsOnlyFullRankings() {
        assertEquals(Optional.of(List.of(2, 3, 1)), VerdictParser.ranking("analysis...\nRANKING: 2 > 3 > 1", 3));
        assertEquals(Optional.of(List.of(3, 1, 2)), VerdictParser.ranking("**Ranking**: [3], [1], [2].", 3));
        assertEquals(Optional.of(List.of(1, 2)), VerdictParser.ranking("RANKING: 2 > 1\nRANKING: 1 > 2", 2));
        assertEquals(Optional.empty(), VerdictParser.ranking("RANKING: 2 > 2 > 1", 3), "duplicate");
        assertEquals(Optional.empty(), VerdictParser.ranking("RANKING: 2 > 1", 3), "missing one");
        assertEquals(Optional.empty(), VerdictParser.ranking("RANKING: 4 > 1 > 2", 3), "out of range");
        assertEquals(Optional.empty(), VerdictParser.ranking("I prefer candidate 2.", 2), "no ranking line");
    }
}
