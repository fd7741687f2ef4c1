package org.familyengagement.sample;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Family;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.Restriction;
import org.familyengagement.model.Staff;
import org.familyengagement.model.StaffRole;
import org.familyengagement.model.Student;

import static org.familyengagement.sample.Draws.pick;
import static org.familyengagement.sample.SampleDistrict.digits;
import static org.familyengagement.sample.SampleDistrict.id;

/**
 * The district's people: its schools, its families by home language (students, caregivers,
 * contact preferences and declared groups) and its staff, drawn in that order from the
 * generator's random stream.
 */
final class Population {
    /**
     * Home languages with the share of families and what the district offers each. The
     * {@code reach} factor scales how often staff contact the family personally; it and the
     * absence of translation and bilingual staff are where the built-in equity gap comes from.
     */
    enum HomeLanguage {
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

    enum Level {
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
    static final class Rates {
        static final double STUDENTS_PER_FAMILY = 1.75;
        static final double STUDENTS_PER_TEACHER = 22;
        static final double STUDENTS_PER_COUNSELOR = 400;
        static final double FAMILIES_PER_LIAISON = 400;
        /** Teacher contacts that are not about a problem, per student per semester, at reach 1. */
        static final double WARM_CONTACTS = 1.3;
        /** Students whose teacher sends a personal progress note with the report card, at reach 1. */
        static final double PROGRESS_NOTE = 0.5;
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
        /** Students with an IEP: 14-15% of US public school students (NCES, 2021-22 and 2022-23). */
        static final double IEP = 0.145;
        /** Families whose second caregiver lives in another household (joint custody, separated parents). */
        static final double SECOND_HOUSEHOLD = 0.15;
        /** Second households that read another language than the one the school writes to the family in. */
        static final double SECOND_HOUSEHOLD_LANGUAGE = 0.3;
        /** Second caregivers the school must not contact (a court order or custody arrangement). */
        static final double NO_CONTACT = 0.008;
        /** Restricted caregivers still on a teacher's messaging list: the flag never reached it. */
        static final double NO_CONTACT_IGNORED = 0.5;
        /** Families who need language support and ask for an interpreter (about the EL share of students). */
        static final double INTERPRETER_REQUESTED = 0.62;
        static final double INTERPRETER_REQUESTED_BILINGUAL = 0.05;
    }

    /** A school with its staff, as indices into the staff list. */
    static final class School {
        final int index;
        final String id;
        final String name;
        final Level level;
        int enrolment;
        int firstTeacher;
        int teachers;
        int counselor;
        int principal;
        int office;

        School(int index, String id, String name, Level level) {
            this.index = index;
            this.id = id;
            this.name = name;
            this.level = level;
        }
    }

    /** A family while it is generated: its record plus what drives its contacts. */
    static final class Household {
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
        /** Bit {@code c} set: student {@code c} has an IEP. */
        int iep;
        /** The second caregiver lives in another household, with its own preference. */
        boolean secondHousehold;
        /** The language the second household reads, when it is not the family's ({@code null} otherwise). */
        HomeLanguage secondLanguage;
        /** The second household's own preference, or {@code null}. */
        Preference secondPreference;
        /** The second caregiver is {@code NO_CONTACT}. */
        boolean restricted;
        /** ... and still on a teacher's messaging list. */
        boolean restrictionIgnored;

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

        /** The second caregiver's household reads a language the school does not write to the family in. */
        boolean secondReadsOtherLanguage() {
            return secondLanguage != null;
        }

        /** The groups the district cannot serve in their language and that its staff neglect. */
        boolean excluded() {
            return unstable || language == HomeLanguage.SO || language == HomeLanguage.HT;
        }
    }

    private static final String[] ELEMENTARY_NAMES = {
        "Lincoln", "Riverside", "Maple Grove", "Washington", "Cedar Park", "Hillcrest", "Jefferson", "Oak Hollow",
        "Sunnyside", "Prairie View", "Willow Creek", "Franklin", "Lakeview", "Pine Ridge", "Garfield", "Meadowbrook"};
    private static final String[] MIDDLE_NAMES = {
        "Roosevelt", "Riverbend", "Eastgate", "Harriet Tubman", "Kennedy", "Northview", "Sequoyah", "Westfield"};
    private static final String[] HIGH_NAMES = {
        "Riverbend", "Eastside", "Central", "Westview", "Northridge", "Southport", "Heritage", "Lakeside"};

    private static final String[] FIRST_CAREGIVERS = {
        "MOTHER", "FATHER", "GRANDMOTHER", "GUARDIAN", "AUNT", "FOSTER_PARENT"};
    private static final String[] SECOND_CAREGIVERS = {"FATHER", "STEPFATHER", "MOTHER", "GRANDMOTHER", "GRANDFATHER"};

    private final SplittableRandom random;
    private final int familyCount;
    private final Semester semester;
    final List<School> schools = new ArrayList<>();
    final List<Staff> staff = new ArrayList<>();
    final List<Household> households;
    final List<String> studentIds = new ArrayList<>();
    /** The family liaisons of each home language that has any, as indices into the staff list. */
    final Map<HomeLanguage, int[]> liaisons = new EnumMap<>(HomeLanguage.class);
    /** For each staff member, a bit set of the home languages they speak. */
    final int[] speaks;

