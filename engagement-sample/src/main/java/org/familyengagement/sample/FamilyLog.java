package org.familyengagement.sample;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Delivery;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.Tone;
import org.familyengagement.model.Topic;
import org.familyengagement.sample.Broadcasts.Broadcast;
import org.familyengagement.sample.ContactLog.MeetingLog;
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

/** Writes every contact, meeting and commitment of one family, from the family's own random stream. */
final class FamilyLog {
    private static final long DAY = 86_400;
    private static final Topic[] TOPICS = Topic.values();
    private static final Interpretation[] INTERPRETATIONS = Interpretation.values();

    /** What the source records of the values that have a contract default (the rest is left to the default). */
    static final class Recording {
        /** A neutral tone stated on an outbound two-way contact; on an inbound one. */
        static final double NEUTRAL_TONE = 0.70;
        static final double NEUTRAL_TONE_INBOUND = 0.50;
        /** English stated on an outbound contact; on an inbound one. */
        static final double ENGLISH = 0.85;
        static final double ENGLISH_INBOUND = 0.60;
        /** A delivery status stated on a delivered outbound contact (undelivered ones always state it). */
        static final double DELIVERY = 0.88;
        /** A topic stated on a personal contact, on a class-app thread. */
        static final double TOPIC_PERSONAL = 0.85;
        static final double TOPIC_RECIPROCAL = 0.50;
        /** The caregiver named on a personal contact or a meeting with the first caregiver. */
        static final double CAREGIVER = 0.60;
    }

    /** How often a child interprets when nobody else does, on a call or in person. */
    private static final double CHILD_INTERPRETS = 0.08;

    private final Semester semester;
    private final Milestones milestones;
    private final Tags tags;
    private final List<School> schools;
    private final Map<HomeLanguage, int[]> liaisons;
    private final List<Broadcast> districtBroadcasts;
    private final List<List<Broadcast>> schoolBroadcasts;
    private final ContactLog log;
    private final MeetingLog meetings;
    private final PromiseLog promises;
    /** The tag index of English. */
    private final int en;
    private final Household h;
    private final int[] speaks;
    private final SplittableRandom r;
    private final int tag;
    private final int familyLanguageTag;
    /** The family texted STOP to the district's mass-notification number: its mass texts are blocked. */
    private final boolean smsBlocked;

    FamilyLog(Generator g, Household h) {
        this.semester = g.semester;
        this.milestones = g.milestones;
        this.tags = g.tags;
        this.schools = g.population.schools;
        this.liaisons = g.population.liaisons;
        this.districtBroadcasts = g.broadcasts.districtBroadcasts;
        this.schoolBroadcasts = g.broadcasts.schoolBroadcasts;
        this.log = g.log;
        this.meetings = g.meetings;
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
        this.smsBlocked = r.nextDouble() < 0.03;
    }

    void write() {
        broadcasts();
        for (int c = 0; c < h.studentNumbers.length; c++) {
            teacherContacts(c);
            classThreads(c);
        }
        titleOneMeetings();
        conferences();
        iepMeetings();
        liaisonCheckIns();
        homeVisit();
        questions();
    }

