package org.familyengagement.io;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 instants with an offset, parsed straight from the parser's character buffer.
 *
 * <p>Nearly every timestamp an SIS exports has the shape {@code YYYY-MM-DDTHH:MM:SS[.f…]Z} or
 * ends in {@code ±HH:MM}; for those the fast path does the arithmetic itself, with no string or
 * formatter in between ({@link Instant#parse} is about three times slower, and at two million
 * contacts that is most of the parse). Anything else, and anything the fast path finds out of
 * range, goes to {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, which decides what is valid.
 */
final class Instants {
    private static final int SECONDS_PER_DAY = 86_400;
    private static final long DAYS_0000_TO_1970 = 719_528L;
    private static final int[] NANO_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
            10, 1};

    private Instants() {
    }

    /** Parses {@code text}; throws {@link DateTimeParseException} when it is not an instant with an offset. */
    static Instant parse(String text) {
        Instant fast = parseFast(text.toCharArray(), 0, text.length());
        return fast != null ? fast : parseWithJavaTime(text);
    }

    /** The slow path alone, for text the fast path has already declined. */
    static Instant parseWithJavaTime(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** The common shapes, or {@code null} to let java.time decide. */
    static Instant parseFast(char[] c, int off, int len) {
        // yyyy-MM-ddTHH:mm:ss is 19 characters, and at least "Z" follows.
        if (len < 20 || c[off + 4] != '-' || c[off + 7] != '-' || c[off + 10] != 'T' || c[off + 13] != ':'
                || c[off + 16] != ':') {
            return null;
        }
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        int second = digits(c, off + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int pos = off + 19;
        int end = off + len;
        int nanos = 0;
        if (c[pos] == '.') {
            int start = ++pos;
            while (pos < end && pos - start < 9 && isDigit(c[pos])) {
                nanos = nanos * 10 + (c[pos] - '0');
                pos++;
            }
            int fractionDigits = pos - start;
            if (fractionDigits == 0 || pos == end) {
                return null;
            }
            nanos *= NANO_SCALE[fractionDigits];
        }
        int offsetSeconds;
        if (c[pos] == 'Z' && pos + 1 == end) {
            offsetSeconds = 0;
        } else if ((c[pos] == '+' || c[pos] == '-') && pos + 6 == end && c[pos + 3] == ':') {
            int offsetHours = digits(c, pos + 1, 2);
            int offsetMinutes = digits(c, pos + 4, 2);
            if (offsetHours < 0 || offsetMinutes < 0 || offsetMinutes > 59 || offsetHours > 18
                    || offsetHours == 18 && offsetMinutes > 0) {
                return null;
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (c[pos] == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochSecond = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second
                - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** {@code count} decimal digits as a number, or -1 when one is not a digit. */
    private static int digits(char[] c, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            if (!isDigit(c[i])) {
                return -1;
            }
            value = value * 10 + (c[i] - '0');
        }
        return value;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date with a non-negative year (LocalDate's algorithm). */
    private static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }
}
