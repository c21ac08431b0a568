package net.calspan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/** Hours worked per day, with totals over date ranges. */
public final class Timesheet {

    private final NavigableMap<LocalDate, Double> hours = new TreeMap<>();

    /** Adds {@code amount} hours to {@code day}. */
    public Timesheet log(LocalDate day, double amount) {
        if (amount < 0 || Double.isNaN(amount)) {
            throw new IllegalArgumentException("hours must be >= 0: " + amount);
        }
        hours.merge(day, amount, Double::sum);
        return this;
    }

    public double hoursOn(LocalDate day) {
        return hours.getOrDefault(day, 0.0);
    }

    /** Total hours logged on the days of {@code range}. */
    public double hoursIn(DateRange range) {
        double total = 0;
        for (double h : hours.subMap(range.start(), true, range.end(), true).values()) {
            total += h;
        }
        return total;
    }

    /** Number of days of {@code range} with hours logged. */
    public int daysWorked(DateRange range) {
        int days = 0;
        for (double h : hours.subMap(range.start(), true, range.end(), true).values()) {
            if (h > 0) {
                days++;
            }
        }
        return days;
    }

    /** Total hours per calendar month of {@code range}, in month order. */
    public SortedMap<YearMonth, Double> monthlyTotals(DateRange range) {
        SortedMap<YearMonth, Double> totals = new TreeMap<>();
        for (DateRange part : range.splitByMonth()) {
            totals.put(YearMonth.from(part.start()), hoursIn(part));
        }
        return Collections.unmodifiableSortedMap(totals);
    }
}