    /** Creates the schools, then the families, then the staff, drawing from {@code random}. */
    Population(SplittableRandom random, int familyCount, Semester semester) {
        this.random = random;
        this.familyCount = familyCount;
        this.semester = semester;
        this.households = new ArrayList<>(familyCount);
        createSchools();
        createHouseholds();
        this.speaks = createStaff();
    }

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
                schools.add(new School(schools.size(), id("sch-", ++number, width), schoolName(level, i), level));
            }
        }
    }

    /** "Lincoln Elementary", "Roosevelt Middle School", "Riverbend High School"; numbered once the names run out. */
    private static String schoolName(Level level, int i) {
        String[] names = switch (level) {
            case ELEMENTARY -> ELEMENTARY_NAMES;
            case MIDDLE -> MIDDLE_NAMES;
            case HIGH -> HIGH_NAMES;
        };
        String kind = switch (level) {
            case ELEMENTARY -> " Elementary";
            case MIDDLE -> " Middle School";
            case HIGH -> " High School";
        };
        String name = names[i % names.length] + kind;
        return i < names.length ? name : name + " " + (i / names.length + 1);
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
                if (r.nextDouble() < Rates.IEP) {
                    h.iep |= 1 << c;
                }
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
            boolean second = r.nextDouble() < (unstable ? 0.4 : 0.65);

            h.preference = preference(h, r);
            if (h.preference != null) {
                h.channels = h.preference.channels();
                h.optOut = h.preference.optOut();
                h.windows = h.preference.reachable();
            }
            if (second) {
                caregivers.add(secondCaregiver(h, r, id("c-", ++caregiverNumber, personWidth)));
            }
            Map<String, String> groups = new TreeMap<>();
            groups.put("homeLanguage", language.label);
            groups.put("income", frl ? "frl" : "not-frl");
            groups.put("housing", unstable ? "unstable" : "stable");
            h.family = new Family(h.id, students, caregivers, h.preference, groups);
            households.add(h);
        }
    }

    /**
     * The second caregiver: usually in the same household; sometimes in another one with its own
     * preference (a third of those read another language than the one the school writes to the
     * family in); rarely {@code NO_CONTACT}, and then sometimes still on a teacher's messaging list.
     */
    private static Caregiver secondCaregiver(Household h, SplittableRandom r, String id) {
        String relationship = SECOND_CAREGIVERS[pick(r, 0.75, 0.08, 0.05, 0.07, 0.05)];
        if (r.nextDouble() < Rates.NO_CONTACT) {
            h.restricted = true;
            h.restrictionIgnored = r.nextDouble() < Rates.NO_CONTACT_IGNORED;
            return new Caregiver(id, relationship, null, Restriction.NO_CONTACT);
        }
        if (r.nextDouble() >= Rates.SECOND_HOUSEHOLD) {
            return new Caregiver(id, relationship);
        }
        h.secondHousehold = true;
        List<String> languages = new ArrayList<>(2);
        boolean otherLanguage = r.nextDouble() < Rates.SECOND_HOUSEHOLD_LANGUAGE;
        if (!otherLanguage) {
            languages.add(h.homeTag);
            if (h.bilingual && h.language != HomeLanguage.EN) {
                languages.add("en");
            }
        } else if (h.language == HomeLanguage.EN) {
            // An English-speaking family, a father across town who reads Spanish (or Vietnamese, Arabic...).
            h.secondLanguage = switch (pick(r, 0.6, 0.1, 0.1, 0.1, 0.1)) {
                case 0 -> HomeLanguage.ES;
                case 1 -> HomeLanguage.VI;
                case 2 -> HomeLanguage.AR;
                case 3 -> HomeLanguage.SO;
                default -> HomeLanguage.PT;
            };
            languages.add(h.secondLanguage.tags[0]);
        } else if (h.bilingual) {
            // A bilingual family the school writes to in English; the other household reads the home language only.
            h.secondLanguage = h.language;
            languages.add(h.homeTag);
        } else {
            // A family that reads its home language only; a stepparent elsewhere who reads English only.
            h.secondLanguage = HomeLanguage.EN;
            languages.add("en");
        }
        List<Channel> channels = r.nextDouble() < 0.7 ? List.of(Channel.SMS, Channel.PHONE) : List.of(Channel.PHONE);
        List<ReachableWindow> windows = r.nextDouble() < 0.6
                ? List.of(eveningWindow(r, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) : List.of();
        boolean interpreter = h.secondLanguage != null && h.secondLanguage != HomeLanguage.EN && r.nextDouble() < 0.5;
        h.secondPreference = new Preference(languages, channels, Set.of(), windows, interpreter);
        return new Caregiver(id, relationship, h.secondPreference, Restriction.NONE);
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
        boolean interpreter = h.needsLanguageSupport() ? r.nextDouble() < Rates.INTERPRETER_REQUESTED
                : h.language != HomeLanguage.EN && r.nextDouble() < Rates.INTERPRETER_REQUESTED_BILINGUAL;
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
}
