package net.calspan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void containsBothEnds() {
        DateRange r = DateRange.of(d("2024-03-04"), d("2024-03-08"));
        assertTrue(r.contains(d("2024-03-04")));
        assertTrue(r.contains(d("2024-03-08")));
        assertFalse(r.contains(d("2024-03-09")));
        assertFalse(r.contains(d("2024-03-03")));
    }

    @Test
    void lengthInDaysCountsBothEnds() {
        assertEquals(5, DateRange.of(d("2024-03-04"), d("2024-03-08")).lengthInDays());
        assertEquals(1, DateRange.ofDay(d("2024-02-29")).lengthInDays());
    }

    @Test
    void endBeforeStartIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DateRange.of(d("2024-03-02"), d("2024-03-01")));
    }

    @Test
    void overlapsAndIntersection() {
        DateRange a = DateRange.of(d("2024-03-01"), d("2024-03-10"));
        DateRange b = DateRange.of(d("2024-03-10"), d("2024-03-20"));
        DateRange c = DateRange.of(d("2024-03-11"), d("2024-03-20"));
        assertTrue(a.overlaps(b));
        assertEquals(Optional.of(DateRange.ofDay(d("2024-03-10"))), a.intersection(b));
        assertFalse(a.overlaps(c));
        assertEquals(Optional.empty(), a.intersection(c));
    }

    @Test
    void iteratesEveryDay() {
        List<LocalDate> days = new ArrayList<>();
        DateRange.of(d("2024-02-28"), d("2024-03-01")).forEach(days::add);
        assertEquals(List.of(d("2024-02-28"), d("2024-02-29"), d("2024-03-01")), days);
    }

    @Test
    void splitWithinOneMonthIsTheRangeItself() {
        DateRange r = DateRange.of(d("2024-05-06"), d("2024-05-17"));
        assertEquals(List.of(r), r.splitByMonth());
    }

    @Test
    void toStringUsesTwoDots() {
        assertEquals("2024-03-04..2024-03-08", DateRange.of(d("2024-03-04"), d("2024-03-08")).toString());
    }
}
