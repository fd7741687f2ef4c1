package org.familyengagement.importer.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * Parses the date-times of a source into instants. {@code ISO} (the default) takes ISO-8601 with
 * or without an offset ({@code 2026-11-02T16:00:00Z}, {@code 2026-11-02 10:00:00-06:00},
 * {@code 2026-11-02T10:00}); any other format is a {@link DateTimeFormatter} pattern
 * ({@code M/d/yyyy h:mm a}, English month and AM/PM names). A date-time without an offset or zone
 * is local time in {@code zone}; in a daylight-saving gap it moves forward, in an overlap it takes
 * the earlier offset (as {@link ZonedDateTime#of} does).
 */
final class Timestamps {
    private final String format;
    private final DateTimeFormatter formatter;
    private final ZoneId zone;
    // The last date seen and its parse: a log's rows come mostly in date order.
    private int lastDateKey = -1;
    private LocalDate lastDate;

    private Timestamps(String format, DateTimeFormatter formatter, ZoneId zone) {
        this.format = format;
        this.formatter = formatter;
        this.zone = zone;
    }

    /** A parser of {@code format} ("ISO" or {@code null} for ISO), or {@code null} for an invalid pattern. */
    static Timestamps of(String format, ZoneId zone) {
        if (format == null || format.equalsIgnoreCase("ISO")) {
            return new Timestamps("ISO", null, zone);
        }
        try {
            return new Timestamps(format, DateTimeFormatter.ofPattern(format, Locale.US), zone);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Why a pattern is invalid, for the configuration's problem. */
    static String whyInvalid(String format) {
        try {
            DateTimeFormatter.ofPattern(format, Locale.US);
            return null;
        } catch (IllegalArgumentException e) {
            return Texts.firstLine(e.getMessage());
        }
    }

    String format() {
        return format;
    }

    /** The instant, or {@code null} when {@code text} does not fit the format. */
    Instant parse(String text) {
        if (formatter == null) {
            Instant fast = iso(text);
            return fast != null ? fast : isoSlow(text);
        }
        try {
            TemporalAccessor parsed = formatter.parse(text);
            ZoneId given = parsed.query(TemporalQueries.zone());
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed),
                    parsed.query(TemporalQueries.localTime()) != null
                            ? parsed.query(TemporalQueries.localTime()) : java.time.LocalTime.MIDNIGHT);
            return ZonedDateTime.of(local, given != null ? given : zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** What a message says the format is. */
    String expected() {
        return formatter == null
                ? "an ISO-8601 date-time such as 2026-11-02T16:00:00Z or 2026-11-02 10:00:00"
                : "a date-time in the format " + format;
    }

    /** {@code yyyy-MM-dd[T ]HH:mm[:ss[.fff]][Z|±HH:MM|±HHMM|±HH]}, without allocating on the way. */
    private Instant iso(String s) {
        int n = s.length();
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if ((year | month | day | hour | minute) < 0 || hour > 23 || minute > 59) {
            return null;
        }
        int i = 16;
        int second = 0;
        int nanos = 0;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, i + 1, 2);
            if (second < 0 || second > 59) {
                return null;
            }
            i += 3;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int start = ++i;
                while (i < n && i - start < 9 && Character.isDigit(s.charAt(i))) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                    i++;
                }
                if (i == start || i < n && Character.isDigit(s.charAt(i))) {
                    return null;
                }
                for (int k = i - start; k < 9; k++) {
                    nanos *= 10;
                }
            }
        }
        LocalDate date = date(year, month, day);
        if (date == null) {
            return null;
        }
        long local = date.toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second;
        if (i == n) {
            LocalDateTime time = LocalDateTime.of(date, java.time.LocalTime.of(hour, minute, second, nanos));
            return ZonedDateTime.of(time, zone).toInstant();
        }
        int offset;
        char sign = s.charAt(i);
        if (sign == 'Z' && i + 1 == n) {
            offset = 0;
        } else if (sign == '+' || sign == '-') {
            int rest = n - i - 1;
            int oh = digits(s, i + 1, 2);
            int om;
            if (rest == 2) {
                om = 0;
            } else if (rest == 5 && s.charAt(i + 3) == ':') {
                om = digits(s, i + 4, 2);
            } else if (rest == 4) {
                om = digits(s, i + 3, 2);
            } else {
                return null;
            }
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return null;
            }
            offset = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
        } else {
            return null;
        }
        return Instant.ofEpochSecond(local - offset, nanos);
    }

    private LocalDate date(int year, int month, int day) {
        int key = (year * 13 + month) * 32 + day;
        if (key == lastDateKey) {
            return lastDate;
        }
        try {
            lastDate = LocalDate.of(year, month, day);
            lastDateKey = key;
            return lastDate;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    /** What the fast path leaves: zone ids in brackets, other ISO shapes java.time knows. */
    private Instant isoSlow(String text) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.replace(' ', 'T'));
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneId given = parsed.query(TemporalQueries.zone());
            if (given == null && parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                given = ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS));
            }
            return ZonedDateTime.of(local, given != null ? given : zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