    // ---- broadcasts ----

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
        boolean optedOut = h.optOut.contains(b.channel);
        switch (b.channel) {
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
                if (optedOut && b.honoursOptOut) {
                    return;
                }
            }
        }
        int language = en;
        Interpretation interpretation = Interpretation.NONE;
        if (familyLanguageTag != en) {
            if ((b.translations & h.language.bit()) != 0) {
                language = tags.index(h.language.translation);
            } else if (b.autoTranslated && h.appTranslates) {
                interpretation = Interpretation.MACHINE;
            } else if (b.interpretedForAll) {
                interpretation = Interpretation.QUALIFIED;
            }
        }
        long at = semester.at(b.day, b.minute, 0);
        int k = contact(at, -1, -1, Direction.OUTBOUND, b.channel, Mode.BROADCAST, Tone.NEUTRAL, language,
                interpretation, deliver(b.channel, b.day, true), false, -1, b.topic, -1);
        log.origin[k] = b.index + 1;
        if (h.restrictionIgnored && (b.channel == Channel.PHONE || b.channel == Channel.SMS)) {
            // The restricted caregiver's number is still on the emergency card: the robocall rings it too.
            k = contact(at, -1, -1, Direction.OUTBOUND, b.channel, Mode.BROADCAST, Tone.NEUTRAL, language,
                    interpretation, deliver(b.channel, b.day, true), false, -1, b.topic, 1);
            log.origin[k] = b.index + 1;
        }
    }

    // ---- teachers ----

    /** Calls and messages from the student's teacher (and sometimes counselor or principal). */
    private void teacherContacts(int c) {
        int teacher = h.studentTeachers[c];
        School school = schools.get(h.studentSchools[c]);
        int warm = poisson(r, Rates.WARM_CONTACTS * h.reach * (h.deficitOnly ? 0.3 : 1));
        for (int i = 0; i < warm; i++) {
            Tone tone = !h.deficitOnly && r.nextDouble() < Rates.POSITIVE_SHARE ? Tone.POSITIVE : Tone.NEUTRAL;
            personal(c, teacher, semester.randomSchoolDay(r), teacherMinute(r), tone, warmTopic(tone), false);
        }
        if (milestones.reportCardMonday >= 0
                && r.nextDouble() < Rates.PROGRESS_NOTE * h.reach * (h.deficitOnly ? 0.3 : 1)) {
            // With report cards, a personal note on how the student is doing (more often to families
            // the teacher already reaches; only bad news to those who hear nothing else).
            int day = semester.randomSchoolDayBetween(r, milestones.reportCardMonday,
                    milestones.reportCardMonday + 4);
            if (day >= 0) {
                personal(c, teacher, day, teacherMinute(r), h.deficitOnly ? Tone.CONCERN : pickTone(0.5, 0.42),
                        Topic.PROGRESS, false);
            }
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
            personal(c, from, day, teacherMinute(r), Tone.CONCERN, concernTopic(),
                    r.nextDouble() < Rates.COMMIT_ON_CONCERN);
        }
        if (troubled && r.nextDouble() < 0.5) {
            int day = semester.randomSchoolDayIn(r, h.troubleStart + 7, Rates.TROUBLE_DAYS);
            if (day >= 0) { // the attendance letter
                contact(semester.at(day, 10 * 60 + r.nextInt(240), r.nextInt(60)), h.studentNumbers[c],
                        school.office, Direction.OUTBOUND, Channel.LETTER, Mode.PERSONAL, Tone.CONCERN, en,
                        Interpretation.NONE, deliver(Channel.LETTER, day, false), false, -1,
                        recordedTopic(Topic.ATTENDANCE), caregiverFor(false));
            }
        }
    }

    /** A personal outbound contact; an unanswered call is sometimes tried again the next day. */
    private void personal(int c, int from, int day, int minute, Tone tone, Topic topic, boolean promise) {
        Channel channel = personalChannel();
        int lang = personalLanguage(from, channel);
        Delivery delivery = deliver(channel, day, false);
        long at = semester.at(day, minute, r.nextInt(60));
        contact(at, h.studentNumbers[c], from, Direction.OUTBOUND, channel, Mode.PERSONAL, tone, lang >> 3,
                INTERPRETATIONS[lang & 7], delivery, false, -1, recordedTopic(topic), caregiverFor(true));
        if (!delivery.reachedFamily() && channel == Channel.PHONE && r.nextDouble() < 0.4) {
            int next = semester.nthSchoolDayAfter(day, 1);
            if (semester.inSemester(next)) {
                personal(c, from, next, teacherMinute(r), tone, topic, promise);
            }
            return;
        }
        if (promise && delivery.reachedFamily()) {
            promise(from, c, at, day, topic);
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
            Topic topic = r.nextDouble() < Recording.TOPIC_RECIPROCAL
                    ? r.nextDouble() < 0.6 ? Topic.LEARNING : Topic.EVENT : null;
            contact(semester.at(day, teacherMinute(r), r.nextInt(60)), h.studentNumbers[c], h.studentTeachers[c],
                    Direction.OUTBOUND, Channel.APP, Mode.RECIPROCAL, Tone.NEUTRAL, en,
                    h.appTranslates ? Interpretation.MACHINE : Interpretation.NONE,
                    deliver(Channel.APP, day, false), false, -1, topic, -1);
        }
    }

    // ---- meetings ----

    /**
     * The elementary schools are Title I schools and hold their annual meeting for parents early in
     * the year, one evening; a few families come. Recorded per family that signed in, at the school.
     */
    private void titleOneMeetings() {
        int day = milestones.titleOneMeeting;
        if (day < 0) {
            return;
        }
        for (int s : h.schools) {
            School school = schools.get(s);
            if (school.level != Level.ELEMENTARY || r.nextDouble() >= 0.15 * Math.min(1, h.reach)) {
                continue;
            }
            long at = semester.at(day, 18 * 60, 0);
            // Interpreters for the languages the district has liaisons for; the rest listen in English.
            Interpretation interpretation = h.needsLanguageSupport() && h.language.liaison
                    ? Interpretation.QUALIFIED : Interpretation.NONE;
            int m = meetings.add(h.index, -1, firstCaregiver(), school.principal, MeetingKind.TITLE_I_ANNUAL, at,
                    recordedStatus(at, MeetingStatus.HELD), interpretation, null);
            meetings.school[m] = s;
            record(m, meetings.noticeSentAt, at - 7 * DAY - r.nextInt(8 * 3600));
        }
    }

    /**
     * One conference per school on the conference days by the 40th school day (Thursday afternoon
     * and evening or Friday during the day); those who missed it, and some who never signed up, get
     * a make-up conference later, at a time the teacher offers.
     */
    private void conferences() {
        if (milestones.conferenceFriday < 0 || milestones.conferenceThursday < 0) {
            return;
        }
        double attend = h.language.conference * (h.unstable ? 0.4 : 1) * (h.frl ? 0.92 : 1);
        for (int school : h.schools) {
            int c = firstStudentAt(school);
            int teacher = h.studentTeachers[c];
            int caregiver = meetingCaregiver();
            boolean makeUp;
            if (r.nextDouble() < attend) {
                int[] slot = conferenceSlot(windowsFor(caregiver));
                long at = semester.at(slot[0], slot[1], 0);
                // Some sign-up tools keep the slots the family was shown before it chose one.
                long[] offered = r.nextDouble() < 0.4 ? new long[] {
                        semester.at(milestones.conferenceThursday, 12 * 60 + 20 * r.nextInt(23), 0),
                        semester.at(milestones.conferenceFriday, 8 * 60 + 20 * r.nextInt(21), 0)} : null;
                MeetingStatus outcome = pickStatus(0.88, 0.08);
                conference(c, teacher, caregiver, slot[0], at, outcome, offered);
                makeUp = outcome != MeetingStatus.HELD && r.nextDouble() < 0.4;
            } else {
                makeUp = r.nextDouble() < 0.25 * Math.min(1, h.reach);
            }
            if (makeUp) {
                makeUpConference(c, teacher, caregiver);
            }
        }
    }

    /** A conference offered again after the conference days, at a time the teacher can do. */
    private void makeUpConference(int c, int teacher, int caregiver) {
        int from = (milestones.earlyConferenceDeadline >= 0 ? milestones.earlyConferenceDeadline
                : milestones.conferenceFriday) + 2;
        int day = semester.randomSchoolDayBetween(r, from, from + 55);
        if (day < 0) {
            return;
        }
        List<ReachableWindow> windows = windowsFor(caregiver);
        boolean fits = !windows.isEmpty() && r.nextDouble() < 0.55;
        int minute = fits ? minuteWithin(windows, day) : -1;
        if (minute < 0) {
            minute = staffMeetingMinute();
        }
        // The times proposed before this one: on earlier days, at the teacher's convenience.
        int proposals = pick(r, 0.3, 0.35, 0.25, 0.1);
        long[] offered = proposals == 0 ? null : new long[proposals];
        for (int i = 0; i < proposals; i++) {
            int earlier = semester.nthSchoolDayBefore(day, 1 + r.nextInt(8));
            offered[i] = semester.at(earlier < 0 ? day : earlier, staffMeetingMinute(), 0);
        }
        conference(c, teacher, caregiver, day, semester.at(day, minute, 0), pickStatus(0.85, 0.10), offered);
    }

    /** The meeting record of a conference and, when it took place or the family did not come, its contact. */
    private void conference(int c, int teacher, int caregiver, int day, long at, MeetingStatus outcome,
                            long[] offered) {
        Interpretation interpretation = meetingInterpretation(teacher, caregiver, 0.35);
        int m = meetings.add(h.index, h.studentNumbers[c], caregiver, teacher, MeetingKind.CONFERENCE, at,
                recordedStatus(at, outcome), interpretation, offered);
        record(m, meetings.noticeSentAt, at - (3 + r.nextInt(10)) * DAY - r.nextInt(8 * 3600));
        if (outcome == MeetingStatus.CANCELLED) {
            return;
        }
        Channel channel = r.nextDouble() < 0.12 ? Channel.VIDEO : Channel.IN_PERSON;
        boolean direct = interpretation == Interpretation.BILINGUAL_STAFF && speaks(teacher);
        Tone tone = h.deficitOnly ? Tone.CONCERN : pickTone(0.6, 0.32);
        contact(at, h.studentNumbers[c], teacher, Direction.OUTBOUND, channel, Mode.PERSONAL, tone,
                direct ? tag : en, direct ? Interpretation.NONE : interpretation,
                outcome == MeetingStatus.HELD ? Delivery.DELIVERED : Delivery.FAILED, false, -1,
                recordedTopic(Topic.PROGRESS), caregiver);
        if (outcome == MeetingStatus.HELD && r.nextDouble() < Rates.COMMIT_AT_CONFERENCE) {
            promise(teacher, c, at, day, Topic.PROGRESS);
        }
    }

    /** {day, minute}: a slot in one of the windows when it can, else any slot. */
    private int[] conferenceSlot(List<ReachableWindow> windows) {
        int thursday = milestones.conferenceThursday;
        int friday = milestones.conferenceFriday;
        boolean fit = !windows.isEmpty() && r.nextDouble() < 0.7;
        for (int attempt = 0; attempt < (fit ? 20 : 1); attempt++) {
            boolean onThursday = r.nextBoolean();
            int day = onThursday ? thursday : friday;
            // 20-minute slots: Thursday 12:00-19:40, Friday 08:00-14:40.
            int minute = onThursday ? 12 * 60 + 20 * r.nextInt(23) : 8 * 60 + 20 * r.nextInt(21);
            if (!fit || within(windows, day, minute)) {
                return new int[] {day, minute};
            }
        }
        return new int[] {thursday, 12 * 60 + 20 * r.nextInt(23)};
    }

    // ---- IEP meetings ----

    /**
     * Annual IEP reviews fall through the school year, so a semester holds the share of its school
     * days in a 180-day year; a few students have an amendment meeting, and a few get their first
     * IEP.
     */
    private void iepMeetings() {
        double annual = Math.min(1, semester.schoolDayCount() / 180.0);
        for (int c = 0; c < h.studentNumbers.length; c++) {
            boolean iep = (h.iep & (1 << c)) != 0;
            if (iep && r.nextDouble() < annual) {
                iepMeeting(c, semester.randomSchoolDay(r), true);
            }
            if (iep ? r.nextDouble() < 0.05 : r.nextDouble() < 0.012 * annual) {
                iepMeeting(c, semester.randomSchoolDay(r), true);
            }
        }
    }

    /**
     * An IEP meeting led by a special education teacher (or the counselor) of the student's school:
     * the parental input form requested six to nine weeks ahead and often back late or never, the
     * notice sent two weeks ahead (sometimes days), the draft shared a week or more ahead
     * (sometimes days, sometimes only at the meeting). What happened after the export instant is
     * not in the record yet.
     */
    private void iepMeeting(int c, int day, boolean mayReschedule) {
        School school = schools.get(h.studentSchools[c]);
        int manager = r.nextDouble() < 0.75 ? school.firstTeacher + r.nextInt(school.teachers) : school.counselor;
        int caregiver = meetingCaregiver();
        List<ReachableWindow> windows = windowsFor(caregiver);
        int minute = -1;
        if (!windows.isEmpty() && r.nextDouble() < 0.3) {
            minute = minuteWithin(windows, day);
        }
        if (minute < 0) {
            minute = switch (pick(r, 0.25, 0.45, 0.30)) {
                case 0 -> 7 * 60 + 30 + 10 * r.nextInt(5);
                case 1 -> 12 * 60 + 30 + 10 * r.nextInt(14);
                default -> 15 * 60 + 15 + 15 * r.nextInt(6);
            };
        }
        long at = semester.at(day, minute, 0);
        long[] offered = null;
        if (r.nextDouble() < 0.5) {
            offered = new long[1 + r.nextInt(2)];
            // The team's other proposals: school-day slots around the same week.
            for (int i = 0; i < offered.length; i++) {
                int other = semester.nthSchoolDayAfter(day, 1 + r.nextInt(6));
                offered[i] = semester.at(other < 0 ? day : other, 8 * 60 + 30 * r.nextInt(16), 0);
            }
        }
        MeetingStatus outcome = pickStatus(0.86, 0.07);
        Interpretation interpretation = meetingInterpretation(manager, caregiver, 0.12);
        int m = meetings.add(h.index, h.studentNumbers[c], caregiver, manager, MeetingKind.IEP, at,
                recordedStatus(at, outcome), interpretation, offered);

        boolean neglected = h.excluded();
        if (r.nextDouble() < (neglected ? 0.75 : 0.9)) {
            long requested = schoolDayTime(day, 28 + r.nextInt(18), at);
            record(m, meetings.inputRequestedAt, requested);
            if (r.nextDouble() < (neglected ? 0.5 : 0.8)) {
                double days = 2 - 8 * Math.log(1 - r.nextDouble());
                record(m, meetings.inputReceivedAt, requested + (long) (days * DAY));
            }
        }
        double notice = r.nextDouble();
        if (notice < 0.96) {
            boolean late = notice >= 0.84;
            int before = late ? 2 + r.nextInt(3) : 7 + r.nextInt(8);
            int noticeDay = semester.nthSchoolDayBefore(day, before);
            long sent = schoolDayTime(day, before, at);
            record(m, meetings.noticeSentAt, sent);
            if (noticeDay >= 0) { // the notice letter (or e-mail), in the family's language when the district translates it
                Channel channel = h.hasEmail && r.nextDouble() < 0.4 ? Channel.EMAIL : Channel.LETTER;
                int language = familyLanguageTag != en && h.language.translation != null
                        ? tags.index(h.language.translation) : en;
                contact(sent, h.studentNumbers[c], manager, Direction.OUTBOUND, channel, Mode.PERSONAL, Tone.NEUTRAL,
                        language, Interpretation.NONE, deliver(channel, noticeDay, false), false, -1,
                        recordedTopic(Topic.MEETING), caregiver);
            }
        }
        double draft = r.nextDouble();
        if (draft < 0.9) {
            int before = draft < 0.78 ? 6 + r.nextInt(5) : 1 + r.nextInt(4);
            record(m, meetings.draftSharedAt, schoolDayTime(day, before, at));
        }
        if (outcome == MeetingStatus.CANCELLED) {
            // Rescheduled: in the record only when the cancellation was, by the export instant.
            int later = semester.nthSchoolDayAfter(day, 5 + r.nextInt(11));
            if (mayReschedule && at <= milestones.exportAt && semester.inSemester(later)) {
                iepMeeting(c, later, false);
            }
            return;
        }
        Channel channel = r.nextDouble() < 0.15 ? Channel.VIDEO : Channel.IN_PERSON;
        contact(at, h.studentNumbers[c], manager, Direction.OUTBOUND, channel, Mode.PERSONAL,
                pickTone(0.15, 0.8), en, interpretation,
                outcome == MeetingStatus.HELD ? Delivery.DELIVERED : Delivery.FAILED, false, -1,
                recordedTopic(Topic.MEETING), caregiver);
    }

    /**
     * Office hours on the school day {@code before} school days ahead of {@code day}; before the
     * semester (the summer), about as many calendar days ahead of {@code at} as that would be.
     */
    private long schoolDayTime(int day, int before, long at) {
        int earlier = semester.nthSchoolDayBefore(day, before);
        return earlier < 0 ? at - (before * 7L / 5) * DAY - r.nextInt(6 * 3600)
                : semester.at(earlier, 8 * 60 + r.nextInt(8 * 60), r.nextInt(60));
    }

    /** Sets an instant of meeting {@code m} when the export instant had it. */
    private void record(int m, long[] column, long instant) {
        column[m] = instant <= milestones.exportAt ? instant : MeetingLog.NONE;
    }

    /** The status the SIS held at the export instant: the outcome, or SCHEDULED for what was still to come. */
    private MeetingStatus recordedStatus(long at, MeetingStatus outcome) {
        if (at > milestones.exportAt) {
            return MeetingStatus.SCHEDULED;
        }
        // Some held meetings were never marked: the contract's default (HELD once past) stands in.
        return outcome == MeetingStatus.HELD && r.nextDouble() < 0.1 ? null : outcome;
    }

    private MeetingStatus pickStatus(double held, double noShow) {
        double x = r.nextDouble();
        return x < held ? MeetingStatus.HELD : x < held + noShow ? MeetingStatus.NO_SHOW : MeetingStatus.CANCELLED;
    }

    /**
     * The interpretation a meeting had. A family that asked for an interpreter usually gets one
     * when the district has interpreters for its language, less often for Somali and Haitian Creole;
     * without one, a child or an adult the family brought often steps in. A second household that
     * reads another language than the family's record says gets nothing arranged.
     */
    private Interpretation meetingInterpretation(int staff, int caregiver, double child) {
        if (caregiver == 1 && h.secondReadsOtherLanguage()) {
            if (h.secondLanguage == HomeLanguage.EN) {
                return Interpretation.NONE;
            }
            if ((speaks[staff] & h.secondLanguage.bit()) != 0) {
                return Interpretation.BILINGUAL_STAFF;
            }
            double x = r.nextDouble();
            return x < child ? Interpretation.STUDENT : x < child + 0.2 ? Interpretation.FAMILY_ADULT
                    : Interpretation.NONE;
        }
        if (!h.needsLanguageSupport()) {
            return Interpretation.NONE;
        }
        if (speaks(staff)) {
            return Interpretation.BILINGUAL_STAFF;
        }
        boolean requested = h.preference != null && h.preference.interpreter();
        double provided = !requested ? 0.3
                : h.language.liaison ? 0.88 : h.excluded() && !h.unstable ? 0.45 : 0.7;
        if (r.nextDouble() < provided) {
            return h.language.liaison && r.nextDouble() < 0.4 ? Interpretation.BILINGUAL_STAFF
                    : Interpretation.QUALIFIED;
        }
        double x = r.nextDouble();
        return x < child ? Interpretation.STUDENT : x < child + 0.2 ? Interpretation.FAMILY_ADULT
                : Interpretation.NONE;
    }

    // ---- liaisons, home visits, questions, promises ----

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
            Topic topic = switch (pick(r, 0.30, 0.15, 0.15, 0.20, 0.10, 0.10)) {
                case 0 -> Topic.PROGRESS;
                case 1 -> Topic.LEARNING;
                case 2 -> Topic.EVENT;
                case 3 -> Topic.ADMINISTRATIVE;
                case 4 -> Topic.HEALTH;
                default -> Topic.OTHER;
            };
            contact(semester.at(day, liaisonMinute(r), r.nextInt(60)), h.studentNumbers[0], liaison,
                    Direction.OUTBOUND, channel, Mode.PERSONAL, tone, tag, Interpretation.NONE,
                    deliver(channel, day, false), false, -1, recordedTopic(topic), firstCaregiver());
        }
    }

    /** The school counselor, as McKinney-Vento liaison, visits some families without stable housing. */
    private void homeVisit() {
        if (!h.unstable || r.nextDouble() >= 0.3) {
            return;
        }
        int day = semester.randomSchoolDay(r);
        int counselor = schools.get(h.studentSchools[0]).counselor;
        int lang = personalLanguage(counselor, Channel.HOME_VISIT);
        Topic topic = switch (pick(r, 0.4, 0.2, 0.2, 0.2)) {
            case 0 -> Topic.ATTENDANCE;
            case 1 -> Topic.HEALTH;
            case 2 -> Topic.ADMINISTRATIVE;
            default -> Topic.OTHER;
        };
        contact(semester.at(day, liaisonMinute(r), 0), h.studentNumbers[0], counselor, Direction.OUTBOUND,
                Channel.HOME_VISIT, Mode.PERSONAL, Tone.NEUTRAL, lang >> 3, INTERPRETATIONS[lang & 7],
                r.nextDouble() < 0.55 ? Delivery.DELIVERED : Delivery.FAILED, false, -1, recordedTopic(topic),
                firstCaregiver());
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
            Topic topic = questionTopic();
            // A child on the line for a parent who does not speak English.
            Interpretation interpretation = h.needsLanguageSupport() && channel == Channel.PHONE
                    && r.nextDouble() < 0.1 ? Interpretation.STUDENT : Interpretation.NONE;
            int caregiver = caregiverFor(false);
            int minute = familyMinute(r);
            long at = semester.at(day, minute, r.nextInt(60));
            boolean aboutStudent = r.nextDouble() < 0.9;
            int question = contact(at, aboutStudent ? h.studentNumbers[c] : -1, to, Direction.INBOUND, channel,
                    Mode.PERSONAL, tone, language, interpretation, null, awaits, -1, recordedTopic(topic), caregiver);
            if (!aboutStudent) {
                log.origin[question] = -(h.studentSchools[c] + 1); // addressed to the school of the staff member
            }
            if (awaits) {
                reply(question, c, at, day, minute, channel, topic, caregiver);
            }
        }
    }

    private void reply(int question, int c, long askedAt, int day, int askedMinute, Channel channel, Topic topic,
                       int caregiver) {
        int teacher = h.studentTeachers[c];
        int responder = teacher;
        int language;
        Interpretation interpretation = Interpretation.NONE;
        Interpretation tool = channel.isSynchronous() ? Interpretation.QUALIFIED : Interpretation.MACHINE;
        double onTime;
        double late;
        int[] pool = liaisons.get(h.language);
        if (!h.needsLanguageSupport() || speaks(teacher)) {
            language = h.needsLanguageSupport() ? tag : en;
            onTime = 0.86;
            late = 0.08;
        } else if (pool != null) {
            // It waits for a liaison, or for the teacher to find a translation tool.
            boolean byLiaison = r.nextDouble() < 0.6;
            responder = byLiaison ? pool[h.index % pool.length] : teacher;
            language = byLiaison ? tag : en;
            interpretation = byLiaison ? Interpretation.NONE : tool;
            onTime = 0.55;
            late = 0.30;
        } else {
            language = en;
            interpretation = r.nextDouble() < 0.3 ? tool : Interpretation.NONE;
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
        int minute = teacherMinute(r);
        if (replyDay == day && minute <= askedMinute) {
            minute = askedMinute + 10 + r.nextInt(110); // the same day, shortly after the question
        }
        long at = semester.at(replyDay, minute, r.nextInt(60));
        Delivery delivery = deliver(channel, replyDay, false); // on the channel the family used
        boolean named = r.nextDouble() < 0.85; // some systems do not thread replies
        contact(at, h.studentNumbers[c], responder, Direction.OUTBOUND, channel, Mode.PERSONAL, Tone.NEUTRAL,
                language, interpretation, delivery, false, named ? question : -1, recordedTopic(topic), caregiver);
        if (delivery.reachedFamily() && r.nextDouble() < Rates.COMMIT_ON_REPLY) {
            promise(responder, c, at, replyDay, topic);
        }
    }

    /**
     * A promise made during a contact at {@code at} ("I'll call you back by Thursday"), recorded a
     * few minutes after it, then kept, kept late or broken; the excluded get more broken ones.
     */
    private void promise(int from, int c, long at, int day, Topic topic) {
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
                int lang = personalLanguage(from, channel);
                // Whoever follows up keeps trying until the family answers, unless the number is dead.
                Delivery delivery = followDay < h.staleFrom ? Delivery.DELIVERED : Delivery.FAILED;
                followUp = contact(semester.at(followDay, minute, r.nextInt(60)), h.studentNumbers[c], from,
                        Direction.OUTBOUND, channel, Mode.PERSONAL,
                        r.nextDouble() < 0.3 ? Tone.POSITIVE : Tone.NEUTRAL, lang >> 3, INTERPRETATIONS[lang & 7],
                        delivery, false, -1, recordedTopic(topic), caregiverFor(true));
            }
        }
        boolean named = followUp >= 0 && r.nextDouble() < (outcome == 0 ? 0.6 : 0.5);
        promises.add(h.index, from, madeAt, dueBy, named ? followUp : -1);
    }

    // ---- the log ----

    /**
     * Adds a contact with what the source recorded: values that differ from the contract's
     * default always, defaults most of the time (tone, language, delivery status).
     *
     * @param delivery what became of an outbound contact; {@code null} for an inbound one
     * @param topic    the recorded topic, or {@code null}
     * @return its position in the log
     */
    private int contact(long at, int student, int staff, Direction direction, Channel channel, Mode mode, Tone tone,
                        int language, Interpretation interpretation, Delivery delivery, boolean awaitsReply,
                        int replyTo, Topic topic, int caregiver) {
        boolean outbound = direction == Direction.OUTBOUND;
        boolean delivered = !outbound || delivery.reachedFamily();
        int k = log.add(at, h.index, student, staff, direction, channel, mode, tone, language, delivered,
                awaitsReply, replyTo);
        int detail = (topic == null ? 0 : topic.ordinal() + 1) << ContactLog.TOPIC_SHIFT
                | interpretation.ordinal() << ContactLog.INTERPRETATION_SHIFT
                | (caregiver < 0 ? 0 : caregiver + 1) << ContactLog.CAREGIVER_SHIFT;
        double neutral = !outbound ? Recording.NEUTRAL_TONE_INBOUND
                : mode == Mode.BROADCAST ? 0 : Recording.NEUTRAL_TONE;
        if (tone != Tone.NEUTRAL || r.nextDouble() < neutral) {
            detail |= ContactLog.TONE_RECORDED;
        }
        if (language != en || r.nextDouble() < (outbound ? Recording.ENGLISH : Recording.ENGLISH_INBOUND)) {
            detail |= ContactLog.LANGUAGE_RECORDED;
        }
        if (outbound && (!delivered || r.nextDouble() < Recording.DELIVERY)) {
            detail |= ContactLog.DELIVERY_RECORDED;
            if (!channel.isSynchronous() || channel == Channel.PHONE) {
                // A message has a status; a meeting or visit only happened or did not.
                detail |= (delivery.ordinal() + 1) << ContactLog.DELIVERY_SHIFT;
            }
        }
        log.detail[k] = detail;
        return k;
    }

    /**
     * What became of an outbound contact. Calls go unanswered, e-mail bounces, letters come back;
     * twice as often for families without stable housing, and always once the contact details on
     * file have gone stale (the app, tied to a login, still works). Families who texted STOP to the
     * district's mass-notification number have its texts blocked.
     */
    private Delivery deliver(Channel channel, int day, boolean broadcast) {
        if (day >= h.staleFrom) {
            switch (channel) {
                case PHONE, SMS -> {
                    return Delivery.FAILED; // the number is no longer in service
                }
                case EMAIL, LETTER -> {
                    return Delivery.BOUNCED;
                }
                default -> {
                }
            }
        }
        if (broadcast && channel == Channel.SMS && smsBlocked) {
            return Delivery.BLOCKED;
        }
        double failure = switch (channel) {
            case PHONE -> broadcast ? 0.12 : Rates.UNANSWERED_CALL;
            case SMS -> 0.05;
            case EMAIL -> h.hasEmail ? 0.06 : 1;
            case APP -> 0.01;
            case LETTER -> 0.02;
            case HOME_VISIT -> 0.2;
            case IN_PERSON, VIDEO -> 0.1;
        };
        if (h.unstable) {
            failure = channel == Channel.LETTER ? 0.35 : failure * 2;
        }
        if (r.nextDouble() < failure) {
            return switch (channel) {
                case PHONE -> Delivery.UNANSWERED;
                case EMAIL, LETTER -> Delivery.BOUNCED;
                default -> Delivery.FAILED;
            };
        }
        double x = r.nextDouble();
        return switch (channel) {
            case SMS -> x < 0.85 ? Delivery.DELIVERED : Delivery.SENT; // not every carrier reports delivery
            case EMAIL -> x < 0.45 ? Delivery.OPENED : x < 0.9 ? Delivery.DELIVERED : Delivery.SENT;
            case APP -> x < 0.55 ? Delivery.OPENED : Delivery.DELIVERED;
            case LETTER -> Delivery.SENT; // the post reports nothing unless the letter comes back
            default -> Delivery.DELIVERED;
        };
    }

    // ---- choices ----

    private Topic recordedTopic(Topic topic) {
        return r.nextDouble() < Recording.TOPIC_PERSONAL ? topic : null;
    }

    /** Positive news is mostly about progress, learning and behaviour; neutral contact about everything. */
    private Topic warmTopic(Tone tone) {
        if (tone == Tone.POSITIVE) {
            return switch (pick(r, 0.40, 0.22, 0.18, 0.08, 0.05, 0.07)) {
                case 0 -> Topic.PROGRESS;
                case 1 -> Topic.LEARNING;
                case 2 -> Topic.BEHAVIOR;
                case 3 -> Topic.ATTENDANCE;
                case 4 -> Topic.EVENT;
                default -> Topic.OTHER;
            };
        }
        return switch (pick(r, 0.25, 0.18, 0.17, 0.15, 0.10, 0.07, 0.08)) {
            case 0 -> Topic.LEARNING;
            case 1 -> Topic.PROGRESS;
            case 2 -> Topic.EVENT;
            case 3 -> Topic.ADMINISTRATIVE;
            case 4 -> Topic.MEETING;
            case 5 -> Topic.HEALTH;
            default -> Topic.OTHER;
        };
    }

    private Topic concernTopic() {
        return switch (pick(r, 0.45, 0.22, 0.25, 0.05, 0.03)) {
            case 0 -> Topic.BEHAVIOR;
            case 1 -> Topic.ATTENDANCE;
            case 2 -> Topic.PROGRESS;
            case 3 -> Topic.HEALTH;
            default -> Topic.OTHER;
        };
    }

    /** In {@link Topic} order: PROGRESS, LEARNING, ATTENDANCE, BEHAVIOR, HEALTH, EVENT, MEETING, ADMINISTRATIVE, OTHER. */
    private Topic questionTopic() {
        return TOPICS[pick(r, 0.22, 0.15, 0.18, 0.05, 0.10, 0.08, 0.04, 0.15, 0.03)];
    }

    /**
     * The caregiver a contact is with, as an index into the family's caregivers, or -1 when the
     * log does not say. A second household gets its share; a restricted caregiver still on a
     * teacher's messaging list gets the teacher's messages ({@code fromTeacher}).
     */
    private int caregiverFor(boolean fromTeacher) {
        if (h.restricted) {
            if (fromTeacher && h.restrictionIgnored && r.nextDouble() < 0.35) {
                return 1;
            }
        } else if (h.secondHousehold && r.nextDouble() < 0.3) {
            return 1;
        }
        return firstCaregiver();
    }

    private int firstCaregiver() {
        return r.nextDouble() < Recording.CAREGIVER ? 0 : -1;
    }

    /** The caregiver a meeting is with: a second household sometimes, a restricted caregiver invited by mistake. */
    private int meetingCaregiver() {
        if (h.restricted) {
            return h.restrictionIgnored && r.nextDouble() < 0.3 ? 1 : firstCaregiver();
        }
        return h.secondHousehold && r.nextDouble() < 0.25 ? 1 : firstCaregiver();
    }

    /** The reachable windows of whom a contact or meeting is with (the caregiver's own, else the family's). */
    private List<ReachableWindow> windowsFor(int caregiver) {
        Preference preference = caregiver == 1 && h.secondPreference != null ? h.secondPreference : h.preference;
        return preference == null ? List.of() : preference.reachable();
    }

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
     * The language of a personal contact from {@code from}, packed as {@code tag << 3 | interpretation}:
     * the family's language when the staff member speaks it; English with an interpreter on the
     * line, or a translation tool for writing, some of the time; a child interpreting on some calls
     * and visits; plain English otherwise.
     */
    private int personalLanguage(int from, Channel channel) {
        if (!h.needsLanguageSupport()) {
            return en << 3;
        }
        if (speaks(from)) {
            return tag << 3;
        }
        double interpreter = h.language.liaison ? 0.55 : 0.3;
        double x = r.nextDouble();
        if (x < interpreter) {
            Interpretation help = !channel.isSynchronous() ? Interpretation.MACHINE
                    : h.language.liaison && x < interpreter * 0.3 ? Interpretation.BILINGUAL_STAFF
                    : Interpretation.QUALIFIED;
            return en << 3 | help.ordinal();
        }
        if (channel.isSynchronous() && x < interpreter + CHILD_INTERPRETS) {
            return en << 3 | Interpretation.STUDENT.ordinal();
        }
        return en << 3;
    }

    private boolean speaks(int member) {
        return (speaks[member] & h.language.bit()) != 0;
    }

    private Tone pickTone(double positive, double neutral) {
        double x = r.nextDouble();
        return x < positive ? Tone.POSITIVE : x < positive + neutral ? Tone.NEUTRAL : Tone.CONCERN;
    }

    /** A time the teacher or case manager can meet: before school, in a planning period, after school. */
    private int staffMeetingMinute() {
        return switch (pick(r, 0.2, 0.4, 0.4)) {
            case 0 -> 7 * 60 + 30 + 10 * r.nextInt(3);
            case 1 -> 10 * 60 + 20 * r.nextInt(14);
            default -> 15 * 60 + 20 + 20 * r.nextInt(5);
        };
    }

    /** A minute on {@code day} inside one of the windows (on the half hour), or -1 when none holds that day. */
    private int minuteWithin(List<ReachableWindow> windows, int day) {
        DayOfWeek weekday = semester.weekday(day);
        for (ReachableWindow window : windows) {
            if (window.days().contains(weekday)) {
                int from = window.from().getHour() * 60 + window.from().getMinute();
                int to = window.to().getHour() * 60 + window.to().getMinute();
                int slots = Math.max(1, (to - from) / 30);
                int minute = from + 30 * r.nextInt(slots);
                return Math.min(minute, 21 * 60 + 30);
            }
        }
        return -1;
    }

    private boolean within(List<ReachableWindow> windows, int day, int minute) {
        DayOfWeek weekday = semester.weekday(day);
        LocalTime time = LocalTime.of(minute / 60, minute % 60);
        for (ReachableWindow window : windows) {
            if (window.holds(weekday, time)) {
                return true;
            }
        }
        return false;
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
}
