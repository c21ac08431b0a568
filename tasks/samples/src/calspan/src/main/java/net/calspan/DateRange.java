package net.calspan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/** A closed range of days: both {@link #start()} and {@link #end()} belong to it. */
public final class DateRange implements Iterable<LocalDate> {

    private final LocalDate start;
    private final LocalDate end;

    private DateRange(LocalDate start, LocalDate end) {
        this.start = start;
        this.end = end;
    }

    /** The days from {@code start} to {@code end}, both included. */
    public static DateRange of(LocalDate start, LocalDate end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        return new DateRange(start, end);
    }

    public static DateRange ofDay(LocalDate day) {
        return of(day, day);
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    public long lengthInDays() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean overlaps(DateRange other) {
        return !other.end.isBefore(start) && !other.start.isAfter(end);
    }

    public Optional<DateRange> intersection(DateRange other) {
        if (!overlaps(other)) {
            return Optional.empty();
        }
        LocalDate s = start.isAfter(other.start) ? start : other.start;
        LocalDate e = end.isBefore(other.end) ? end : other.end;
        return Optional.of(new DateRange(s, e));
    }

    /** Splits this range at month boundaries: one range per calendar month it touches. */
    public List<DateRange> splitByMonth() {
        List<DateRange> parts = new ArrayList<>();
        LocalDate cursor = start;
        while (!cursor.isAfter(end)) {
            LocalDate nextMonth = cursor.withDayOfMonth(1).plusMonths(1);
            LocalDate partEnd = nextMonth.isAfter(end) ? end : nextMonth;
            parts.add(new DateRange(cursor, partEnd));
            cursor = nextMonth;
        }
        return parts;
    }

    @Override
    public Iterator<LocalDate> iterator() {
        return new Iterator<>() {
            private LocalDate next = start;

            @Override
            public boolean hasNext() {
                return !next.isAfter(end);
            }

            @Override
            public LocalDate next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                LocalDate day = next;
                next = next.plusDays(1);
                return day;
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DateRange r && r.start.equals(start) && r.end.equals(end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
