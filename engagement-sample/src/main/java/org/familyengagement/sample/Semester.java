package org.familyengagement.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The semester's days, in the district's time zone, as indices from its first day (day 0 = the
 * first day of the semester), and the US school holidays that shape them.
 */
final class Semester {
    /** Days past the last one that reply and promise arithmetic may reach. */
    private static final int SLACK_DAYS = 45;

    final LocalDate first;
    final LocalDate last;
    final int days;
    final SortedSet<LocalDate> holidays;
    private final long firstEpochDay;
    private final boolean[] schoolDay;
    private final int[] utcOffset;
    private final int[] schoolDays;
    private final int firstMondayOffset;

    Semester(LocalDate first, LocalDate last) {
        this.first = first;
        this.last = last;
        this.days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        this.holidays = holidays(first, last);
        this.firstEpochDay = first.toEpochDay();
        int horizon = days + SLACK_DAYS;
        SortedSet<LocalDate> allHolidays = holidays(first, last.plusDays(SLACK_DAYS));
        schoolDay = new boolean[horizon];
        utcOffset = new int[horizon];
        int count = 0;
        for (int d = 0; d < horizon; d++) {
            LocalDate date = first.plusDays(d);
            DayOfWeek weekday = date.getDayOfWeek();
            schoolDay[d] = weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY
                    && !allHolidays.contains(date);
            // Every generated time lies between 06:00 and 22:00, so the offset at noon is the
            // right one even on the days the clocks change (at 02:00).
            utcOffset[d] = SampleDistrict.TIME_ZONE.getRules().getOffset(date.atTime(12, 0)).getTotalSeconds();
            if (schoolDay[d] && d < days) {
                count++;
            }
        }
        schoolDays = new int[count];
        for (int d = 0, i = 0; d < days; d++) {
            if (schoolDay[d]) {
                schoolDays[i++] = d;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("the semester " + first + " to " + last + " has no school days");
        }
        firstMondayOffset = (int) ChronoUnit.DAYS.between(
                first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), first);
    }

    /** Epoch second of a local day index and minute of the day. */
    long at(int day, int minuteOfDay, int second) {
        return (firstEpochDay + day) * 86_400L + minuteOfDay * 60L + second - utcOffset[day];
    }

    boolean isSchoolDay(int day) {
        return day >= 0 && day < schoolDay.length && schoolDay[day];
    }

    DayOfWeek weekday(int day) {
        return DayOfWeek.from(first.plusDays(day));
    }

    boolean inSemester(int day) {
        return day >= 0 && day < days;
    }

    /** The {@code n}-th school day strictly after {@code day}, or -1 beyond the arithmetic horizon. */
    int nthSchoolDayAfter(int day, int n) {
        int d = day;
        for (int found = 0; found < n; ) {
            if (++d >= schoolDay.length) {
                return -1;
            }
            if (schoolDay[d]) {
                found++;
            }
        }
        return d;
    }

    /** The {@code n}-th school day strictly before {@code day}, or -1 when it is before the semester. */
    int nthSchoolDayBefore(int day, int n) {
        int d = Math.min(day, schoolDay.length);
        for (int found = 0; found < n; ) {
            if (--d < 0) {
                return -1;
            }
            if (schoolDay[d]) {
                found++;
            }
        }
        return d;
    }

    /** {@code day} itself when it is a school day, else the next one (-1 past the horizon). */
    int schoolDayOnOrAfter(int day) {
        return isSchoolDay(day) ? day : nthSchoolDayAfter(day, 1);
    }

    /** The {@code n}-th school day of the semester (the first is 1), or -1 when it has fewer. */
    int schoolDayNumber(int n) {
        return n >= 1 && n <= schoolDays.length ? schoolDays[n - 1] : -1;
    }

    /** {@code day} itself when it is a school day, else the school day before it (-1 if none). */
    int schoolDayOnOrBefore(int day) {
        int d = Math.min(day, schoolDay.length - 1);
        while (d >= 0 && !schoolDay[d]) {
            d--;
        }
        return d;
    }

    /** A random school day in {@code [from, to]} (day indices, clipped to the semester), or -1 when it has none. */
    int randomSchoolDayBetween(SplittableRandom random, int from, int to) {
        int lo = Math.max(0, from);
        int hi = Math.min(days - 1, to);
        if (lo > hi) {
            return -1;
        }
        int first = Arrays.binarySearch(schoolDays, lo);
        first = first >= 0 ? first : -first - 1;
        int last = Arrays.binarySearch(schoolDays, hi);
        last = last >= 0 ? last : -last - 2;
        return first > last ? -1 : schoolDays[first + random.nextInt(last - first + 1)];
    }

    int schoolDayCount() {
        return schoolDays.length;
    }

    int randomSchoolDay(SplittableRandom random) {
        return schoolDays[random.nextInt(schoolDays.length)];
    }

    /** A random school day in {@code [from, from + length)}, clipped to the semester; -1 if none. */
    int randomSchoolDayIn(SplittableRandom random, int from, int length) {
        for (int attempt = 0; attempt < 12; attempt++) {
            int day = from + random.nextInt(length);
            if (inSemester(day) && schoolDay[day]) {
                return day;
            }
        }
        return -1;
    }

    int randomDay(SplittableRandom random) {
        return random.nextInt(days);
    }

    int weeks() {
        return (days + firstMondayOffset + 6) / 7;
    }

    /** The day index of a weekday in a week counted from the week of the first day; may be outside. */
    int dayOf(int week, DayOfWeek weekday) {
        return week * 7 + weekday.ordinal() - firstMondayOffset;
    }

    /** The US public school holidays from {@code firstDay} to {@code lastDay}: see {@link SampleDistrict#holidays}. */
    static SortedSet<LocalDate> holidays(LocalDate firstDay, LocalDate lastDay) {
        SortedSet<LocalDate> holidays = new TreeSet<>();
        for (int year = firstDay.getYear(); year <= lastDay.getYear() + 1; year++) {
            List<LocalDate> candidates = List.of(
                    observed(LocalDate.of(year, Month.JANUARY, 1)),
                    nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3),
                    nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3),
                    LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    observed(LocalDate.of(year, Month.JUNE, 19)),
                    observed(LocalDate.of(year, Month.JULY, 4)),
                    nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1),
                    nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2),
                    observed(LocalDate.of(year, Month.NOVEMBER, 11)),
                    nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4),
                    nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4).plusDays(1),
                    observed(LocalDate.of(year, Month.DECEMBER, 25)));
            for (LocalDate day : candidates) {
                if (!day.isBefore(firstDay) && !day.isAfter(lastDay)) {
                    holidays.add(day);
                }
            }
        }
        return holidays;
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** A Saturday holiday is observed on Friday, a Sunday one on Monday. */
    private static LocalDate observed(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }
}
