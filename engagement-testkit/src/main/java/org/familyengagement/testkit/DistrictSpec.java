package org.familyengagement.testkit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.familyengagement.model.District;

/** A district being described: zone, default language, weekend and holidays. Not thread-safe. */
public final class DistrictSpec implements FactSpec<District> {
    private final String id;
    private final ZoneId zone;
    private String defaultLanguage = District.DEFAULT_LANGUAGE;
    private Set<DayOfWeek> weekend = District.DEFAULT_WEEKEND;
    private final SortedSet<LocalDate> holidays = new TreeSet<>();

    DistrictSpec(String id, ZoneId zone) {
        this.id = id;
        this.zone = zone;
    }

    /** Dates with no school, {@code YYYY-MM-DD}. */
    public DistrictSpec holidays(String... dates) {
        for (String date : dates) {
            holidays.add(LocalDate.parse(Objects.requireNonNull(date, "holiday must not be null")));
        }
        return this;
    }

    /** The language of contacts that state none; {@code en} unless set. */
    public DistrictSpec defaultLanguage(String tag) {
        this.defaultLanguage = Objects.requireNonNull(tag, "defaultLanguage must not be null");
        return this;
    }

    /** The weekly days with no school; Saturday and Sunday unless set. */
    public DistrictSpec weekend(DayOfWeek first, DayOfWeek... rest) {
        this.weekend = EnumSet.of(first, rest);
        return this;
    }

    @Override
    public District build() {
        return new District(id, null, zone, defaultLanguage, weekend, holidays);
    }
}
