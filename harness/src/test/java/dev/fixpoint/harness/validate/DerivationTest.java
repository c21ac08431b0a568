package dev.fixpoint.harness.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fixpoint.harness.results.TestOutcome;
import dev.fixpoint.harness.results.TestResults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DerivationTest {

    static TestResults run(Object... nameOutcome) {
        Map<String, TestOutcome> m = new LinkedHashMap<>();
        for (int i = 0; i < nameOutcome.length; i += 2) m.put((String) nameOutcome[i], (TestOutcome) nameOutcome[i + 1]);
        return new TestResults(m, "test", List.of());
    }

    static final TestOutcome P = TestOutcome.PASSED;
    static final TestOutcome F = TestOutcome.FAILED;
    static final TestOutcome E = TestOutcome.ERROR;
    static final TestOutcome S = TestOutcome.SKIPPED;

    @Test
    void failOrMissingBeforeAndPassAfterIsFailToPass() {
        Derivation d = Derivation.of(List.of(run("t::a", F, "t::b", P, "t::c", E, "t::s", S)),
                List.of(run("t::a", P, "t::b", P, "t::c", P, "t::new", P, "t::s", P)));
        assertEquals(List.of("t::a", "t::c", "t::new", "t::s"), d.failToPass());
        assertEquals(List.of("t::b"), d.passToPass());
        assertEquals(List.of(), d.flaky());
    }

    @Test
    void testsThatDoNotPassAfterAreInNeitherList() {
        Derivation d = Derivation.of(List.of(run("a", P, "b", F, "c", P, "gone", P, "skipped", S)),
                List.of(run("a", F, "b", E, "c", S, "skipped", S)));
        assertEquals(List.of(), d.failToPass());
        assertEquals(List.of(), d.passToPass());
        assertEquals(List.of("a", "gone"), d.passToFail());
        assertEquals(List.of("b"), d.failToFail());
    }

    @Test
    void outcomeThatDiffersBetweenRepeatsOfAPhaseIsFlaky() {
        Derivation d = Derivation.of(
                List.of(run("fix", F, "flip", P, "vanish", P, "stable", P), run("fix", F, "flip", F, "stable", P)),
                List.of(run("fix", P, "flip", P, "vanish", P, "stable", P, "late", F),
                        run("fix", P, "flip", P, "vanish", P, "stable", P, "late", P)));
        assertEquals(List.of("fix"), d.failToPass());
        assertEquals(List.of("stable"), d.passToPass());
        assertEquals(List.of("flip", "late", "vanish"), d.flaky());
    }

    @Test
    void eachPhaseNeedsARun() {
        assertThrows(IllegalArgumentException.class, () -> Derivation.of(List.of(), List.of(run("a", P))));
    }
}
