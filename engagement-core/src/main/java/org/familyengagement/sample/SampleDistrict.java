package org.familyengagement.sample;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.Staff;
import org.familyengagement.model.StaffRole;
import org.familyengagement.model.Student;
import org.familyengagement.model.Tone;

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
        SortedSet<LocalDate> holidays = new TreeSet<>();
        for (int year = firstDay.getYear(); year <= lastDay.getYear() + 1; year++) {
            List<LocalDate> candidates = List.of(
                    observed(LocalDate.of(year, Month.JANUARY, 1)),
                    nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3),
                    nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3),
                    LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    observed(LocalDate.of(year, Month.JUNE, 19)),
                    observed(LocalDate.of(year, Month.JULY, 4)),
                    nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1),
                    nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2),
                    observed(LocalDate.of(year, Month.NOVEMBER, 11)),
                    nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4),
                    nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4).plusDays(1),
                    observed(LocalDate.of(year, Month.DECEMBER, 25)));
            for (LocalDate day : candidates) {
                if (!day.isBefore(firstDay) && !day.isAfter(lastDay)) {
                    holidays.add(day);
                }
            }
        }
        return holidays;
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** A Saturday holiday is observed on Friday, a Sunday one on Monday. */
    private static LocalDate observed(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    // ---------------------------------------------------------------------------------------
    // The population: who the families are, by home language.
    // ---------------------------------------------------------------------------------------

    /**
     * Home languages with the share of families and what the district offers each. The
     * {@code reach} factor scales how often staff contact the family personally; it and the
     * absence of translation and bilingual staff are where the built-in equity gap comes from.
     */
    private enum HomeLanguage {
        //    label  share    tags (and weights)                              bilingual translation liaison reach  app   email noPref frl  conference
        EN("en", 0.7125, new String[] {"en"}, new double[] {1}, 1.00, null, false, 1.00, 0.62, 0.88, 0.04, 0.40, 0.80),
        ES("es", 0.1950, new String[] {"es-MX", "es", "es-419"}, new double[] {0.55, 0.35, 0.10},
                0.45, "es", true, 0.80, 0.42, 0.55, 0.07, 0.75, 0.66),
        VI("vi", 0.0180, new String[] {"vi"}, new double[] {1}, 0.35, "vi", true, 0.85, 0.48, 0.65, 0.06, 0.60, 0.65),
        AR("ar", 0.0160, new String[] {"ar"}, new double[] {1}, 0.30, "ar", true, 0.80, 0.42, 0.60, 0.07, 0.65, 0.62),
        ZH("zh", 0.0120, new String[] {"zh-Hans", "zh-Hant"}, new double[] {0.6, 0.4},
                0.30, "zh-Hans", true, 0.85, 0.55, 0.75, 0.05, 0.45, 0.68),
        HMN("hmn", 0.0080, new String[] {"hmn"}, new double[] {1}, 0.40, null, true, 0.75, 0.32, 0.45, 0.08, 0.70, 0.58),
        SO("so", 0.0100, new String[] {"so"}, new double[] {1}, 0.10, null, false, 0.15, 0.10, 0.30, 0.18, 0.92, 0.16),
        HT("ht", 0.0080, new String[] {"ht"}, new double[] {1}, 0.15, null, false, 0.18, 0.10, 0.30, 0.15, 0.85, 0.18),
        PT("pt", 0.0070, new String[] {"pt-BR"}, new double[] {1}, 0.40, null, false, 0.75, 0.40, 0.60, 0.08, 0.60, 0.60),
        RU("ru", 0.0060, new String[] {"ru"}, new double[] {1}, 0.45, null, false, 0.80, 0.45, 0.70, 0.06, 0.50, 0.65),
        UR("ur", 0.0050, new String[] {"ur"}, new double[] {1}, 0.50, null, false, 0.75, 0.40, 0.65, 0.07, 0.60, 0.60),
        NE("ne", 0.0025, new String[] {"ne"}, new double[] {1}, 0.30, null, false, 0.50, 0.20, 0.40, 0.12, 0.80, 0.45);

        final String label;
        final double share;
        final String[] tags;
        final double[] tagWeights;
        /** Share of families who also list English (and so are served by English contact). */
        final double bilingual;
        /** The tag the district translates its broadcasts into, or null when it does not. */
        final String translation;
        /** The district employs family liaisons who speak it. */
        final boolean liaison;
        final double reach;
        final double app;
        final double email;
        final double noPreference;
        final double frl;
        final double conference;

        HomeLanguage(String label, double share, String[] tags, double[] tagWeights, double bilingual,
                     String translation, boolean liaison, double reach, double app, double email,
                     double noPreference, double frl, double conference) {
            this.label = label;
            this.share = share;
            this.tags = tags;
            this.tagWeights = tagWeights;
            this.bilingual = bilingual;
            this.translation = translation;
            this.liaison = liaison;
            this.reach = reach;
            this.app = app;
            this.email = email;
            this.noPreference = noPreference;
            this.frl = frl;
            this.conference = conference;
        }

        int bit() {
            return 1 << ordinal();
        }
    }

    private enum Level {
        ELEMENTARY(450), MIDDLE(700), HIGH(1200);

        final int studentsPerSchool;

        Level(int studentsPerSchool) {
            this.studentsPerSchool = studentsPerSchool;
        }

        static Level of(int grade) {
            return grade <= 5 ? ELEMENTARY : grade <= 8 ? MIDDLE : HIGH;
        }
    }

    /** What an average family's behaviour is tuned to; the comments give the target. */
    private static final class Rates {
        static final double STUDENTS_PER_FAMILY = 1.75;
        static final double STUDENTS_PER_TEACHER = 22;
        static final double STUDENTS_PER_COUNSELOR = 400;
        static final double FAMILIES_PER_LIAISON = 400;
        /** Teacher contacts that are not about a problem, per student per semester, at reach 1. */
        static final double WARM_CONTACTS = 1.7;
        static final double POSITIVE_SHARE = 0.75;
        /** Concerns per student per semester for most students. */
        static final double CONCERNS = 0.11;
        /** Concerns about one student in a rough patch, packed into about a month. */
        static final double TROUBLE_CONCERNS = 3.2;
        static final int TROUBLE_DAYS = 30;
        /** Families who hear about their child only when something is wrong. */
        static final double DEFICIT_ONLY = 0.04;
        static final double DEFICIT_ONLY_EXCLUDED = 0.16;
        static final double UNSTABLE_GIVEN_FRL = 0.065;
        static final double UNSTABLE_OTHERWISE = 0.01;
        static final double UNSTABLE_EXCLUDED = 0.15;
        /** Questions and notes from a family per semester. */
        static final double INBOUND = 1.5;
        static final double AWAITS_REPLY = 0.8;
        static final double COMMIT_ON_CONCERN = 0.3;
        static final double COMMIT_ON_REPLY = 0.2;
        static final double COMMIT_AT_CONFERENCE = 0.15;
        static final double UNANSWERED_CALL = 0.2;
    }

    // ---------------------------------------------------------------------------------------
    // Calendar arithmetic on day indices (day 0 = the first day of the semester).
    // ---------------------------------------------------------------------------------------

    /** The semester's days, in the district's time zone, as indices from its first day. */
    private static final class Semester {
        /** Days past the last one that reply and promise arithmetic may reach. */
        private static final int SLACK_DAYS = 45;

        final LocalDate first;
        final LocalDate last;
        final int days;
        final SortedSet<LocalDate> holidays;
        private final long firstEpochDay;
        private final boolean[] schoolDay;
        private final int[] utcOffset;
        private final int[] schoolDays;
        private final int firstMondayOffset;

        Semester(LocalDate first, LocalDate last) {
            this.first = first;
            this.last = last;
            this.days = (int) ChronoUnit.DAYS.between(first, last) + 1;
            this.holidays = holidays(first, last);
            this.firstEpochDay = first.toEpochDay();
            int horizon = days + SLACK_DAYS;
            SortedSet<LocalDate> allHolidays = holidays(first, last.plusDays(SLACK_DAYS));
            schoolDay = new boolean[horizon];
            utcOffset = new int[horizon];
            int count = 0;
            for (int d = 0; d < horizon; d++) {
                LocalDate date = first.plusDays(d);
                DayOfWeek weekday = date.getDayOfWeek();
                schoolDay[d] = weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY
                        && !allHolidays.contains(date);
                // Every generated time lies between 06:00 and 22:00, so the offset at noon is the
                // right one even on the days the clocks change (at 02:00).
                utcOffset[d] = TIME_ZONE.getRules().getOffset(date.atTime(12, 0)).getTotalSeconds();
                if (schoolDay[d] && d < days) {
                    count++;
                }
            }
            schoolDays = new int[count];
            for (int d = 0, i = 0; d < days; d++) {
                if (schoolDay[d]) {
                    schoolDays[i++] = d;
                }
            }
            if (count == 0) {
                throw new IllegalArgumentException("the semester " + first + " to " + last + " has no school days");
            }
            firstMondayOffset = (int) ChronoUnit.DAYS.between(
                    first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), first);
        }

        /** Epoch second of a local day index and minute of the day. */
        long at(int day, int minuteOfDay, int second) {
            return (firstEpochDay + day) * 86_400L + minuteOfDay * 60L + second - utcOffset[day];
        }

        boolean isSchoolDay(int day) {
            return day >= 0 && day < schoolDay.length && schoolDay[day];
        }

        DayOfWeek weekday(int day) {
            return DayOfWeek.from(first.plusDays(day));
        }

        boolean inSemester(int day) {
            return day >= 0 && day < days;
        }

        /** The {@code n}-th school day strictly after {@code day}, or -1 beyond the arithmetic horizon. */
        int nthSchoolDayAfter(int day, int n) {
            int d = day;
            for (int found = 0; found < n; ) {
                if (++d >= schoolDay.length) {
                    return -1;
                }
                if (schoolDay[d]) {
                    found++;
                }
            }
            return d;
        }

        /** {@code day} itself when it is a school day, else the next one (-1 past the horizon). */
        int schoolDayOnOrAfter(int day) {
            return isSchoolDay(day) ? day : nthSchoolDayAfter(day, 1);
        }

        int randomSchoolDay(SplittableRandom random) {
            return schoolDays[random.nextInt(schoolDays.length)];
        }

        /** A random school day in {@code [from, from + length)}, clipped to the semester; -1 if none. */
        int randomSchoolDayIn(SplittableRandom random, int from, int length) {
            for (int attempt = 0; attempt < 12; attempt++) {
                int day = from + random.nextInt(length);
                if (inSemester(day) && schoolDay[day]) {
                    return day;
                }
            }
            return -1;
        }

        int randomDay(SplittableRandom random) {
            return random.nextInt(days);
        }

        int weeks() {
            return (days + firstMondayOffset + 6) / 7;
        }

        /** The day index of a weekday in a week counted from the week of the first day; may be outside. */
        int dayOf(int week, DayOfWeek weekday) {
            return week * 7 + weekday.ordinal() - firstMondayOffset;
        }
    }

    // ---------------------------------------------------------------------------------------
    // The generator.
    // ---------------------------------------------------------------------------------------

    /** A school with its staff, as indices into the staff list. */
    private static final class School {
        final int index;
        final String id;
        final Level level;
        int enrolment;
        int firstTeacher;
        int teachers;
        int counselor;
        int principal;
        int office;

        School(int index, String id, Level level) {
            this.index = index;
            this.id = id;
            this.level = level;
        }
    }

    /** A family while it is generated: its record plus what drives its contacts. */
    private static final class Household {
        final int index;
        final String id;
        final HomeLanguage language;
        final String homeTag;
        final boolean bilingual;
        final boolean frl;
        final boolean unstable;
        final long seed;
        Family family;
        Preference preference;
        List<Channel> channels = List.of();
        Set<Channel> optOut = Set.of();
        List<ReachableWindow> windows = List.of();
        boolean hasEmail;
        boolean hasApp;
        /** The app shows school posts in the family's language. */
        boolean appTranslates;
        /** From this day on the phone number, e-mail and address on file no longer reach the family. */
        int staleFrom = Integer.MAX_VALUE;
        boolean deficitOnly;
        int troubleStart;
        double reach;
        int[] studentNumbers;
        int[] studentSchools;
        int[] studentTeachers;
        int[] schools;

        Household(int index, String id, HomeLanguage language, String homeTag, boolean bilingual, boolean frl,
                  boolean unstable, long seed) {
            this.index = index;
            this.id = id;
            this.language = language;
            this.homeTag = homeTag;
            this.bilingual = bilingual;
            this.frl = frl;
            this.unstable = unstable;
            this.seed = seed;
        }

        /** Contact in English leaves this family out. */
        boolean needsLanguageSupport() {
            return language != HomeLanguage.EN && !bilingual;
        }

        /** The groups the district cannot serve in their language and that its staff neglect. */
        boolean excluded() {
            return unstable || language == HomeLanguage.SO || language == HomeLanguage.HT;
        }
    }

    /** A mass message as the district or one school sent it; each family gets its own copy. */
    private record Broadcast(int day, int minute, Channel channel, int translations, boolean autoTranslated,
                             boolean interpretedForAll, boolean honoursOptOut) {
    }

    private static final class Generator {
        private final SplittableRandom random;
        private final int familyCount;
        private final Semester semester;
        private final Tags tags = new Tags();
        private final List<School> schools = new ArrayList<>();
        private final List<Staff> staff = new ArrayList<>();
        private final List<Household> households;
        private final List<String> studentIds = new ArrayList<>();
        private final Map<HomeLanguage, int[]> liaisons = new java.util.EnumMap<>(HomeLanguage.class);
        /** Parent-teacher conferences fall about 60% of the way through (2-6 Nov 2026). */
        private final int conferenceWeek;
        private List<Broadcast> districtBroadcasts;
        private List<List<Broadcast>> schoolBroadcasts;
        private final ContactLog log;
        private final PromiseLog promises = new PromiseLog();
        /** The tag index of English. */
        private final int en;

        Generator(long seed, int familyCount, Semester semester) {
            this.random = new SplittableRandom(seed);
            this.familyCount = familyCount;
            this.semester = semester;
            this.households = new ArrayList<>(familyCount);
            this.log = new ContactLog(familyCount * 21);
            this.en = tags.index("en");
            this.conferenceWeek = (int) Math.round(semester.weeks() * 0.62);
        }

        Dataset run() {
            createSchools();
            createHouseholds();
            int[] speaks = createStaff();
            scheduleBroadcasts();
            for (Household household : households) {
                new FamilyLog(household, speaks).write();
            }
            return build();
        }

        // ---- schools, families, staff ----

        private void createSchools() {
            double students = familyCount * Rates.STUDENTS_PER_FAMILY;
            int[] grades = {6, 3, 4}; // K-5, 6-8, 9-12
            int total = 0;
            int[] counts = new int[3];
            for (Level level : Level.values()) {
                counts[level.ordinal()] = Math.max(1, (int) Math.round(
                        students * grades[level.ordinal()] / 13 / level.studentsPerSchool));
                total += counts[level.ordinal()];
            }
            int width = Math.max(2, digits(total));
            int number = 0;
            for (Level level : Level.values()) {
                for (int i = 0; i < counts[level.ordinal()]; i++) {
                    schools.add(new School(schools.size(), id("sch-", ++number, width), level));
                }
            }
        }

        private List<School> schoolsOf(Level level) {
            List<School> result = new ArrayList<>();
            for (School school : schools) {
                if (school.level == level) {
                    result.add(school);
                }
            }
            return result;
        }

        private void createHouseholds() {
            HomeLanguage[] languages = shuffledLanguages();
            List<School> elementary = schoolsOf(Level.ELEMENTARY);
            List<School> middle = schoolsOf(Level.MIDDLE);
            List<School> high = schoolsOf(Level.HIGH);
            int familyWidth = Math.max(6, digits(familyCount));
            int personWidth = Math.max(7, digits((long) familyCount * 4));
            int caregiverNumber = 0;
            for (int i = 0; i < familyCount; i++) {
                SplittableRandom r = random.split();
                HomeLanguage language = languages[i];
                String homeTag = language.tags[pick(r, language.tagWeights)];
                boolean bilingual = language == HomeLanguage.EN || r.nextDouble() < language.bilingual;
                boolean frl = r.nextDouble() < language.frl;
                boolean unstable = r.nextDouble() < (language == HomeLanguage.SO || language == HomeLanguage.HT
                        ? Rates.UNSTABLE_EXCLUDED
                        : frl ? Rates.UNSTABLE_GIVEN_FRL : Rates.UNSTABLE_OTHERWISE);
                Household h = new Household(i, id("f-", i + 1, familyWidth), language, homeTag, bilingual, frl,
                        unstable, r.nextLong());
                h.reach = language.reach * (unstable ? 0.3 : 1) * (frl ? 0.9 : 1);
                h.hasEmail = r.nextDouble() < language.email * (unstable ? 0.5 : 1);
                h.hasApp = r.nextDouble() < language.app * (unstable ? 0.4 : 1);
                h.appTranslates = h.hasApp && h.needsLanguageSupport() && r.nextDouble() < 0.85;
                if (r.nextDouble() < (unstable ? 0.35 : 0.02)) {
                    h.staleFrom = semester.randomDay(r);
                }
                h.deficitOnly = r.nextDouble() < (h.excluded() ? Rates.DEFICIT_ONLY_EXCLUDED : Rates.DEFICIT_ONLY);
                h.troubleStart = semester.randomDay(r) - Rates.TROUBLE_DAYS / 3;

                // Students: siblings a few grades apart, at the schools of one neighbourhood.
                int children = 1 + pick(r, 0.46, 0.36, 0.13, 0.05);
                h.studentNumbers = new int[children];
                h.studentSchools = new int[children];
                h.studentTeachers = new int[children];
                int neighbourhood = r.nextInt(elementary.size());
                List<Student> students = new ArrayList<>(children);
                int grade = r.nextInt(13);
                for (int c = 0; c < children; c++) {
                    if (c > 0) {
                        grade = r.nextDouble() < 0.04 ? grade : Math.floorMod(grade + 1 + r.nextInt(4), 13);
                    }
                    Level level = Level.of(grade);
                    School school = switch (level) {
                        case ELEMENTARY -> elementary.get(neighbourhood);
                        case MIDDLE -> middle.get(neighbourhood * middle.size() / elementary.size());
                        case HIGH -> high.get(neighbourhood * high.size() / elementary.size());
                    };
                    school.enrolment++;
                    String studentId = id("s-", studentIds.size() + 1, personWidth);
                    h.studentNumbers[c] = studentIds.size();
                    h.studentSchools[c] = school.index;
                    studentIds.add(studentId);
                    students.add(new Student(studentId, grade == 0 ? "K" : Integer.toString(grade), school.id));
                }
                h.schools = Arrays.stream(h.studentSchools).distinct().sorted().toArray();

                List<Caregiver> caregivers = new ArrayList<>(2);
                caregivers.add(new Caregiver(id("c-", ++caregiverNumber, personWidth), FIRST_CAREGIVERS[
                        pick(r, 0.72, 0.14, 0.06, 0.04, 0.02, 0.02)]));
                if (r.nextDouble() < (unstable ? 0.4 : 0.65)) {
                    caregivers.add(new Caregiver(id("c-", ++caregiverNumber, personWidth), SECOND_CAREGIVERS[
                            pick(r, 0.75, 0.08, 0.05, 0.07, 0.05)]));
                }

                h.preference = preference(h, r);
                if (h.preference != null) {
                    h.channels = h.preference.channels();
                    h.optOut = h.preference.optOut();
                    h.windows = h.preference.reachable();
                }
                Map<String, String> groups = new TreeMap<>();
                groups.put("homeLanguage", language.label);
                groups.put("income", frl ? "frl" : "not-frl");
                groups.put("housing", unstable ? "unstable" : "stable");
                h.family = new Family(h.id, students, caregivers, h.preference, groups);
                households.add(h);
            }
        }

        /** Home languages by exact quota (largest remainder), shuffled: shares hold at any size. */
        private HomeLanguage[] shuffledLanguages() {
            HomeLanguage[] all = HomeLanguage.values();
            int[] counts = new int[all.length];
            double[] remainders = new double[all.length];
            double total = 0;
            for (HomeLanguage language : all) {
                total += language.share;
            }
            int assigned = 0;
            for (HomeLanguage language : all) {
                double exact = familyCount * language.share / total;
                counts[language.ordinal()] = (int) exact;
                remainders[language.ordinal()] = exact - (int) exact;
                assigned += (int) exact;
            }
            while (assigned < familyCount) {
                int best = 0;
                for (int i = 1; i < all.length; i++) {
                    if (remainders[i] > remainders[best]) {
                        best = i;
                    }
                }
                counts[best]++;
                remainders[best] = -1;
                assigned++;
            }
            HomeLanguage[] languages = new HomeLanguage[familyCount];
            int at = 0;
            for (HomeLanguage language : all) {
                for (int i = 0; i < counts[language.ordinal()]; i++) {
                    languages[at++] = language;
                }
            }
            for (int i = languages.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                HomeLanguage swap = languages[i];
                languages[i] = languages[j];
                languages[j] = swap;
            }
            return languages;
        }

        /** What the family told the school, or null when intake never asked (more often for the excluded). */
        private Preference preference(Household h, SplittableRandom r) {
            if (r.nextDouble() < h.language.noPreference * (h.unstable ? 2 : 1)) {
                return null;
            }
            List<String> languages = new ArrayList<>(2);
            languages.add(h.homeTag);
            if (h.bilingual && h.language != HomeLanguage.EN) {
                languages.add("en");
            } else if (h.language == HomeLanguage.HT && r.nextDouble() < 0.3) {
                languages.add("fr"); // many Haitian families also read French: still not English
            }
            List<Channel> channels = new ArrayList<>(3);
            if (r.nextDouble() >= 0.03) { // some intake forms never asked about channels
                if (h.hasEmail && !h.unstable && r.nextDouble() < 0.45) {
                    channels.add(Channel.EMAIL);
                }
                channels.add(r.nextDouble() < 0.7 ? Channel.SMS : Channel.PHONE);
                if (h.hasApp && r.nextDouble() < 0.5) {
                    channels.add(Channel.APP);
                }
                if (r.nextDouble() < 0.4) {
                    channels.add(channels.contains(Channel.PHONE) ? Channel.SMS : Channel.PHONE);
                }
            }
            if (r.nextDouble() < 0.01) {
                languages.clear(); // the form came back with no language ticked
            }
            Set<Channel> optOut = EnumSet.noneOf(Channel.class);
            if (!h.hasEmail && r.nextDouble() < 0.5) {
                optOut.add(Channel.EMAIL);
            }
            if (r.nextDouble() < 0.06 && !channels.contains(Channel.PHONE)) {
                optOut.add(Channel.PHONE); // night-shift workers: "text, don't call"
            }
            if (!h.hasApp && r.nextDouble() < 0.05) {
                optOut.add(Channel.APP);
            }
            boolean interpreter = h.needsLanguageSupport() ? r.nextDouble() < 0.7
                    : h.language != HomeLanguage.EN && r.nextDouble() < 0.15;
            return new Preference(languages, channels, optOut, reachable(h, r), interpreter);
        }

        private static List<ReachableWindow> reachable(Household h, SplittableRandom r) {
            Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            double working = h.frl || h.unstable ? 0.15 : 0;
            return switch (pick(r, 0.38 + working, 0.12, 0.15 - working, 0.08, 0.27)) {
                case 0 -> List.of(eveningWindow(r, weekdays));
                case 1 -> List.of(eveningWindow(r, weekdays),
                        new ReachableWindow(EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(10, 0), LocalTime.of(14, 0)));
                case 2 -> List.of(new ReachableWindow(weekdays, LocalTime.of(9, 0), LocalTime.of(15, 0)));
                case 3 -> List.of(new ReachableWindow(weekdays, LocalTime.of(7, 0), LocalTime.of(8, 30)),
                        new ReachableWindow(weekdays, LocalTime.of(18, 0), LocalTime.of(20, 0)));
                default -> List.of();
            };
        }

        private static ReachableWindow eveningWindow(SplittableRandom r, Set<DayOfWeek> days) {
            return switch (pick(r, 0.6, 0.25, 0.15)) {
                case 0 -> new ReachableWindow(days, LocalTime.of(17, 0), LocalTime.of(20, 0));
                case 1 -> new ReachableWindow(days, LocalTime.of(17, 30), LocalTime.of(20, 30));
                default -> new ReachableWindow(days, LocalTime.of(18, 0), LocalTime.of(21, 0));
            };
        }

        /**
         * Staff in role order: teachers by school, counselors, principals, family liaisons (Spanish,
         * Vietnamese, Arabic, Chinese and Hmong; none for Somali or Haitian Creole), front offices.
         * Returns, for each member, a bit set of the home languages they speak.
         */
        private int[] createStaff() {
            SplittableRandom r = random.split();
            List<Integer> speaks = new ArrayList<>();
            int teacherCount = 0;
            for (School school : schools) {
                school.teachers = Math.max(1, (int) Math.ceil(school.enrolment / Rates.STUDENTS_PER_TEACHER));
                teacherCount += school.teachers;
            }
            int width = Math.max(3, digits(teacherCount));
            for (School school : schools) {
                school.firstTeacher = staff.size();
                for (int i = 0; i < school.teachers; i++) {
                    double x = r.nextDouble();
                    HomeLanguage second = x < 0.15 ? HomeLanguage.ES : x < 0.16 ? HomeLanguage.VI
                            : x < 0.17 ? HomeLanguage.AR : null;
                    addStaff(id("t-", staff.size() + 1, width), StaffRole.TEACHER, second, speaks);
                }
            }
            int[] counselors = new int[schools.size()];
            int[] liaisonCounts = new int[HomeLanguage.values().length];
            for (Household h : households) {
                liaisonCounts[h.language.ordinal()]++;
            }
            int others = 0;
            for (School school : schools) {
                counselors[school.index] = Math.max(1,
                        (int) Math.ceil(school.enrolment / Rates.STUDENTS_PER_COUNSELOR));
                others += counselors[school.index];
            }
            for (HomeLanguage language : HomeLanguage.values()) {
                int families = liaisonCounts[language.ordinal()];
                liaisonCounts[language.ordinal()] = !language.liaison || families == 0 ? 0
                        : Math.max(1, (int) Math.round(families / Rates.FAMILIES_PER_LIAISON));
                others = Math.max(others, liaisonCounts[language.ordinal()]);
            }
            width = Math.max(2, digits(Math.max(others, schools.size())));
            int number = 0;
            for (School school : schools) {
                school.counselor = staff.size();
                for (int i = 0; i < counselors[school.index]; i++) {
                    addStaff(id("cn-", ++number, width), StaffRole.COUNSELOR,
                            r.nextDouble() < 0.3 ? HomeLanguage.ES : null, speaks);
                }
            }
            number = 0;
            for (School school : schools) {
                school.principal = staff.size();
                addStaff(id("ad-", ++number, width), StaffRole.ADMINISTRATOR, null, speaks);
            }
            number = 0;
            for (HomeLanguage language : HomeLanguage.values()) {
                int[] pool = new int[liaisonCounts[language.ordinal()]];
                for (int i = 0; i < pool.length; i++) {
                    pool[i] = staff.size();
                    addStaff(id("li-", ++number, width), StaffRole.LIAISON, language, speaks);
                }
                if (pool.length > 0) {
                    liaisons.put(language, pool);
                }
            }
            number = 0;
            for (School school : schools) {
                school.office = staff.size();
                addStaff(id("of-", ++number, width), StaffRole.OTHER,
                        r.nextDouble() < 0.5 ? HomeLanguage.ES : null, speaks);
            }
            return speaks.stream().mapToInt(Integer::intValue).toArray();
        }

        private void addStaff(String id, StaffRole role, HomeLanguage second, List<Integer> speaks) {
            List<String> languages = new ArrayList<>(3);
            languages.add("en");
            if (second == HomeLanguage.ZH) {
                languages.add("zh-Hans"); // liaisons write both scripts
                languages.add("zh-Hant");
            } else if (second != null) {
                languages.add(second.label);
            }
            staff.add(new Staff(id, role, languages));
            speaks.add(HomeLanguage.EN.bit() | (second == null ? 0 : second.bit()));
        }

        // ---- the broadcast calendar ----

        private void scheduleBroadcasts() {
            SplittableRandom r = random.split();
            int weeks = semester.weeks();
            districtBroadcasts = new ArrayList<>();
            // Conference week: a required notice, so it ignores phone opt-outs; live interpretation
            // for every language the district does not record in.
            addBroadcast(districtBroadcasts, semester.schoolDayOnOrAfter(
                    semester.dayOf(conferenceWeek, DayOfWeek.MONDAY)), 18 * 60 + 30, Channel.PHONE,
                    HomeLanguage.ES.bit(), false, true, false);
            for (int day : daysBeforeBreaks()) {
                addBroadcast(districtBroadcasts, day, 17 * 60, Channel.PHONE, HomeLanguage.ES.bit(),
                        false, false, true);
            }
            schoolBroadcasts = new ArrayList<>(schools.size());
            for (int s = 0; s < schools.size(); s++) {
                List<Broadcast> list = new ArrayList<>();
                for (int week = 0; week < weeks; week += 6) {
                    addBroadcast(list, schoolDayOnOrBefore(semester.dayOf(week, DayOfWeek.FRIDAY)),
                            15 * 60 + r.nextInt(120), Channel.EMAIL, translations(r), false, false, true);
                }
                for (int week = 3; week < weeks; week += 6) {
                    addBroadcast(list, semester.schoolDayOnOrAfter(semester.dayOf(week, DayOfWeek.WEDNESDAY)),
                            11 * 60 + r.nextInt(120), Channel.APP, 0, true, false, true);
                }
                // Conference sign-up: robocall, text and app post in three days, after the district's call.
                addBroadcast(list, semester.dayOf(conferenceWeek, DayOfWeek.TUESDAY), 18 * 60 + r.nextInt(30),
                        Channel.PHONE, HomeLanguage.ES.bit(), false, false, true);
                addBroadcast(list, semester.dayOf(conferenceWeek, DayOfWeek.WEDNESDAY), 17 * 60 + r.nextInt(30),
                        Channel.SMS, HomeLanguage.ES.bit(), false, false, true);
                addBroadcast(list, semester.dayOf(conferenceWeek, DayOfWeek.THURSDAY), 7 * 60 + r.nextInt(30),
                        Channel.APP, 0, true, false, true);
                schoolBroadcasts.add(list);
            }
        }

        private void addBroadcast(List<Broadcast> list, int day, int minute, Channel channel, int translations,
                                  boolean autoTranslated, boolean interpretedForAll, boolean honoursOptOut) {
            if (semester.inSemester(day)) {
                list.add(new Broadcast(day, minute, channel, translations, autoTranslated, interpretedForAll,
                        honoursOptOut));
            }
        }

        private int schoolDayOnOrBefore(int day) {
            int d = day;
            while (d >= 0 && !semester.isSchoolDay(d)) {
                d--;
            }
            return d;
        }

        /** The last school day before each run of two or more weekdays off (Thanksgiving). */
        private List<Integer> daysBeforeBreaks() {
            List<Integer> days = new ArrayList<>();
            int lastSchoolDay = -1;
            int dayBeforeRun = -1;
            int run = 0;
            for (int d = 0; d < semester.days; d++) {
                DayOfWeek weekday = semester.weekday(d);
                if (semester.isSchoolDay(d)) {
                    if (run >= 2 && dayBeforeRun >= 0) {
                        days.add(dayBeforeRun);
                    }
                    run = 0;
                    lastSchoolDay = d;
                } else if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
                    if (run++ == 0) {
                        dayBeforeRun = lastSchoolDay;
                    }
                }
            }
            return days;
        }

        /** Spanish nearly always; the other translated languages when the translator was on time. */
        private static int translations(SplittableRandom r) {
            int mask = r.nextDouble() < 0.95 ? HomeLanguage.ES.bit() : 0;
            for (HomeLanguage language : HomeLanguage.values()) {
                if (language.translation != null && language != HomeLanguage.ES && r.nextDouble() < 0.65) {
                    mask |= language.bit();
                }
            }
            return mask;
        }

        // ---- one family's semester ----

        /** Writes every contact and commitment of one family, from the family's own random stream. */
        private final class FamilyLog {
            private final Household h;
            private final int[] speaks;
            private final SplittableRandom r;
            private final int tag;
            private final int familyLanguageTag;

            FamilyLog(Household h, int[] speaks) {
                this.h = h;
                this.speaks = speaks;
                this.r = new SplittableRandom(h.seed);
                this.tag = tags.index(h.homeTag);
                // What the SIS knows: without a recorded language, mail merges default to English.
                this.familyLanguageTag = h.preference != null && !h.preference.languages().isEmpty()
                        ? tag : en;
                // Each student's teacher: the homeroom teacher in elementary school, advisory later on.
                for (int c = 0; c < h.studentSchools.length; c++) {
                    School school = schools.get(h.studentSchools[c]);
                    h.studentTeachers[c] = school.firstTeacher + r.nextInt(school.teachers);
                }
            }

            void write() {
                broadcasts();
                for (int c = 0; c < h.studentNumbers.length; c++) {
                    teacherContacts(c);
                    classThreads(c);
                }
                conferences();
                liaisonCheckIns();
                homeVisit();
                questions();
            }

            private void broadcasts() {
                for (Broadcast b : districtBroadcasts) {
                    broadcast(b);
                }
                for (int school : h.schools) {
                    for (Broadcast b : schoolBroadcasts.get(school)) {
                        broadcast(b);
                    }
                }
            }

            private void broadcast(Broadcast b) {
                boolean optedOut = h.optOut.contains(b.channel());
                switch (b.channel()) {
                    case EMAIL -> {
                        if (!h.hasEmail || optedOut) {
                            return;
                        }
                    }
                    case APP -> {
                        if (!h.hasApp || optedOut) {
                            return;
                        }
                    }
                    default -> {
                        if (optedOut && b.honoursOptOut()) {
                            return;
                        }
                    }
                }
                int language = en;
                boolean interpreted = false;
                if (familyLanguageTag != en) {
                    if ((b.translations() & h.language.bit()) != 0) {
                        language = tags.index(h.language.translation);
                    } else if (b.autoTranslated() && h.appTranslates || b.interpretedForAll()) {
                        interpreted = true;
                    }
                }
                log.add(semester.at(b.day(), b.minute(), 0), h.index, -1, -1, Direction.OUTBOUND, b.channel(),
                        Mode.BROADCAST, Tone.NEUTRAL, language, interpreted,
                        delivered(b.channel(), b.day(), true), false, -1);
            }

            /** Calls and messages from the student's teacher (and sometimes counselor or principal). */
            private void teacherContacts(int c) {
                int teacher = h.studentTeachers[c];
                School school = schools.get(h.studentSchools[c]);
                int warm = poisson(r, Rates.WARM_CONTACTS * h.reach * (h.deficitOnly ? 0.3 : 1));
                for (int i = 0; i < warm; i++) {
                    Tone tone = !h.deficitOnly && r.nextDouble() < Rates.POSITIVE_SHARE ? Tone.POSITIVE : Tone.NEUTRAL;
                    personal(c, teacher, semester.randomSchoolDay(r), teacherMinute(r), tone, false);
                }
                boolean troubled = h.deficitOnly && c == 0;
                int concerns = poisson(r, troubled ? Rates.TROUBLE_CONCERNS : Rates.CONCERNS);
                for (int i = 0; i < concerns; i++) {
                    int day = troubled ? semester.randomSchoolDayIn(r, h.troubleStart, Rates.TROUBLE_DAYS)
                            : semester.randomSchoolDay(r);
                    if (day < 0) {
                        continue;
                    }
                    double who = r.nextDouble();
                    int from = who < 0.7 ? teacher : who < 0.85 ? school.counselor : school.principal;
                    personal(c, from, day, teacherMinute(r), Tone.CONCERN, r.nextDouble() < Rates.COMMIT_ON_CONCERN);
                }
                if (troubled && r.nextDouble() < 0.5) {
                    int day = semester.randomSchoolDayIn(r, h.troubleStart + 7, Rates.TROUBLE_DAYS);
                    if (day >= 0) { // the attendance letter
                        log.add(semester.at(day, 10 * 60 + r.nextInt(240), r.nextInt(60)), h.index,
                                h.studentNumbers[c], school.office, Direction.OUTBOUND, Channel.LETTER, Mode.PERSONAL,
                                Tone.CONCERN, en, false, delivered(Channel.LETTER, day, false), false, -1);
                    }
                }
            }

            /** A personal outbound contact; an unanswered call is sometimes tried again the next day. */
            private void personal(int c, int from, int day, int minute, Tone tone, boolean promise) {
                Channel channel = personalChannel();
                int lang = personalLanguage(from);
                boolean delivered = delivered(channel, day, false);
                long at = semester.at(day, minute, r.nextInt(60));
                log.add(at, h.index, h.studentNumbers[c], from, Direction.OUTBOUND, channel, Mode.PERSONAL, tone,
                        lang >> 1, (lang & 1) != 0, delivered, false, -1);
                if (!delivered && channel == Channel.PHONE && r.nextDouble() < 0.4) {
                    int next = semester.nthSchoolDayAfter(day, 1);
                    if (semester.inSemester(next)) {
                        personal(c, from, next, teacherMinute(r), tone, promise);
                    }
                    return;
                }
                if (promise && delivered) {
                    promise(from, c, at, day);
                }
            }

            /** The class app thread: many-to-many, families can answer. App families only. */
            private void classThreads(int c) {
                if (!h.hasApp || h.optOut.contains(Channel.APP)) {
                    return;
                }
                School school = schools.get(h.studentSchools[c]);
                int every = school.level == Level.ELEMENTARY ? 28 : 56;
                for (int start = r.nextInt(every); start < semester.days; start += every) {
                    int day = semester.randomSchoolDayIn(r, start, 7);
                    if (day < 0) {
                        continue;
                    }
                    log.add(semester.at(day, teacherMinute(r), r.nextInt(60)), h.index, h.studentNumbers[c],
                            h.studentTeachers[c], Direction.OUTBOUND, Channel.APP, Mode.RECIPROCAL, Tone.NEUTRAL,
                            en, h.appTranslates, delivered(Channel.APP, day, false), false, -1);
                }
            }

            /** One conference per school, Thursday afternoon and evening or Friday during the day. */
            private void conferences() {
                double attend = h.language.conference * (h.unstable ? 0.4 : 1) * (h.frl ? 0.92 : 1);
                for (int school : h.schools) {
                    if (r.nextDouble() >= attend) {
                        continue;
                    }
                    int c = firstStudentAt(school);
                    int teacher = h.studentTeachers[c];
                    int[] slot = conferenceSlot();
                    if (slot == null) {
                        return;
                    }
                    Channel channel = r.nextDouble() < 0.12 ? Channel.VIDEO : Channel.IN_PERSON;
                    int lang = conferenceLanguage(teacher);
                    boolean showed = r.nextDouble() >= 0.1;
                    Tone tone = h.deficitOnly ? Tone.CONCERN : pickTone(0.6, 0.32);
                    long at = semester.at(slot[0], slot[1], 0);
                    log.add(at, h.index, h.studentNumbers[c], teacher, Direction.OUTBOUND, channel, Mode.PERSONAL,
                            tone, lang >> 1, (lang & 1) != 0, showed, false, -1);
                    if (showed && r.nextDouble() < Rates.COMMIT_AT_CONFERENCE) {
                        promise(teacher, c, at, slot[0]);
                    }
                }
            }

            /**
             * Like {@link #personalLanguage} for a meeting: a family that asked for an interpreter
             * usually gets one when the district has interpreters for its language.
             */
            private int conferenceLanguage(int teacher) {
                if (!h.needsLanguageSupport()) {
                    return en << 1;
                }
                if (speaks(teacher)) {
                    return tag << 1;
                }
                boolean requested = h.preference != null && h.preference.interpreter();
                double present = requested ? (h.language.liaison ? 0.85 : 0.3) : 0.2;
                return r.nextDouble() < present ? (en << 1) | 1 : en << 1;
            }

            /** {day, minute}: a slot in one of the family's windows when it can, else any slot. */
            private int[] conferenceSlot() {
                int thursday = semester.dayOf(conferenceWeek, DayOfWeek.THURSDAY);
                int friday = thursday + 1;
                if (!semester.inSemester(thursday) || !semester.inSemester(friday)) {
                    return null;
                }
                boolean fit = !h.windows.isEmpty() && r.nextDouble() < 0.7;
                for (int attempt = 0; attempt < (fit ? 20 : 1); attempt++) {
                    boolean onThursday = r.nextBoolean();
                    int day = onThursday ? thursday : friday;
                    // 20-minute slots: Thursday 12:00-19:40, Friday 08:00-14:40.
                    int minute = onThursday ? 12 * 60 + 20 * r.nextInt(23) : 8 * 60 + 20 * r.nextInt(21);
                    if (!fit || withinWindows(day, minute)) {
                        return new int[] {day, minute};
                    }
                }
                return new int[] {thursday, 12 * 60 + 20 * r.nextInt(23)};
            }

            private boolean withinWindows(int day, int minute) {
                DayOfWeek weekday = semester.weekday(day);
                LocalTime time = LocalTime.of(minute / 60, minute % 60);
                for (ReachableWindow window : h.windows) {
                    if (window.holds(weekday, time)) {
                        return true;
                    }
                }
                return false;
            }

            /** Family liaisons call families in their language, in the evening. */
            private void liaisonCheckIns() {
                int[] pool = liaisons.get(h.language);
                if (pool == null || !h.needsLanguageSupport()) {
                    return;
                }
                int liaison = pool[h.index % pool.length];
                int calls = poisson(r, 1.2 * (h.unstable ? 0.5 : 1));
                for (int i = 0; i < calls; i++) {
                    int day = semester.randomSchoolDay(r);
                    Channel channel = r.nextDouble() < 0.65 ? Channel.PHONE : Channel.SMS;
                    Tone tone = !h.deficitOnly && r.nextDouble() < 0.4 ? Tone.POSITIVE : Tone.NEUTRAL;
                    log.add(semester.at(day, liaisonMinute(r), r.nextInt(60)), h.index, h.studentNumbers[0],
                            liaison, Direction.OUTBOUND, channel, Mode.PERSONAL, tone, tag, false,
                            delivered(channel, day, false), false, -1);
                }
            }

            /** The school counselor, as McKinney-Vento liaison, visits some families without stable housing. */
            private void homeVisit() {
                if (!h.unstable || r.nextDouble() >= 0.3) {
                    return;
                }
                int day = semester.randomSchoolDay(r);
                int counselor = schools.get(h.studentSchools[0]).counselor;
                int lang = personalLanguage(counselor);
                log.add(semester.at(day, liaisonMinute(r), 0), h.index, h.studentNumbers[0], counselor,
                        Direction.OUTBOUND, Channel.HOME_VISIT, Mode.PERSONAL, Tone.NEUTRAL, lang >> 1,
                        (lang & 1) != 0, r.nextDouble() < 0.55, false, -1);
            }

            /** Questions and notes from the family, and the school's replies (or silence). */
            private void questions() {
                int count = poisson(r, Rates.INBOUND * (h.needsLanguageSupport() ? 0.75 : 1) * (h.unstable ? 0.8 : 1));
                for (int i = 0; i < count; i++) {
                    int day = r.nextDouble() < 0.12 ? weekendDay() : semester.randomSchoolDay(r);
                    if (day < 0) {
                        continue;
                    }
                    int c = r.nextInt(h.studentNumbers.length);
                    Channel channel = inboundChannel();
                    int to = channel == Channel.PHONE ? schools.get(h.studentSchools[c]).office : h.studentTeachers[c];
                    boolean awaits = r.nextDouble() < Rates.AWAITS_REPLY;
                    int language = h.bilingual && r.nextBoolean() ? en : tag;
                    Tone tone = pickTone(0.05, 0.70);
                    int minute = familyMinute(r);
                    long at = semester.at(day, minute, r.nextInt(60));
                    int question = log.add(at, h.index, r.nextDouble() < 0.9 ? h.studentNumbers[c] : -1, to,
                            Direction.INBOUND, channel, Mode.PERSONAL, tone, language, false, true, awaits, -1);
                    if (awaits) {
                        reply(question, c, at, day, minute, channel);
                    }
                }
            }

            private void reply(int question, int c, long askedAt, int day, int askedMinute, Channel channel) {
                int teacher = h.studentTeachers[c];
                int responder = teacher;
                int lang;
                double onTime;
                double late;
                int[] pool = liaisons.get(h.language);
                if (!h.needsLanguageSupport() || speaks(teacher)) {
                    lang = h.needsLanguageSupport() ? tag << 1 : en << 1;
                    onTime = 0.86;
                    late = 0.08;
                } else if (pool != null) {
                    // It waits for a liaison, or for the teacher to find a translation tool.
                    boolean byLiaison = r.nextDouble() < 0.6;
                    responder = byLiaison ? pool[h.index % pool.length] : teacher;
                    lang = byLiaison ? tag << 1 : (en << 1) | 1;
                    onTime = 0.55;
                    late = 0.30;
                } else {
                    lang = r.nextDouble() < 0.3 ? (en << 1) | 1 : en << 1;
                    onTime = 0.22;
                    late = 0.30;
                }
                if (h.unstable) {
                    onTime *= 0.55; // the question sits until someone finds a number that still works
                }
                double x = r.nextDouble();
                if (x >= onTime + late) {
                    return; // never answered
                }
                int replyDay;
                int minute;
                if (x < onTime) {
                    int ahead = pick(r, 0.4, 0.4, 0.2);
                    replyDay = ahead == 0 ? semester.schoolDayOnOrAfter(day) : semester.nthSchoolDayAfter(day, ahead);
                } else {
                    replyDay = semester.nthSchoolDayAfter(day, 3 + r.nextInt(5));
                }
                if (replyDay == day && askedMinute >= 19 * 60) {
                    replyDay = semester.nthSchoolDayAfter(day, 1); // too late in the day: first thing next
                }
                if (!semester.inSemester(replyDay)) {
                    return;
                }
                minute = teacherMinute(r);
                if (replyDay == day && minute <= askedMinute) {
                    minute = askedMinute + 10 + r.nextInt(110); // the same day, shortly after the question
                }
                long at = semester.at(replyDay, minute, r.nextInt(60));
                boolean delivered = delivered(channel, replyDay, false); // on the channel the family used
                boolean named = r.nextDouble() < 0.85; // some systems do not thread replies
                log.add(at, h.index, h.studentNumbers[c], responder, Direction.OUTBOUND, channel, Mode.PERSONAL,
                        Tone.NEUTRAL, lang >> 1, (lang & 1) != 0, delivered, false, named ? question : -1);
                if (delivered && r.nextDouble() < Rates.COMMIT_ON_REPLY) {
                    promise(responder, c, at, replyDay);
                }
            }

            /**
             * A promise made during a contact at {@code at} ("I'll call you back by Thursday"), recorded a
             * few minutes after it, then kept, kept late or broken; the excluded get more broken ones.
             */
            private void promise(int from, int c, long at, int day) {
                int dueDay = semester.nthSchoolDayAfter(day, 2 + r.nextInt(3));
                if (dueDay < 0) {
                    return;
                }
                long madeAt = at + 300 + r.nextInt(900);
                long dueBy = semester.at(dueDay, 17 * 60, 0);
                boolean neglected = h.excluded() || h.needsLanguageSupport() && !h.language.liaison;
                int outcome = neglected ? pick(r, 0.45, 0.2, 0.35) : pick(r, 0.78, 0.12, 0.10);
                int followUp = -1;
                if (outcome < 2) {
                    int followDay = outcome == 0 ? semester.randomSchoolDayIn(r, day + 1, dueDay - day)
                            : semester.nthSchoolDayAfter(dueDay, 1 + r.nextInt(5));
                    if (outcome == 0 && followDay < 0) {
                        followDay = dueDay;
                    }
                    if (semester.inSemester(followDay)) {
                        int minute = Math.min(teacherMinute(r), 16 * 60 + 30);
                        Channel channel = r.nextDouble() < 0.7 ? Channel.PHONE : Channel.SMS;
                        int lang = personalLanguage(from);
                        // Whoever follows up keeps trying until the family answers, unless the number is dead.
                        followUp = log.add(semester.at(followDay, minute, r.nextInt(60)), h.index, h.studentNumbers[c],
                                from, Direction.OUTBOUND, channel, Mode.PERSONAL,
                                r.nextDouble() < 0.3 ? Tone.POSITIVE : Tone.NEUTRAL, lang >> 1, (lang & 1) != 0,
                                followDay < h.staleFrom, false, -1);
                    }
                }
                boolean named = followUp >= 0 && r.nextDouble() < (outcome == 0 ? 0.6 : 0.5);
                promises.add(h.index, from, madeAt, dueBy, named ? followUp : -1);
            }

            // ---- choices ----

            private Channel personalChannel() {
                double x = r.nextDouble();
                List<Channel> listed = h.channels;
                if (!listed.isEmpty() && x < 0.70) {
                    return listed.get(0);
                }
                if (listed.size() > 1 && x < 0.85) {
                    return listed.get(1);
                }
                // The teacher's habit, whatever the family said.
                double habit = r.nextDouble();
                if (h.hasEmail && habit < 0.5) {
                    return Channel.EMAIL;
                }
                return habit < 0.75 ? Channel.PHONE : Channel.SMS;
            }

            private Channel inboundChannel() {
                for (Channel channel : h.channels) {
                    if (r.nextDouble() < 0.6) {
                        return channel;
                    }
                }
                double x = r.nextDouble();
                if (h.hasEmail && x < 0.25) {
                    return Channel.EMAIL;
                }
                if (h.hasApp && x < 0.35) {
                    return Channel.APP;
                }
                return x < 0.7 ? Channel.SMS : Channel.PHONE;
            }

            /**
             * The language of a personal contact from {@code from}, packed as {@code tag << 1 | interpreted}:
             * the family's language when the staff member speaks it, English with an interpreter or a
             * translation tool some of the time, and plain English otherwise.
             */
            private int personalLanguage(int from) {
                if (!h.needsLanguageSupport()) {
                    return en << 1;
                }
                if (speaks(from)) {
                    return tag << 1;
                }
                double interpreter = h.language.liaison ? 0.55 : 0.3;
                return r.nextDouble() < interpreter ? (en << 1) | 1 : en << 1;
            }

            private boolean speaks(int member) {
                return (speaks[member] & h.language.bit()) != 0;
            }

            private Tone pickTone(double positive, double neutral) {
                double x = r.nextDouble();
                return x < positive ? Tone.POSITIVE : x < positive + neutral ? Tone.NEUTRAL : Tone.CONCERN;
            }

            private int weekendDay() {
                int day = semester.randomDay(r);
                for (int d = day; d < day + 7; d++) {
                    if (semester.inSemester(d)) {
                        DayOfWeek weekday = semester.weekday(d);
                        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
                            return d;
                        }
                    }
                }
                return -1;
            }

            private int firstStudentAt(int school) {
                for (int c = 0; c < h.studentSchools.length; c++) {
                    if (h.studentSchools[c] == school) {
                        return c;
                    }
                }
                throw new IllegalStateException("no student at school " + school);
            }

            /**
             * Whether a contact reached the family. Calls go unanswered, e-mail bounces, letters come
             * back; twice as often for families without stable housing, and always once the contact
             * details on file have gone stale (the app, tied to a login, still works).
             */
            private boolean delivered(Channel channel, int day, boolean broadcast) {
                double failure = switch (channel) {
                    case PHONE -> broadcast ? 0.12 : Rates.UNANSWERED_CALL;
                    case SMS -> 0.05;
                    case EMAIL -> h.hasEmail ? 0.06 : 1;
                    case APP -> 0.01;
                    case LETTER -> 0.02;
                    case HOME_VISIT -> 0.2;
                    case IN_PERSON, VIDEO -> 0.1;
                };
                if (day >= h.staleFrom && (channel == Channel.PHONE || channel == Channel.SMS
                        || channel == Channel.EMAIL || channel == Channel.LETTER)) {
                    return false;
                }
                if (h.unstable) {
                    failure = channel == Channel.LETTER ? 0.35 : failure * 2;
                }
                return r.nextDouble() >= failure;
            }
        }

        // ---- assembling the dataset ----

        private Dataset build() {
            int size = log.size;
            TimeOrder order = new TimeOrder(log.at, size);
            int width = Math.max(7, digits(size));
            String[] contactIds = new String[size];
            for (int i = 0; i < size; i++) {
                contactIds[i] = id("k-", i + 1, width);
            }
            Instant[] instants = order.instants();
            int[] rank = order.ranks();
            // Every contact states its language, English included: a contact without one would be
            // copied by Dataset.of to fill in the default, which at two million contacts costs
            // more in garbage collection than the tag check it saves.
            String[] languageTags = tags.all();
            Direction[] directions = Direction.values();
            Channel[] channels = Channel.values();
            Mode[] modes = Mode.values();
            Tone[] tones = Tone.values();
            // Walk the columns in order (cache friendly) and drop each contact into its place in time.
            Contact[] contacts = new Contact[size];
            for (int k = 0; k < size; k++) {
                int flags = log.flags[k];
                int student = log.student[k];
                int member = log.staff[k];
                int replyTo = log.replyTo[k];
                contacts[rank[k]] = new Contact(contactIds[rank[k]], households.get(log.family[k]).id,
                        student < 0 ? null : studentIds.get(student),
                        member < 0 ? null : staff.get(member).id(),
                        instants[rank[k]],
                        directions[flags & 1], channels[(flags >> 1) & 7], modes[(flags >> 4) & 3],
                        tones[(flags >> 6) & 3], languageTags[(flags >> 16) & 0xFF],
                        (flags & ContactLog.INTERPRETED) != 0, (flags & ContactLog.DELIVERED) != 0,
                        (flags & ContactLog.AWAITS_REPLY) != 0, replyTo < 0 ? null : contactIds[rank[replyTo]]);
            }
            int[] promiseOrder = new TimeOrder(promises.madeAt, promises.size).positions();
            int promiseWidth = Math.max(6, digits(promiseOrder.length));
            List<Commitment> commitments = new ArrayList<>(promiseOrder.length);
            for (int i = 0; i < promiseOrder.length; i++) {
                int p = promiseOrder[i];
                int member = promises.staff[p];
                int fulfilledBy = promises.fulfilledBy[p];
                commitments.add(new Commitment(id("m-", i + 1, promiseWidth), households.get(promises.family[p]).id,
                        member < 0 ? null : staff.get(member).id(), Instant.ofEpochSecond(promises.madeAt[p]),
                        Instant.ofEpochSecond(promises.dueBy[p]),
                        fulfilledBy < 0 ? null : contactIds[rank[fulfilledBy]]));
            }
            List<Family> families = new ArrayList<>(households.size());
            for (Household h : households) {
                families.add(h.family);
            }
            District district = new District(DISTRICT_ID, DISTRICT_NAME, TIME_ZONE, District.DEFAULT_LANGUAGE,
                    District.DEFAULT_WEEKEND, semester.holidays);
            return Dataset.of(district, staff, families, Arrays.asList(contacts), commitments);
        }
    }

    private static final String[] FIRST_CAREGIVERS = {
        "MOTHER", "FATHER", "GRANDMOTHER", "GUARDIAN", "AUNT", "FOSTER_PARENT"};
    private static final String[] SECOND_CAREGIVERS = {"FATHER", "STEPFATHER", "MOTHER", "GRANDMOTHER", "GRANDFATHER"};

    // ---------------------------------------------------------------------------------------
    // Compact logs: millions of contacts as primitive columns until ids can be given in time order.
    // ---------------------------------------------------------------------------------------

    /** Language tags as small integers, in first-use order (deterministic). */
    private static final class Tags {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> tags = new ArrayList<>();

        int index(String tag) {
            Integer known = index.get(tag);
            if (known != null) {
                return known;
            }
            if (tags.size() == 256) {
                throw new IllegalStateException("more than 256 language tags");
            }
            index.put(tag, tags.size());
            tags.add(tag);
            return tags.size() - 1;
        }

        String[] all() {
            return tags.toArray(new String[0]);
        }
    }

    /**
     * Contacts as columns: about 30 bytes each instead of a few hundred, and ids are given only
     * once all are known, in time order.
     */
    private static final class ContactLog {
        static final int INTERPRETED = 1 << 8;
        static final int DELIVERED = 1 << 9;
        static final int AWAITS_REPLY = 1 << 10;

        long[] at;
        int[] family;
        int[] student;
        int[] staff;
        int[] replyTo;
        /** direction (bit 0), channel (1-3), mode (4-5), tone (6-7), booleans (8-10), language tag (16-23). */
        int[] flags;
        int size;

        ContactLog(int capacity) {
            int initial = Math.max(64, capacity);
            at = new long[initial];
            family = new int[initial];
            student = new int[initial];
            staff = new int[initial];
            replyTo = new int[initial];
            flags = new int[initial];
        }

        int add(long when, int familyIndex, int studentIndex, int staffIndex, Direction direction, Channel channel,
                Mode mode, Tone tone, int language, boolean interpreted, boolean delivered, boolean awaitsReply,
                int replyToIndex) {
            if (size == at.length) {
                int grown = size + (size >> 1);
                at = Arrays.copyOf(at, grown);
                family = Arrays.copyOf(family, grown);
                student = Arrays.copyOf(student, grown);
                staff = Arrays.copyOf(staff, grown);
                replyTo = Arrays.copyOf(replyTo, grown);
                flags = Arrays.copyOf(flags, grown);
            }
            at[size] = when;
            family[size] = familyIndex;
            student[size] = studentIndex;
            staff[size] = staffIndex;
            replyTo[size] = replyToIndex;
            flags[size] = direction.ordinal() | channel.ordinal() << 1 | mode.ordinal() << 4 | tone.ordinal() << 6
                    | (interpreted ? INTERPRETED : 0)
                    | (delivered || direction == Direction.INBOUND ? DELIVERED : 0)
                    | (awaitsReply && direction == Direction.INBOUND ? AWAITS_REPLY : 0)
                    | language << 16;
            return size++;
        }
    }

    /** Commitments as columns, like {@link ContactLog}. */
    private static final class PromiseLog {
        int[] family = new int[64];
        int[] staff = new int[64];
        long[] madeAt = new long[64];
        long[] dueBy = new long[64];
        int[] fulfilledBy = new int[64];
        int size;

        void add(int familyIndex, int staffIndex, long made, long due, int fulfilledByIndex) {
            if (size == family.length) {
                int grown = size * 2;
                family = Arrays.copyOf(family, grown);
                staff = Arrays.copyOf(staff, grown);
                madeAt = Arrays.copyOf(madeAt, grown);
                dueBy = Arrays.copyOf(dueBy, grown);
                fulfilledBy = Arrays.copyOf(fulfilledBy, grown);
            }
            family[size] = familyIndex;
            staff[size] = staffIndex;
            madeAt[size] = made;
            dueBy[size] = due;
            fulfilledBy[size] = fulfilledByIndex;
            size++;
        }
    }

    /**
     * Positions {@code 0..size-1} ordered by time, ties by position: one primitive sort of
     * {@code (seconds since the earliest) << 32 | position}, cheaper than sorting objects.
     */
    private static final class TimeOrder {
        private final long[] keys;
        private final long earliest;

        TimeOrder(long[] times, int size) {
            long min = Long.MAX_VALUE;
            for (int i = 0; i < size; i++) {
                min = Math.min(min, times[i]);
            }
            earliest = min;
            keys = new long[size];
            for (int i = 0; i < size; i++) {
                long offset = times[i] - earliest;
                if (offset >= 1L << 31) {
                    throw new IllegalStateException("times span more than 68 years");
                }
                keys[i] = offset << 32 | i;
            }
            Arrays.sort(keys);
        }

        /** The positions in time order. */
        int[] positions() {
            int[] positions = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                positions[i] = (int) keys[i];
            }
            return positions;
        }

        /** For each position, its place in time order. */
        int[] ranks() {
            int[] ranks = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                ranks[(int) keys[i]] = i;
            }
            return ranks;
        }

        /**
         * The instants in time order, one object per distinct second: every family's copy of a
         * broadcast shares one, which saves a million objects at benchmark size.
         */
        Instant[] instants() {
            Instant[] instants = new Instant[keys.length];
            Instant previous = null;
            long previousOffset = -1;
            for (int i = 0; i < keys.length; i++) {
                long offset = keys[i] >>> 32;
                if (offset != previousOffset) {
                    previous = Instant.ofEpochSecond(earliest + offset);
                    previousOffset = offset;
                }
                instants[i] = previous;
            }
            return instants;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Small helpers.
    // ---------------------------------------------------------------------------------------

    /** Teachers call before school, in a planning period, after school, and sometimes at night. */
    private static int teacherMinute(SplittableRandom r) {
        return switch (pick(r, 0.10, 0.30, 0.45, 0.15)) {
            case 0 -> 7 * 60 + 30 + r.nextInt(30);
            case 1 -> 10 * 60 + r.nextInt(270);
            case 2 -> 15 * 60 + 15 + r.nextInt(105);
            default -> 18 * 60 + r.nextInt(105);
        };
    }

    /** Liaisons work into the evening, when working families can talk. */
    private static int liaisonMinute(SplittableRandom r) {
        return r.nextDouble() < 0.35 ? 9 * 60 + r.nextInt(420) : 16 * 60 + r.nextInt(210);
    }

    /** Families write and call before work, in the day, and mostly in the evening. */
    private static int familyMinute(SplittableRandom r) {
        return switch (pick(r, 0.25, 0.35, 0.40)) {
            case 0 -> 6 * 60 + 30 + r.nextInt(120);
            case 1 -> 8 * 60 + 30 + r.nextInt(450);
            default -> 16 * 60 + r.nextInt(360);
        };
    }

    /** An index drawn with the given weights (which need not sum to one). */
    private static int pick(SplittableRandom r, double... weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Knuth's method: fine for the small means used here. */
    private static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= r.nextDouble();
            k++;
        }
        return k;
    }

    private static int digits(long n) {
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
