package org.familyengagement.sample;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.SortedSet;
import java.util.SplittableRandom;

import org.familyengagement.model.Dataset;

/**
 * A seeded generator of a realistic, fictional US school district and one semester of its
 * contact log: for sample data, benchmarks and randomized tests.
 *
 * <pre>{@code
 * Dataset sample = SampleDistrict.generate(2026, 3000);   // ~60k contacts, fall 2026
 * Dataset bench  = SampleDistrict.generate(7, 100_000);   // ~2M contacts
 * }</pre>
 *
 * <p>The same seed and arguments always give the same dataset, on any machine: everything is
 * drawn from one {@link SplittableRandom}, nothing reads the clock. The people are fictional
 * and carry ids only ({@code f-000123}, {@code s-0000123}, {@code k-0001234}, {@code t-042}).
 *
 * <p>The district ({@value #DISTRICT_ID}, {@code America/Chicago}) follows public US figures:
 * about 71% of families have English as home language; Spanish is the largest other language,
 * then Vietnamese, Arabic, Chinese (read in simplified or traditional script), Hmong, Somali,
 * Haitian Creole, Brazilian Portuguese, Russian, Urdu and a small Nepali group (under ten
 * families at 3000, so that group suppression shows). Families declare three group
 * dimensions: {@code homeLanguage}, {@code income} ({@code frl} / {@code not-frl}) and
 * {@code housing} ({@code stable} / {@code unstable}). Each family gets about 20 contacts a
 * semester: school and district broadcasts, class-app threads, teacher calls and texts, a
 * parent-teacher conference, its own questions and the school's replies, and the promises
 * staff make along the way. Overall about 5 positive contacts for every concern, 5-15% of
 * contacts undelivered.
 *
 * <p><b>The equity gap is built in on purpose</b>, so an audit has something to find:
 * the district has no Somali or Haitian Creole speaking staff, translates its broadcasts into
 * Spanish, Vietnamese, Arabic and simplified Chinese only, and its staff reach Somali and
 * Haitian Creole speaking and housing-unstable families personally far less often, answer
 * them later, and more often contact them only about problems. Unstable housing also means
 * phone numbers that stop working. With a few thousand families, an audit of the default
 * semester as of {@code 2026-11-20T23:00:00Z} finds something under every rule of the v1 pack.
 */
public final class SampleDistrict {
    /** The first school day of the default semester, fall 2026. */
    public static final LocalDate FALL_2026_FIRST_DAY = LocalDate.of(2026, 8, 17);
    /** The last school day of the default semester, fall 2026. */
    public static final LocalDate FALL_2026_LAST_DAY = LocalDate.of(2026, 12, 18);
    /** The district's time zone. */
    public static final ZoneId TIME_ZONE = ZoneId.of("America/Chicago");
    /** The district's id. */
    public static final String DISTRICT_ID = "d-1";
    /** The district's name. */
    public static final String DISTRICT_NAME = "Riverbend Public Schools";

    private SampleDistrict() {
    }

    /** A district of {@code families} families over the fall 2026 semester (17 Aug - 18 Dec 2026). */
    public static Dataset generate(long seed, int families) {
        return generate(seed, families, FALL_2026_FIRST_DAY, FALL_2026_LAST_DAY);
    }

    /**
     * A district of {@code families} families over a semester from {@code firstDay} to
     * {@code lastDay}, both included. Holidays are the US school holidays in that range (see
     * {@link #holidays}); parent-teacher conferences fall about 60% of the way through.
     *
     * @throws IllegalArgumentException when {@code families} is not positive, or the semester is
     *                                  shorter than four weeks or longer than a year
     */
    public static Dataset generate(long seed, int families, LocalDate firstDay, LocalDate lastDay) {
        Objects.requireNonNull(firstDay, "firstDay must not be null");
        Objects.requireNonNull(lastDay, "lastDay must not be null");
        if (families < 1) {
            throw new IllegalArgumentException("families must be at least 1, not " + families);
        }
        long days = ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        if (days < 28 || days > 366) {
            throw new IllegalArgumentException("a semester must last 4 weeks to a year; " + firstDay + " to "
                    + lastDay + " is " + days + " days");
        }
        return new Generator(seed, families, new Semester(firstDay, lastDay)).run();
    }

    /**
     * The US public school holidays from {@code firstDay} to {@code lastDay}: New Year's Day,
     * Martin Luther King Jr. Day, Presidents' Day, Memorial Day, Juneteenth, Independence Day,
     * Labor Day, Indigenous Peoples' Day, Veterans Day, Thanksgiving and the Friday after, and
     * Christmas Day, each moved to the nearest weekday when it falls on a weekend. Winter and
     * spring breaks vary too much between districts to be generated.
     */
    public static SortedSet<LocalDate> holidays(LocalDate firstDay, LocalDate lastDay) {
        return Semester.holidays(firstDay, lastDay);
    }

    /** The number of decimal digits of {@code n} (at least one). */
    static int digits(long n) {
        return Long.toString(Math.max(1, n)).length();
    }

    /** {@code prefix} and {@code number} zero-padded to {@code width} digits: {@code f-000123}. */
    static String id(String prefix, int number, int width) {
        String digits = Integer.toString(number);
        if (digits.length() >= width) {
            return prefix + digits;
        }
        char[] text = new char[prefix.length() + width];
        prefix.getChars(0, prefix.length(), text, 0);
        Arrays.fill(text, prefix.length(), text.length - digits.length(), '0');
        digits.getChars(0, digits.length(), text, text.length - digits.length());
        return new String(text);
    }
}
