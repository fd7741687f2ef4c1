package org.familyengagement.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A weekly window, in district local time, when a family can take a call or a visit.
 *
 * @param days the days it holds on
 * @param from start of the window, inclusive
 * @param to   end of the window, exclusive; after {@code from} on the same day
 */
public record ReachableWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    public ReachableWindow {
        Checks.noNulls(days, "reachable days");
        Checks.require(from, "reachable from");
        Checks.require(to, "reachable to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("reachable window from (" + from + ") must be before to (" + to + ")");
        }
        days = days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** True when {@code day} is listed and {@code from <= time < to}. */
    public boolean holds(DayOfWeek day, LocalTime time) {
        return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
    }
}
