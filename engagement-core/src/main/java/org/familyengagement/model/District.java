package org.familyengagement.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.familyengagement.calendar.SchoolCalendar;

/**
 * The district whose contacts are judged: its time zone, the language a contact is in when
 * it states none, and its school calendar.
 *
 * @param id              the district's id
 * @param name            a display name, or {@code null}
 * @param timeZone        all local-time and school-day reasoning uses this zone
 * @param defaultLanguage the BCP 47 tag of a contact that states no language ({@code en} by default)
 * @param weekend         days with no school every week
 * @param holidays        dates with no school
 */
public record District(String id, String name, ZoneId timeZone, String defaultLanguage,
                       Set<DayOfWeek> weekend, SortedSet<LocalDate> holidays) {

    /** The weekend when a dataset names none. */
    public static final Set<DayOfWeek> DEFAULT_WEEKEND =
            Collections.unmodifiableSet(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    /** The default language when a dataset names none. */
    public static final String DEFAULT_LANGUAGE = "en";

    public District {
        Checks.requireId(id, "district id");
        Checks.require(timeZone, "district timeZone");
        Checks.requireId(defaultLanguage, "district defaultLanguage");
        weekend = Checks.noNulls(weekend, "district weekend").isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(weekend));
        holidays = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.noNulls(holidays, "district holidays")));
    }

    /** A district with the default language, weekend and no holidays. */
    public static District of(String id, ZoneId timeZone) {
        return new District(id, null, timeZone, DEFAULT_LANGUAGE, DEFAULT_WEEKEND, new TreeSet<>());
    }

    /** The school calendar that this district's weekend, holidays and time zone define. */
    public SchoolCalendar calendar() {
        return new SchoolCalendar(timeZone, weekend, holidays);
    }
}
