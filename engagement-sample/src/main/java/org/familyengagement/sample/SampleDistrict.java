package org.familyengagement.sample;

import java.time.Instant;
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
 * contact log and meeting records, in contract v2: for sample data, benchmarks and randomized
 * tests.
 *
 * <pre>{@code
 * Dataset sample = SampleDistrict.generate(2026, 3000);   // ~70k contacts, ~4k meetings, fall 2026
 * Dataset bench  = SampleDistrict.generate(7, 100_000);   // ~2.2M contacts
 * }</pre>
 *
 * <p>The same seed and arguments always give the same dataset, on any machine: everything is
 * drawn from one {@link SplittableRandom}, nothing reads the clock. The people are fictional
 * and carry ids only ({@code f-000123}, {@code s-0000123}, {@code c-0000123}, {@code k-0001234},
 * {@code mt-000123}, {@code b-0012}, {@code t-042}); schools have display names.
 *
 * <p>The district ({@value #DISTRICT_ID}, {@code America/Chicago}, schools {@code sch-01}...)
 * follows public US figures: about 71% of families have English as home language; Spanish is
 * the largest other language, then Vietnamese, Arabic, Chinese (read in simplified or
 * traditional script), Hmong, Somali, Haitian Creole, Brazilian Portuguese, Russian, Urdu and a
 * small Nepali group (under ten families at 3000, so that group suppression shows). Families
 * declare three group dimensions: {@code homeLanguage}, {@code income} ({@code frl} /
 * {@code not-frl}) and {@code housing} ({@code stable} / {@code unstable}). About one family in
 * ten asks for an interpreter (about the share of English learners); 14.5% of students have an
 * IEP. Each family gets about 23 contacts a semester: district and school broadcasts (each mass
 * message with one {@code broadcastId}), class-app threads, teacher calls and texts, progress
 * notes with the report card, conferences, IEP notices and meetings, its own questions and the
 * school's replies, and the promises staff make along the way. Overall about 5 positive
 * contacts for every concern, 5-15% of contacts undelivered; most contacts state a topic, a tone,
 * a language and a delivery status, some leave them to the contract's defaults.
 *
 * <p>Meetings: parent-teacher conferences for most families by the 40th school day, make-up
 * conferences later for some (offered at times the teacher can do); a few hundred IEP meetings
 * with the parental input requested (often late or never back), the notice and the draft; the
 * Title I annual meeting. The meeting records are as the SIS held them at the export instant,
 * 17:00 on the school day about 77% of the way through the semester ({@link #FALL_2026_EXPORTED_AT}
 * for fall 2026): later meetings are {@code SCHEDULED}, and their input and drafts are recorded
 * only if they came by then. The contact log covers the whole semester.
 *
 * <p><b>The gaps are built in on purpose</b>, so an audit has something to find under every rule
 * of the pack, v1 and v2, as of {@link #FALL_2026_EXPORTED_AT}:
 * the district has no Somali or Haitian Creole speaking staff, translates its broadcasts into
 * Spanish, Vietnamese, Arabic and simplified Chinese only (and sent its family survey in English
 * only), and its staff reach Somali and Haitian Creole speaking and housing-unstable families
 * personally far less often, answer them later, send them fewer positive notes, and more often
 * contact them only about problems. Unstable housing also means phone numbers that stop working.
 * Children interpret where no interpreter was arranged; some second households read another
 * language than the one the school writes in; a few caregivers under a no-contact order are still
 * on the emergency card. See {@code examples/data/README.md} for what is planted, rule by rule.
 */
public final class SampleDistrict {
    /** The first school day of the default semester, fall 2026 (the district's {@code schoolYearStart}). */
    public static final LocalDate FALL_2026_FIRST_DAY = LocalDate.of(2026, 8, 17);
    /** The last school day of the default semester, fall 2026. */
    public static final LocalDate FALL_2026_LAST_DAY = LocalDate.of(2026, 12, 18);
    /**
     * When the default semester's meeting records were exported, 17:00 on Friday 20 November 2026
     * in Chicago: the instant the examples audit at.
     */
    public static final Instant FALL_2026_EXPORTED_AT = Instant.parse("2026-11-20T23:00:00Z");
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
     * {@code lastDay}, both included, which is also the school year's start. Holidays are the US
     * school holidays in that range (see {@link #holidays}); parent-teacher conferences are held
     * by the 40th school day, report cards go home the week after the 60th.
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
