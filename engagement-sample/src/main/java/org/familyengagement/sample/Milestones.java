package org.familyengagement.sample;

import java.time.DayOfWeek;

/**
 * The days the semester's events hang on, as day indices of the {@link Semester} (-1 when the
 * semester is too short to have one).
 *
 * <p>Fall conferences are held by the 40th school day (the "early conference" the rule pack asks
 * for): on the Thursday and Friday of the last school week ending by then. Report cards for the
 * first 60 school days go home the week after the 60th. The meeting records are as the SIS held
 * them at the export instant: 17:00 on the school day about 77% of the way through the semester,
 * which for fall 2026 is Friday 20 November (2026-11-20T23:00:00Z, the audit instant of the
 * examples).
 */
final class Milestones {
    /** The school day by which the early conference is due (the rule pack's default). */
    static final int EARLY_CONFERENCE_SCHOOL_DAY = 40;
    static final int REPORT_CARD_SCHOOL_DAY = 60;
    static final double EXPORT_SHARE = 0.77;
    static final int EXPORT_MINUTE = 17 * 60;

    /** The school day of the Title I annual meeting at the elementary schools (the 12th), or -1. */
    final int titleOneMeeting;
    /** The 40th school day, or -1. */
    final int earlyConferenceDeadline;
    final int conferenceThursday;
    final int conferenceFriday;
    /** The Monday of report-card week, or -1. */
    final int reportCardMonday;
    /** The day the district's family survey goes out by text, or -1. */
    final int surveyDay;
    final int exportDay;
    /** Epoch second of the export instant. */
    final long exportAt;

    Milestones(Semester semester) {
        titleOneMeeting = semester.schoolDayNumber(12);
        earlyConferenceDeadline = semester.schoolDayNumber(EARLY_CONFERENCE_SCHOOL_DAY);
        int friday;
        if (earlyConferenceDeadline >= 0) {
            friday = lastSchoolFridayOnOrBefore(semester, earlyConferenceDeadline);
        } else {
            friday = lastSchoolFridayOnOrBefore(semester,
                    semester.dayOf((int) Math.round(semester.weeks() * 0.62), DayOfWeek.FRIDAY));
        }
        conferenceFriday = friday;
        conferenceThursday = friday > 0 ? semester.schoolDayOnOrBefore(friday - 1) : -1;

        int sixtieth = semester.schoolDayNumber(REPORT_CARD_SCHOOL_DAY);
        int monday = sixtieth < 0 ? -1 : sixtieth + 7 - semester.weekday(sixtieth).ordinal();
        reportCardMonday = monday >= 0 && semester.inSemester(monday + 4) ? monday : -1;
        int survey = reportCardMonday < 0 ? -1 : semester.schoolDayOnOrAfter(reportCardMonday - 12);
        surveyDay = survey >= 0 && semester.inSemester(survey) ? survey : -1;

        exportDay = Math.max(0, semester.schoolDayOnOrBefore((int) Math.round((semester.days - 1) * EXPORT_SHARE)));
        exportAt = semester.at(exportDay, EXPORT_MINUTE, 0);
    }

    private static int lastSchoolFridayOnOrBefore(Semester semester, int day) {
        for (int d = Math.min(day, semester.days - 1); d >= 0; d--) {
            if (semester.weekday(d) == DayOfWeek.FRIDAY && semester.isSchoolDay(d)) {
                return d;
            }
        }
        return -1;
    }
}
