package org.familyengagement.testkit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** Reads the time texts tests write: local date-times in a district zone, or instants with an offset. */
final class Times {
    private Times() {
    }

    /**
     * {@code 2026-11-13T14:00} is a local date-time in {@code zone}; {@code 2026-11-13T20:00:00Z} and
     * {@code 2026-11-13T14:00-06:00} are instants; {@code 2026-11-13} is the start of that local day.
     */
    static Instant parse(String text, ZoneId zone) {
        Objects.requireNonNull(text, "time text must not be null");
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(trimmed).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(trimmed).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw new IllegalArgumentException("\"" + text + "\" is not a time: write a local date-time"
                            + " (2026-11-13T14:00, read in " + zone + "), an instant (2026-11-13T20:00:00Z)"
                            + " or a date (2026-11-13)");
                }
            }
        }
    }

    /** An instant as the district sees it: {@code 2026-11-13T14:00 (2026-11-13T20:00:00Z)}. */
    static String local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone) + " (" + instant + ")";
    }
}
