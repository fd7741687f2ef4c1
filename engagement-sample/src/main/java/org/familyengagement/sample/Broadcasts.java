package org.familyengagement.sample;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Topic;
import org.familyengagement.sample.Population.HomeLanguage;

import static org.familyengagement.sample.SampleDistrict.digits;
import static org.familyengagement.sample.SampleDistrict.id;

/**
 * The broadcast calendar: the district's robocalls (conference week, the day before each break)
 * and its family survey, and each school's newsletters, app posts and report-card messages. Each mass message has one id ({@code b-0001}, in time order) that
 * every family's copy carries.
 */
final class Broadcasts {
    /** A mass message as the district ({@code school} -1) or one school sent it; each family gets its own copy. */
    static final class Broadcast {
        final int day;
        final int minute;
        final Channel channel;
        /** Bits of the home languages it was translated into ({@link HomeLanguage#bit()}). */
        final int translations;
        /** An app post the app shows in the family's language when the family's app translates. */
        final boolean autoTranslated;
        /** Live interpretation in every language (a recorded robocall with an interpreter line). */
        final boolean interpretedForAll;
        final boolean honoursOptOut;
        /** The school's index, or -1 for the district. */
        final int school;
        final Topic topic;
        /** Its index in time order among all broadcasts, and its id. */
        int index;
        String id;

        Broadcast(int day, int minute, Channel channel, int translations, boolean autoTranslated,
                  boolean interpretedForAll, boolean honoursOptOut, int school, Topic topic) {
            this.day = day;
            this.minute = minute;
            this.channel = channel;
            this.translations = translations;
            this.autoTranslated = autoTranslated;
            this.interpretedForAll = interpretedForAll;
            this.honoursOptOut = honoursOptOut;
            this.school = school;
            this.topic = topic;
        }
    }

    private static final int SPANISH = HomeLanguage.ES.bit();

    private final Semester semester;
    final List<Broadcast> districtBroadcasts = new ArrayList<>();
    final List<List<Broadcast>> schoolBroadcasts;
    /** Every broadcast in time order: {@code all.get(b.index) == b}. */
    final List<Broadcast> all = new ArrayList<>();

    Broadcasts(SplittableRandom random, Semester semester, Milestones milestones, int schoolCount) {
        this.semester = semester;
        SplittableRandom r = random.split();
        int weeks = semester.weeks();
        int conferenceMonday = milestones.conferenceFriday < 0 ? -1 : milestones.conferenceFriday - 4;
        // Conference week: a required notice, so it ignores phone opt-outs; live interpretation
        // for every language the district does not record in.
        if (conferenceMonday >= 0) {
            add(districtBroadcasts, semester.schoolDayOnOrAfter(conferenceMonday), 18 * 60 + 30, Channel.PHONE,
                    SPANISH, false, true, false, -1, Topic.MEETING);
        }
        for (int day : daysBeforeBreaks()) {
            add(districtBroadcasts, day, 17 * 60, Channel.PHONE, SPANISH, false, false, true, -1,
                    Topic.ADMINISTRATIVE);
        }
        // The family survey went out by text in English only: the vendor's template had no translations.
        if (milestones.surveyDay >= 0) {
            add(districtBroadcasts, milestones.surveyDay, 18 * 60, Channel.SMS, 0, false, false, true, -1,
                    Topic.OTHER);
        }
        schoolBroadcasts = new ArrayList<>(schoolCount);
        for (int s = 0; s < schoolCount; s++) {
            List<Broadcast> list = new ArrayList<>();
            for (int week = 0; week < weeks; week += 6) {
                add(list, semester.schoolDayOnOrBefore(semester.dayOf(week, DayOfWeek.FRIDAY)),
                        15 * 60 + r.nextInt(120), Channel.EMAIL, translations(r), false, false, true, s, Topic.EVENT);
            }
            for (int week = 3; week < weeks; week += 6) {
                add(list, semester.schoolDayOnOrAfter(semester.dayOf(week, DayOfWeek.WEDNESDAY)),
                        11 * 60 + r.nextInt(120), Channel.APP, 0, true, false, true, s, Topic.LEARNING);
            }
            // Report cards: robocall, text and app post in three days. A family with children at two
            // schools gets six messages in a week.
            if (milestones.reportCardMonday >= 0) {
                int monday = milestones.reportCardMonday;
                add(list, monday + 1, 18 * 60 + r.nextInt(30), Channel.PHONE, SPANISH, false, false, true, s,
                        Topic.PROGRESS);
                add(list, monday + 2, 17 * 60 + r.nextInt(30), Channel.SMS, SPANISH, false, false, true, s,
                        Topic.PROGRESS);
                add(list, monday + 3, 7 * 60 + r.nextInt(30), Channel.APP, 0, true, false, true, s, Topic.PROGRESS);
            }
            schoolBroadcasts.add(list);
        }
        numberInTimeOrder();
    }

    private void add(List<Broadcast> list, int day, int minute, Channel channel, int translations,
                     boolean autoTranslated, boolean interpretedForAll, boolean honoursOptOut, int school,
                     Topic topic) {
        if (semester.inSemester(day)) {
            Broadcast broadcast = new Broadcast(day, minute, channel, translations, autoTranslated,
                    interpretedForAll, honoursOptOut, school, topic);
            list.add(broadcast);
            all.add(broadcast);
        }
    }

    /** Ids in time order (ties: the district first, then by school, then in calendar order). */
    private void numberInTimeOrder() {
        all.sort(Comparator.<Broadcast>comparingInt(b -> b.day).thenComparingInt(b -> b.minute)
                .thenComparingInt(b -> b.school));
        int width = Math.max(4, digits(all.size()));
        for (int i = 0; i < all.size(); i++) {
            Broadcast broadcast = all.get(i);
            broadcast.index = i;
            broadcast.id = id("b-", i + 1, width);
        }
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
        int mask = r.nextDouble() < 0.95 ? SPANISH : 0;
        for (HomeLanguage language : HomeLanguage.values()) {
            if (language.translation != null && language != HomeLanguage.ES && r.nextDouble() < 0.65) {
                mask |= language.bit();
            }
        }
        return mask;
    }
}
