package org.familyengagement.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * School days in a district's time zone: dates that are neither a weekend day nor a holiday.
 * Immutable and thread-safe.
 */
public final class SchoolCalendar {
    /** How far a walk over school days may go before the calendar is judged to have none left. */
    private static final int MAX_WALK_DAYS = 3660;

    private final ZoneId zone;
    private final Set<DayOfWeek> weekend;
    private final NavigableSet<LocalDate> holidays;

    public SchoolCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone must not be null");
        Objects.requireNonNull(weekend, "weekend must not be null");
        if (weekend.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("a weekend of all seven days leaves no school days");
        }
        this.weekend = weekend.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(weekend));
        this.holidays = Collections.unmodifiableNavigableSet(
                new TreeSet<>(Objects.requireNonNull(holidays, "holidays must not be null")));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The district-local date of an instant. */
    public LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** True when {@code date} is neither a weekend day nor a holiday. */
    public boolean isSchoolDay(LocalDate date) {
        return !weekend.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** The {@code n}-th school day strictly after {@code date}; {@code date} itself when {@code n} is 0. */
    public LocalDate nthSchoolDayAfter(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, not " + n);
        }
        LocalDate day = date;
        int found = 0;
        int walked = 0;
        while (found < n) {
            day = day.plusDays(1);
            if (isSchoolDay(day)) {
                found++;
            }
            if (++walked > MAX_WALK_DAYS * Math.max(1, n)) {
                throw new IllegalStateException("no school day within " + walked + " days after " + date);
            }
        }
        return day;
    }

    /**
     * The reply deadline of an input made at {@code at}: take its local date, walk forward to the
     * {@code n}-th school day strictly after it, and return the start of the following calendar day,
     * so the whole {@code n}-th school day counts. With {@code n = 0} a reply is due the same day.
     *
     * <p>Example: a question on Friday afternoon, {@code n = 2}, no holidays: the start of Wednesday.
     */
    public Instant deadline(Instant at, int n) {
        LocalDate last = nthSchoolDayAfter(localDate(at), n);
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * Whole school days after the local date of {@code since} that have ended by {@code asOf}: how
     * long, in school days, a family has been waiting. At {@code deadline(since, n)} it is {@code n}.
     */
    public int schoolDaysElapsed(Instant since, Instant asOf) {
        LocalDate day = localDate(since).plusDays(1);
        int count = 0;
        while (!day.plusDays(1).atStartOfDay(zone).toInstant().isAfter(asOf)) {
            if (isSchoolDay(day)) {
                count++;
            }
            day = day.plusDays(1);
        }
        return count;
    }
}
