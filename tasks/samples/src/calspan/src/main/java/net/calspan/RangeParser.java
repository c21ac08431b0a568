package net.calspan;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the range notations used in reports and on the command line:
 * {@code 2024-03-05}, {@code 2024-03-01..2024-03-31}, {@code 2024-03}, {@code 2024}
 * and {@code 2024-W10}.
 */
public final class RangeParser {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private RangeParser() {
    }

    public static DateRange parse(String text) {
        if (text == null) {
            throw new RangeParseException("no range", "null", null);
        }
        String s = text.strip();
        try {
            int dots = s.indexOf("..");
            if (dots >= 0) {
                LocalDate from = parseDay(s.substring(0, dots).strip(), text);
                LocalDate to = parseDay(s.substring(dots + 2).strip(), text);
                return DateRange.of(from, to);
            }
            if (DAY.matcher(s).matches()) {
                return DateRange.ofDay(LocalDate.parse(s));
            }
            Matcher week = WEEK.matcher(s);
            if (week.matches()) {
                return parseWeek(Integer.parseInt(week.group(1)), Integer.parseInt(week.group(2)));
            }
            Matcher month = MONTH.matcher(s);
            if (month.matches()) {
                return parseMonth(YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))));
            }
            if (YEAR.matcher(s).matches()) {
                return parseYear(Year.of(Integer.parseInt(s)));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            if (e instanceof RangeParseException rpe) {
                throw rpe;
            }
            throw new RangeParseException("invalid date range (" + e.getMessage() + ")", text, e);
        }
        throw new RangeParseException("unrecognised date range", text, null);
    }

    private static LocalDate parseDay(String s, String whole) {
        if (!DAY.matcher(s).matches()) {
            throw new RangeParseException("expected a day like 2024-03-05, got '" + s + "'", whole, null);
        }
        return LocalDate.parse(s);
    }

    private static DateRange parseMonth(YearMonth month) {
        return DateRange.of(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    private static DateRange parseYear(Year year) {
        return DateRange.of(year.atDay(1), year.plusYears(1).atDay(1));
    }

    private static DateRange parseWeek(int weekBasedYear, int week) {
        LocalDate anyDay = LocalDate.of(weekBasedYear, 6, 1)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(IsoFields.WEEK_BASED_YEAR, weekBasedYear);
        if (anyDay.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != week) {
            throw new DateTimeException("week " + week + " does not exist in " + weekBasedYear);
        }
        LocalDate monday = anyDay.with(DayOfWeek.MONDAY);
        return DateRange.of(monday, monday.plusDays(6));
    }
}
