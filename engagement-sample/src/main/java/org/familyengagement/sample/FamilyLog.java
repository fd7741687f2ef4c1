package org.familyengagement.sample;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Mode;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.Tone;
import org.familyengagement.sample.Broadcasts.Broadcast;
import org.familyengagement.sample.ContactLog.PromiseLog;
import org.familyengagement.sample.ContactLog.Tags;
import org.familyengagement.sample.Population.HomeLanguage;
import org.familyengagement.sample.Population.Household;
import org.familyengagement.sample.Population.Level;
import org.familyengagement.sample.Population.Rates;
import org.familyengagement.sample.Population.School;

import static org.familyengagement.sample.Draws.familyMinute;
import static org.familyengagement.sample.Draws.liaisonMinute;
import static org.familyengagement.sample.Draws.pick;
import static org.familyengagement.sample.Draws.poisson;
import static org.familyengagement.sample.Draws.teacherMinute;

/** Writes every contact and commitment of one family, from the family's own random stream. */
final class FamilyLog {
    private final Semester semester;
    private final Tags tags;
    private final List<School> schools;
    private final Map<HomeLanguage, int[]> liaisons;
    private final List<Broadcast> districtBroadcasts;
    private final List<List<Broadcast>> schoolBroadcasts;
    private final int conferenceWeek;
    private final ContactLog log;
    private final PromiseLog promises;
    /** The tag index of English. */
    private final int en;
    private final Household h;
    private final int[] speaks;
    private final SplittableRandom r;
    private final int tag;
    private final int familyLanguageTag;

    FamilyLog(Generator g, Household h) {
        this.semester = g.semester;
        this.tags = g.tags;
        this.schools = g.population.schools;
        this.liaisons = g.population.liaisons;
        this.districtBroadcasts = g.broadcasts.districtBroadcasts;
        this.schoolBroadcasts = g.broadcasts.schoolBroadcasts;
        this.conferenceWeek = g.conferenceWeek;
        this.log = g.log;
        this.promises = g.promises;
        this.en = g.en;
        this.h = h;
        this.speaks = g.population.speaks;
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
