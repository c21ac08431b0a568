package dev.fixpoint.verifiers.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.verifiers.dedup.PatchState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelectorTest {

    private final Selector selector = new Selector();

    @Test
    void majorityVotePicksTheLargestClusterAndItsFirstMember() {
        List<Evidence> pool = Pool.of().add("a", 0, 1).add("b", 1, 3).add("c", 1, 3).add("d", 2, 1)
                .add("e", 1, 3).add("f", 3, 1, PatchState.EMPTY).build();

        Selection s = selector.select(MajorityVote.defaults(), pool);

        assertEquals(Optional.of("b"), s.chosen());
        assertEquals(1, s.chosenClusterId());
        assertEquals(0.6, s.winningScore());
        assertEquals(0.2, s.runnerUpScore());
        assertEquals("empty patch", s.scores().get(5).excluded());
        assertEquals(List.of("b (cluster 1 of 3) scores 0.600; runner-up 0.200, margin 0.400"), s.reasons());
    }

    @Test
    void tiesGoToTheLargerClusterThenToTheEarlierCandidate() {
        List<Evidence> pool = Pool.of()
                .add("a", 0, 1).exec(2, 2, 0, 4)
                .add("b", 1, 2).exec(2, 2, 0, 4)
                .add("c", 1, 2).exec(2, 2, 0, 4)
                .add("d", 2, 2).exec(2, 2, 0, 4)
                .add("e", 2, 2).exec(2, 2, 0, 4).build();

        Selection s = selector.select(ExecutionOnly.defaults(), pool);

        assertEquals(Optional.of("b"), s.chosen(), "clusters 1 and 2 tie on size; b comes before d");
        assertEquals(1.0, s.runnerUpScore());
    }

    @Test
    void tiedClustersAbstainWhenAMarginIsRequired() {
        List<Evidence> pool = Pool.of().add("a", 0, 2).add("b", 1, 2).add("c", 0, 2).add("d", 1, 2).build();

        Selection s = selector.select(new MajorityVote(new Abstention(0.0, 0.01)), pool);

        assertTrue(s.abstained());
        assertNull(s.chosenCandidateId());
        assertEquals("margin 0.000 over the runner-up is below the minimum 0.010", s.reasons().get(0));
        assertEquals(0.5, s.winningScore());
    }

    @Test
    void marginEqualToTheMinimumIsEnoughDespiteFloatingPoint() {
        List<Evidence> pool = Pool.of().add("a", 0, 1).judge(1.0, null).add("b", 1, 1).judge(0.9, null).build();

        Selection s = selector.select(new ModelOnly(JudgeSignal.POINTWISE, new Abstention(0.0, 0.1)), pool);

        assertEquals(Optional.of("a"), s.chosen());
    }

    @Test
    void allEmptyOrNonApplyingAbstainsWithCountedReasons() {
        List<Evidence> pool = Pool.of().add("a", 0, 2, PatchState.EMPTY).add("b", 0, 2, PatchState.NO_EFFECT)
                .add("c", 1, 1, PatchState.DOES_NOT_APPLY).add("d", 2, 1).notApplied()
                .add("e", 3, 1, PatchState.MALFORMED).build();

        assertEveryOneAbstains(List.of(MajorityVote.defaults(), ExecutionOnly.defaults(), ModelOnly.defaults(),
                        ExecutionThenModel.defaults(), WeightedScore.defaults()), pool,
                "no candidate has a usable patch", "2 × empty patch", "2 × patch does not apply", "1 × malformed patch");
    }

    @Test
    void patchesTooLargeOrUnreadableAreCountedApartFromEmptyOnes() {
        List<Evidence> pool = Pool.of().add("a", 0, 1, PatchState.TOO_LARGE).add("b", 1, 1, PatchState.TOO_LARGE)
                .add("c", 2, 1, PatchState.UNREADABLE).add("d", 3, 1, PatchState.EMPTY).build();

        assertEveryOneAbstains(List.of(MajorityVote.defaults(), WeightedScore.defaults()), pool,
                "no candidate has a usable patch", "2 × patch over the size limit", "1 × empty patch",
                "1 × patch could not be read");
    }

    /** Asserts that each of {@code strategies} abstains on {@code pool}, giving exactly {@code reasons}. */
    private void assertEveryOneAbstains(List<SelectionStrategy> strategies, List<Evidence> pool, String... reasons) {
        for (SelectionStrategy strategy : strategies) {
            Selection s = selector.select(strategy, pool);
            assertTrue(s.abstained(), strategy.name());
            assertEquals(List.of(reasons), s.reasons(), strategy.name());
        }
    }

    @Test
    void aTooLargeCandidateIsExcludedButDoesNotStopTheOthers() {
        List<Evidence> pool = Pool.of().add("big", 0, 1, PatchState.TOO_LARGE).add("fix", 1, 1).exec(2, 2, 0, 3).build();

        Selection s = selector.select(ExecutionOnly.defaults(), pool);

        assertEquals(Optional.of("fix"), s.chosen());
        assertEquals("patch over the size limit", s.scores().get(0).excluded());
    }

    @Test
    void theSandboxApplyingAPatchOverridesDeduplicationsStricterVerdict() {
        List<Evidence> pool = Pool.of().add("fuzzy", 0, 1, PatchState.DOES_NOT_APPLY).exec(2, 2, 0, 3)
                .add("stale", 1, 1, PatchState.DOES_NOT_APPLY)
                .add("clean", 2, 1).notApplied().build();

        Selection s = selector.select(ExecutionOnly.defaults(), pool);

        assertEquals(Optional.of("fuzzy"), s.chosen());
        assertEquals("patch does not apply", s.scores().get(1).excluded());
        assertEquals("patch does not apply", s.scores().get(2).excluded());
    }

    @Test
    void emptyPoolAbstains() {
        assertEveryOneAbstains(List.of(MajorityVote.defaults()), List.of(), "no candidates");
    }

    @Test
    void executionOnlyAbstainsWhenNoCandidatePassesAnything() {
        List<Evidence> pool = Pool.of().add("a", 0, 1).exec(0, 3, 0, 5).add("b", 1, 1).exec(0, 3, 0, 5)
                .add("c", 2, 1).exec(3, 3, 1, 5).build();

        assertEveryOneAbstains(List.of(ExecutionOnly.defaults()), pool,
                "no eligible candidate", "2 × passes no reproduction test", "1 × breaks regression tests");
    }

    @Test
    void regressionBreaksEveryReproducingChangeSharesAreToleratedOnlyWhenTwoChangesAgree() {
        // Real SWE-bench rows: the correct fix fails an existing test that the hidden test patch rewrites.
        List<Evidence> agreeing = Pool.of().add("fix-a", 0, 2).exec(3, 3, 1, 9).add("fix-b", 1, 1).exec(3, 3, 1, 9)
                .add("breaker", 2, 1).exec(3, 3, 2, 9).add("noop", 3, 1).exec(0, 3, 0, 9).build();

        Selection s = selector.select(ExecutionOnly.defaults(), agreeing);

        assertEquals(Optional.of("fix-a"), s.chosen());
        assertEquals("breaks 2 regression tests, more than the 1 every reproducing candidate breaks",
                s.scores().get(2).excluded());
        assertEquals("passes no reproduction test", s.scores().get(3).excluded());
        assertEquals(1, ExecutionFilter.defaults().toleratedBreaks(agreeing));
        assertTrue(s.notes().stream().anyMatch(r -> r.contains("1 break(s) are not held against any candidate")),
                s.notes().toString());

        List<Evidence> alone = Pool.of().add("fix-a", 0, 2).exec(3, 3, 1, 9).add("same-fix", 0, 2).exec(3, 3, 1, 9)
                .build();
        assertEquals(0, ExecutionFilter.defaults().toleratedBreaks(alone), "one change alone earns no tolerance");
        assertTrue(selector.select(ExecutionOnly.defaults(), alone).abstained());

        List<Evidence> many = Pool.of().add("a", 0, 1).exec(3, 3, 5, 9).add("b", 1, 1).exec(3, 3, 6, 9).build();
        assertEquals(3, ExecutionFilter.defaults().toleratedBreaks(many), "capped at maxTolerated");
        Selection capped = selector.select(ExecutionOnly.defaults(), many);
        assertTrue(capped.abstained());
        assertEquals("breaks 5 regression tests, more than the 3 every reproducing candidate breaks",
                capped.scores().get(0).excluded());
    }

    @Test
    void executionOnlyRulesOutRegressionBreakersAndPrefersMoreReproductionPasses() {
        List<Evidence> pool = Pool.of().add("breaker", 0, 3).exec(3, 3, 1, 5).add("partial", 1, 1).exec(1, 3, 0, 5)
                .add("good", 2, 1).exec(2, 3, 0, 5).add("untested", 3, 1).build();

        ExecutionOnly ranking = new ExecutionOnly(ExecutionFilter.lenient(), new Abstention(0.5, 0.0));
        Selection s = selector.select(ranking, pool);

        assertEquals(Optional.of("good"), s.chosen());
        assertEquals("no execution evidence", s.scores().get(3).excluded());
        assertEquals(0.666666667, s.winningScore());
        assertEquals(0.333333333, s.runnerUpScore());

        Selection weak = selector.select(ranking, Pool.of().add("partial", 0, 1).exec(1, 3, 0, 5).build());
        assertTrue(weak.abstained());
        assertEquals("best score 0.333 is below the minimum 0.500", weak.reasons().get(0));

        Selection strict = selector.select(ExecutionOnly.defaults(), pool);
        assertTrue(strict.abstained(), "by default 2 of 3 reproduction tests are too few");
        assertEquals("passes too few reproduction tests", strict.scores().get(2).excluded());

        Selection lenient = selector.select(new ExecutionOnly(new ExecutionFilter(-1, 0.0), Abstention.never()), pool);
        assertEquals(Optional.of("breaker"), lenient.chosen());
    }

    @Test
    void modelOnlyReadsTheConfiguredSignal() {
        List<Evidence> pool = Pool.of().add("a", 0, 1).judge(0.9, 0.2).add("b", 1, 1).judge(0.4, 1.0)
                .add("c", 2, 1).judge(null, null).build();

        assertEquals(Optional.of("a"), selector.select(new ModelOnly(JudgeSignal.POINTWISE, Abstention.never()), pool).chosen());
        assertEquals(Optional.of("b"), selector.select(new ModelOnly(JudgeSignal.LISTWISE, Abstention.never()), pool).chosen());
        Selection mean = selector.select(ModelOnly.defaults(), pool);
        assertEquals(Optional.of("b"), mean.chosen());
        assertEquals(0.7, mean.winningScore());
        assertEquals("no judge verdict", mean.scores().get(2).excluded());

        Selection unsure = selector.select(ModelOnly.defaults(), Pool.of().add("a", 0, 1).judge(0.3, 0.4).build());
        assertTrue(unsure.abstained());
    }

    @Test
    void executionThenModelLetsTheJudgeDecideOnlyAmongTheExecutionTopK() {
        List<Evidence> pool = Pool.of()
                .add("plausible", 0, 1).exec(3, 3, 0, 5).judge(0.6, 0.0)
                .add("gold", 1, 2).exec(3, 3, 0, 5).judge(0.9, 1.0)
                .add("gold2", 1, 2).exec(3, 3, 0, 5).judge(0.9, 1.0)
                .add("partial", 2, 1).exec(1, 3, 0, 5).judge(1.0, 1.0)
                .add("breaker", 3, 1).exec(3, 3, 2, 5).judge(1.0, 1.0).build();

        ExecutionThenModel top1 = new ExecutionThenModel(ExecutionFilter.lenient(), 1, JudgeSignal.MEAN,
                new Abstention(0.5, 0.0));
        Selection s = selector.select(top1, pool);

        assertEquals(Optional.of("gold"), s.chosen());
        assertEquals(0.95, s.winningScore());
        assertEquals(0.3, s.runnerUpScore());
        assertEquals("below the execution top-1", s.scores().get(3).excluded());
        assertEquals("breaks regression tests", s.scores().get(4).excluded());

        ExecutionThenModel top2 = new ExecutionThenModel(ExecutionFilter.lenient(), 2, JudgeSignal.MEAN,
                new Abstention(0.5, 0.0));
        assertEquals("below the execution top-2", selector.select(top2, pool).scores().get(3).excluded(),
                "two clusters tie at the top: the partial fix is third");
        ExecutionThenModel top3 = new ExecutionThenModel(ExecutionFilter.lenient(), 3, JudgeSignal.MEAN,
                new Abstention(0.5, 0.0));
        assertEquals(Optional.of("partial"), selector.select(top3, pool).chosen(), "top-3 admits the partial fix");
    }

    @Test
    void executionThenModelFallsBackToExecutionWithoutVerdicts() {
        List<Evidence> pool = Pool.of().add("a", 0, 1).exec(1, 2, 0, 5).add("b", 1, 1).exec(2, 2, 0, 5).build();

        Selection s = selector.select(ExecutionThenModel.defaults(), pool);

        assertEquals(Optional.of("b"), s.chosen());
        assertEquals(List.of("no judge verdict for the execution top-3: ranked by execution alone"), s.notes());
    }

    @Test
    void executionThenModelAbstainsWhenExecutionRulesOutEveryCandidate() {
        List<Evidence> pool = Pool.of()
                .add("partial", 0, 3).exec(0, 2, 0, 4).judge(1.0, 0.5)
                .add("breaks", 1, 1).exec(2, 2, 1, 4).judge(1.0, 0.5).build();

        assertEveryOneAbstains(List.of(ExecutionThenModel.defaults()), pool,
                "no eligible candidate", "1 × breaks regression tests", "1 × passes no reproduction test");
    }

    @Test
    void weightedScoreBlendsAndRenormalisesMissingComponents() {
        List<Evidence> pool = Pool.of()
                .add("a", 0, 2).exec(2, 2, 0, 5).judge(0.5, 0.5)
                .add("b", 0, 2).exec(2, 2, 0, 5).judge(0.5, 0.5)
                .add("c", 1, 1).exec(1, 2, 0, 5).judge(1.0, 1.0)
                .add("d", 2, 1).exec(2, 2, 0, 5).build();

        Selection s = selector.select(new WeightedScore(0.5, 0.3, 0.2, ExecutionFilter.lenient(), JudgeSignal.MEAN,
                new Abstention(0.5, 0.0)), pool);

        // a: 0.5*1 + 0.3*0.5 + 0.2*2/4 = 0.75; c: 0.25 + 0.3 + 0.05 = 0.6; d: 0.5 + 0 + 0.05 = 0.55
        assertEquals(Optional.of("a"), s.chosen());
        assertEquals(List.of(0.75, 0.75, 0.6, 0.55), s.scores().stream().map(CandidateScore::score).toList());
        assertEquals(List.of(), s.notes());
        assertEquals("passes too few reproduction tests",
                selector.select(WeightedScore.defaults(), pool).scores().get(2).excluded(), "1 of 2 is below 3/4");

        List<Evidence> voteOnly = Pool.of().add("x", 0, 1).add("y", 1, 3).add("z", 1, 3).add("w", 1, 3).build();
        Selection v = selector.select(WeightedScore.defaults(), voteOnly);
        assertEquals(Optional.of("y"), v.chosen());
        assertEquals(0.75, v.winningScore());
        assertEquals(List.of("no execution evidence in the pool: its weight is dropped",
                "no judge verdict in the pool: its weight is dropped", "weights in use sum to 0.200"), v.notes());
    }

    @Test
    void strategiesReportWhetherTheyUseAModel() {
        assertFalse(MajorityVote.defaults().usesModel());
        assertFalse(ExecutionOnly.defaults().usesModel());
        assertTrue(ModelOnly.defaults().usesModel());
        assertTrue(ExecutionThenModel.defaults().usesModel());
        assertTrue(WeightedScore.defaults().usesModel());
        assertFalse(new WeightedScore(1, 0, 1, ExecutionFilter.defaults(), JudgeSignal.MEAN, Abstention.never()).usesModel());
    }

    @Test
    void badValuesAreRejectedWithTheValueNamed() {
        assertEquals("reproduction tests passed must be in 0..2, not: 3", assertThrows(IllegalArgumentException.class,
                () -> new ExecutionEvidence(true, 3, 2, 0, 0)).getMessage());
        assertEquals("pointwise probability must be in [0, 1], not: 1.5", assertThrows(IllegalArgumentException.class,
                () -> JudgeEvidence.pointwise(1.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CandidateScore("a", 0, 0.5, "excluded too"));
        assertThrows(IllegalArgumentException.class, () -> new Abstention(0, -0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new ExecutionThenModel(ExecutionFilter.defaults(), 0, JudgeSignal.MEAN, Abstention.never()));
    }
}
