package dev.fixpoint.tasks.env;

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
        assertTrue(p.matches("3.0"));
        assertFalse(p.matches("3"));
        assertFalse(p.matches("3.0.1"));
    }

    @Test
    void rangesCompareComponentByComponent() {
        VersionPattern p = VersionPattern.parse(">=1.2, <2");
        assertTrue(p.isRange());
        assertTrue(p.matches("1.2"));
        assertTrue(p.matches("1.10"));
        assertTrue(p.matches("1.9.9"));
        assertFalse(p.matches("1.1"));
        assertFalse(p.matches("2.0"));
        assertFalse(p.matches(""));
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
