package dev.fixpoint.tasks.env;

import static dev.fixpoint.tasks.testing.TextAssertions.assertAllAccepted;
import static dev.fixpoint.tasks.testing.TextAssertions.assertAllRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionPatternTest {

    @Test
    void exactVersionsCompareAsText() {
        VersionPattern p = VersionPattern.parse("3.0");
        assertFalse(p.isRange());
        assertAllAccepted(p::matches, "3.0");
        assertAllRejected(p::matches, "3", "3.0.1");
    }

    @Test
    void rangesCompareComponentByComponent() {
        VersionPattern p = VersionPattern.parse(">=1.2, <2");
        assertTrue(p.isRange());
        assertAllAccepted(p::matches, "1.2", "1.10", "1.9.9");
        assertAllRejected(p::matches, "1.1", "2.0", "");
        assertTrue(VersionPattern.parse("!=3.1").matches("3.2"));
        assertTrue(VersionPattern.parse("==3").matches("3.0"));
        assertTrue(VersionPattern.parse(">0.12").matches("0.13"));
    }

    @Test
    void badConstraintNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VersionPattern.parse(">=1.2,~2"));
        assertEquals("not a version range constraint: \"~2\" in \">=1.2,~2\" (use e.g. \">=1.2,<2\" with >=, >, "
                + "<=, <, ==, !=)", e.getMessage());
    }
}
