package net.calspan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RangeParserTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void parsesSingleDay() {
        assertEquals(DateRange.ofDay(d("2024-03-05")), RangeParser.parse("2024-03-05"));
    }

    @Test
    void parsesExplicitRange() {
        assertEquals(DateRange.of(d("2024-03-01"), d("2024-03-31")), RangeParser.parse(" 2024-03-01 .. 2024-03-31 "));
    }

    @Test
    void parsesIsoWeek() {
        assertEquals(DateRange.of(d("2024-03-04"), d("2024-03-10")), RangeParser.parse("2024-W10"));
        assertEquals(DateRange.of(d("2020-12-28"), d("2021-01-03")), RangeParser.parse("2020-W53"));
    }

    @Test
    void rejectsGarbage() {
        RangeParseException e = assertThrows(RangeParseException.class, () -> RangeParser.parse("last week"));
        assertEquals("last week", e.input());
    }

    @Test
    void rejectsInvalidDates() {
        assertThrows(RangeParseException.class, () -> RangeParser.parse("2024-13"));
        assertThrows(RangeParseException.class, () -> RangeParser.parse("2023-02-29"));
        assertThrows(RangeParseException.class, () -> RangeParser.parse("2024-03-10..2024-03-01"));
        RangeParseException e = assertThrows(RangeParseException.class, () -> RangeParser.parse("2024-03..2024-04"));
        assertTrue(e.getMessage().contains("expected a day"), e.getMessage());
    }
}
