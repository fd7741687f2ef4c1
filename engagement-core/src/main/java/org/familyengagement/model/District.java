package org.familyengagement.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.familyengagement.calendar.SchoolCalendar;

/**
 * The district whose contacts are judged: its time zone, the language a contact is in when
 * it states none, its school calendar and its schools. Build one with {@link #builder}.
 *
 * @param id              the district's id
 * @param name            a display name, or {@code null}
 * @param timeZone        all local-time and school-day reasoning uses this zone
 * @param defaultLanguage the BCP 47 tag of a contact that states no language ({@code en} by default)
 * @param weekend         days with no school every week
 * @param holidays        dates with no school
 * @param schoolYearStart the first day of the school year, or {@code null} (rules about "early in
 *                        the year" then do not judge). Contract v2
 * @param schools         the district's schools; when there are any, every {@code schoolId} must
 *                        name one of them. Empty: none declared, and school ids are not checked. Contract v2
 */
public record District(String id, String name, ZoneId timeZone, String defaultLanguage,
                       Set<DayOfWeek> weekend, SortedSet<LocalDate> holidays, LocalDate schoolYearStart,
                       List<School> schools) {

    /** The weekend when a dataset names none. */
    public static final Set<DayOfWeek> DEFAULT_WEEKEND =
            Collections.unmodifiableSet(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    /** The default language when a dataset names none. */
    public static final String DEFAULT_LANGUAGE = "en";

    public District {
        Checks.requireId(id, "district id");
        Checks.require(timeZone, "district timeZone");
        Checks.requireText(defaultLanguage, "district defaultLanguage");
        weekend = Checks.noNulls(weekend, "district weekend").isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(weekend));
        holidays = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.noNulls(holidays, "district holidays")));
        schools = List.copyOf(Checks.noNulls(schools == null ? List.of() : schools, "district schools"));
    }

    /** A district of contract v1: no school year start, no schools. */
    public District(String id, String name, ZoneId timeZone, String defaultLanguage, Set<DayOfWeek> weekend,
                    SortedSet<LocalDate> holidays) {
        this(id, name, timeZone, defaultLanguage, weekend, holidays, null, List.of());
    }

    /** A district with the default language, weekend and no holidays. */
    public static District of(String id, ZoneId timeZone) {
        return builder(id, timeZone).build();
    }

    /** Starts a district; what it is not told takes the contract's defaults. */
    public static Builder builder(String id, ZoneId timeZone) {
        return new Builder(id, timeZone);
    }

    /** A builder holding every field of this district. */
    public Builder toBuilder() {
        return new Builder(id, timeZone).name(name).defaultLanguage(defaultLanguage).weekend(weekend)
                .holidays(holidays).schoolYearStart(schoolYearStart).schools(schools);
    }

    /** The school calendar that this district's weekend, holidays and time zone define. */
    public SchoolCalendar calendar() {
        return new SchoolCalendar(timeZone, weekend, holidays);
    }

    /** True when the district declares schools and none has this id. */
    public boolean isUnknownSchool(String schoolId) {
        if (schools.isEmpty()) {
            return false;
        }
        // Readers pool ids, so a known school id is nearly always the school's own string: a pass by
        // identity finds it without comparing characters (a district has dozens of schools).
        for (int i = 0; i < schools.size(); i++) {
            if (schools.get(i).id() == schoolId) {
                return false;
            }
        }
        for (int i = 0; i < schools.size(); i++) {
            if (schools.get(i).id().equals(schoolId)) {
                return false;
            }
        }
        return true;
    }

    /** A builder that applies the contract's defaults to what it is not told. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final ZoneId timeZone;
        private String name;
        private String defaultLanguage = DEFAULT_LANGUAGE;
        private Set<DayOfWeek> weekend = DEFAULT_WEEKEND;
        private SortedSet<LocalDate> holidays = new TreeSet<>();
        private LocalDate schoolYearStart;
        private List<School> schools = new ArrayList<>();

        private Builder(String id, ZoneId timeZone) {
            this.id = id;
            this.timeZone = timeZone;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder defaultLanguage(String value) {
            this.defaultLanguage = Objects.requireNonNull(value, "defaultLanguage must not be null");
            return this;
        }

        public Builder weekend(Set<DayOfWeek> value) {
            this.weekend = value;
            return this;
        }

        public Builder holidays(Set<LocalDate> value) {
            this.holidays = new TreeSet<>(value);
            return this;
        }

        public Builder schoolYearStart(LocalDate value) {
            this.schoolYearStart = value;
            return this;
        }

        public Builder schools(List<School> value) {
            this.schools = new ArrayList<>(value);
            return this;
        }

        public District build() {
            return new District(id, name, timeZone, defaultLanguage, weekend, holidays, schoolYearStart, schools);
        }
    }
}
