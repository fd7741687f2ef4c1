package org.familyengagement.sample;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.familyengagement.model.Channel;
import org.familyengagement.sample.Population.HomeLanguage;

/**
 * The broadcast calendar: the district's robocalls (conference week, the day before each break)
 * and each school's newsletters, app posts and conference sign-up messages.
 */
final class Broadcasts {
    /** A mass message as the district or one school sent it; each family gets its own copy. */
    record Broadcast(int day, int minute, Channel channel, int translations, boolean autoTranslated,
                     boolean interpretedForAll, boolean honoursOptOut) {
    }

    private final Semester semester;
    final List<Broadcast> districtBroadcasts;
    final List<List<Broadcast>> schoolBroadcasts;

    Broadcasts(SplittableRandom random, Semester semester, int schoolCount, int conferenceWeek) {
        this.semester = semester;
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
        schoolBroadcasts = new ArrayList<>(schoolCount);
        for (int s = 0; s < schoolCount; s++) {
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
}
