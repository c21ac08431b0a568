package net.calspan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimesheetTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static Timesheet sample() {
        return new Timesheet()
                .log(d("2024-03-01"), 8)
                .log(d("2024-03-15"), 4.5)
                .log(d("2024-03-15"), 3)
                .log(d("2024-03-29"), 6)
                .log(d("2024-04-02"), 7);
    }

    @Test
    void hoursInExplicitRangeIncludesBothEnds() {
        Timesheet ts = sample();
        assertEquals(21.5, ts.hoursIn(DateRange.of(d("2024-03-01"), d("2024-03-29"))));
        assertEquals(13.0, ts.hoursIn(DateRange.of(d("2024-03-29"), d("2024-04-02"))));
        assertEquals(7.5, ts.hoursOn(d("2024-03-15")));
    }

    @Test
    void daysWorked() {
        assertEquals(3, sample().daysWorked(DateRange.of(d("2024-03-01"), d("2024-03-31"))));
    }

    @Test
    void negativeHoursAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Timesheet().log(d("2024-03-01"), -1));
    }

    @Test
    void monthlyTotalsWithinOneMonth() {
        Map<YearMonth, Double> totals = sample().monthlyTotals(RangeParser.parse("2024-03-10..2024-03-31"));
        assertEquals(Map.of(YearMonth.of(2024, 3), 13.5), totals);
    }

    @Test
    void weeklyTotal() {
        assertEquals(7.0, sample().hoursIn(RangeParser.parse("2024-W14")));
    }
}
