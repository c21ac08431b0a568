package dev.fixpoint.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LinePatternTest {

    private static final LinePattern OK_ERR = new LinePattern(
            Pattern.compile("\\[(?<status>ok|err|skip)\\]: (?<name>.+?)(?: \\(\\d+ ms\\))?"),
            Map.of("ok", TestOutcome.PASSED, "err", TestOutcome.FAILED, "skip", TestOutcome.SKIPPED),
            n -> n.replaceFirst(" in \\S+$", ""));

    private static Map<String, TestOutcome> read(LinePattern p, String log) {
        Outcomes outcomes = new Outcomes();
        p.read(log, outcomes);
        return outcomes.results("t", "nothing").outcomes();
    }

    @Test
    void readsEachMatchingLineWithItsStatusAndNormalisedName() {
        String log = "starting\n  \u001B[32m[ok]: adds (3 ms)\u001B[0m\n[err]: divides in tests/unit/x.tcl\r\n"
                + "[skip]: slow one\n[ok]: adds\n[note]: not a result\n";
        assertEquals(Map.of("adds", TestOutcome.PASSED, "divides", TestOutcome.FAILED, "slow one", TestOutcome.SKIPPED),
                read(OK_ERR, log));
    }

    @Test
    void aTestReportedTwiceKeepsTheWorseOutcome() {
        assertEquals(Map.of("adds", TestOutcome.FAILED), read(OK_ERR, "[ok]: adds\n[err]: adds\n[ok]: adds\n"));
    }

    @Test
    void aLogWithoutResultLinesHasNoOutcomesAndSaysWhatWasLookedFor() {
        TestResults r = Outcomes.parser("t", OK_ERR, "no [ok]: lines").parse("ok adds\n", java.util.Set.of());
        assertTrue(r.outcomes().isEmpty());
        assertEquals(java.util.List.of("no [ok]: lines"), r.problems());
    }

    @Test
    void aPatternWithoutTheNamedGroupsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinePattern.of("(ok) (.+)", Map.of("ok", TestOutcome.PASSED)));
        assertTrue(e.getMessage().contains("(?<status>"), e.getMessage());
    }
}
