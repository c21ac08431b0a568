package dev.fixpoint.solver;

import dev.fixpoint.models.Budget;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.models.ModelException;
import dev.fixpoint.agent.Outcome;
import dev.fixpoint.models.ModelCallLog;
import dev.fixpoint.solver.run.RolloutRecord;
import dev.fixpoint.solver.run.TaskDirectory;
import dev.fixpoint.solver.run.TestWriterRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How failed rollouts and model calls decide a task's outcome, and what a resumed run redoes. No Docker. */
class ModelFailurePartsTest {

    static final String DOWN = "openai:gpt-4.1: cannot reach http://127.0.0.1:9/v1 (is the server running there?): Connection refused (gave up after 6 attempts)";

    static RolloutRecord rollout(int k, Outcome outcome, String patch, String error) {
        return new RolloutRecord(new RolloutSettings(k, 0.0, "default"),
                Candidate.builder().instanceId("t-1").modelId("openai:gpt-4.1").patch(patch).outcome(outcome).steps(1).error(error).build());
    }

    @Test
    void everyRolloutFailedWithoutAPatchIsNoCandidateAndNamesTheErrors() {
        var f = new RolloutFailures(List.of(rollout(1, Outcome.MODEL_ERROR, "", DOWN), rollout(2, Outcome.MODEL_ERROR, "", DOWN),
                rollout(3, Outcome.SANDBOX_ERROR, "", "container died")));
        String why = f.noCandidate().orElseThrow();
        assertTrue(why.startsWith("no candidate: all 3 rollouts failed (2 model errors, 1 sandbox error): "), why);
        assertTrue(why.contains("2 x " + DOWN) && why.contains("1 x container died"), why);
        assertTrue(f.model());
        assertFalse(new RolloutFailures(List.of(rollout(1, Outcome.SANDBOX_ERROR, "", "x"))).model(), "sandbox only: infrastructure");
    }

    @Test
    void aPatchOrOneGoodRolloutKeepsTheTaskGoingWithANote() {
        var withPatch = new RolloutFailures(List.of(rollout(1, Outcome.MODEL_ERROR, "diff --git a/x b/x\n", DOWN)));
        assertTrue(withPatch.noCandidate().isEmpty(), "a rollout cut by the model may still hold a candidate");
        var mixed = new RolloutFailures(List.of(rollout(1, Outcome.SUBMITTED, "", ""), rollout(2, Outcome.MODEL_ERROR, "", DOWN)));
        assertTrue(mixed.noCandidate().isEmpty());
        assertEquals("1 of 2 rollouts failed (1 model error): 1 x " + DOWN, mixed.note().orElseThrow());
        assertTrue(new RolloutFailures(List.of(rollout(1, Outcome.SUBMITTED, "", ""))).note().isEmpty());
        assertTrue(new RolloutFailures(List.of()).noCandidate().isEmpty(), "nothing ran (budget): not this rule's business");
    }

    @Test
    void callLogCountsOnlyTheModelsOwnFailures() {
        var log = new ModelCallLog();
        log.failed(new ModelException(ModelException.Kind.OTHER, "t-1: task budget exhausted"));
        log.failed(new ModelException(ModelException.Kind.BAD_REQUEST, "context too long"));
        assertFalse(log.allFailed(), "budgets and refused requests are not the model failing");
        log.failed(new ModelException(ModelException.Kind.SERVER, 500, "openai:gpt-4.1: provider error (HTTP 500): boom", null));
        log.failed(new ModelException(ModelException.Kind.SERVER, 500, "openai:gpt-4.1: provider error (HTTP 500): boom", null));
        assertTrue(log.allFailed());
        assertEquals("2 model call(s) failed, 0 answered: 2 x openai:gpt-4.1: provider error (HTTP 500): boom", log.summary());
        log.answered();
        assertFalse(log.allFailed(), "one answer is evidence");
    }

    @Test
    void aResumedRunRedoesRolloutsAndTestWritersThatEndedWithAModelError(@TempDir Path dir) {
        var td = new TaskDirectory(dir);
        td.saveRollout(rollout(1, Outcome.SUBMITTED, "diff --git a/x b/x\n", ""));
        td.saveRollout(rollout(2, Outcome.MODEL_ERROR, "", DOWN));
        assertTrue(td.reusableRollout(1).isPresent());
        assertTrue(td.finishedRollout(2).isPresent(), "kept for the reports");
        assertTrue(td.reusableRollout(2).isEmpty(), "but run again");
        td.saveTestWriter(new TestWriterRecord(1, rollout(1, Outcome.MODEL_ERROR, "", DOWN).candidate()));
        assertTrue(td.finishedTestWriter(1).isPresent());
        assertTrue(td.reusableTestWriter(1).isEmpty());
    }

    @Test
    void onlyAnErrorMayBeAModelFailure() {
        var spend = Budget.unlimited(dev.fixpoint.models.PriceTable.defaults()).spent();
        var outcome = TaskOutcome.builder().instanceId("t-1").patch("").planned(1).ran(1).spend(spend).wallTime(Duration.ZERO);
        assertThrows(IllegalArgumentException.class, () -> outcome.status(TaskOutcome.Status.ABSTAINED).modelFailure(true).build());
        assertTrue(outcome.status(TaskOutcome.Status.ERROR).modelFailure(true).build().modelFailure());
        assertFalse(outcome.status(TaskOutcome.Status.ERROR).modelFailure(false).build().modelFailure());
    }
}
