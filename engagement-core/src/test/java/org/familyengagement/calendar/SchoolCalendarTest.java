package org.familyengagement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SchoolCalendarTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final LocalDate VETERANS_DAY = LocalDate.of(2026, 11, 11); // a Wednesday

    private final SchoolCalendar calendar = new SchoolCalendar(CHICAGO,
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(VETERANS_DAY));

    private static Instant chicago(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
    }

    @Test
    void weekendsAndHolidaysAreNotSchoolDays() {
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 14))).as("Saturday").isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 15))).as("Sunday").isFalse();
        assertThat(calendar.isSchoolDay(VETERANS_DAY)).as("holiday").isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 10))).as("Tuesday").isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 12))).as("Thursday").isTrue();
    }

    @Test
    void aDistrictWithAnotherWeekend() {
        SchoolCalendar fridaySaturday = new SchoolCalendar(ZoneId.of("Asia/Dubai"),
                EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), Set.of());

        assertThat(fridaySaturday.isSchoolDay(LocalDate.of(2026, 11, 13))).as("Friday").isFalse();
        assertThat(fridaySaturday.isSchoolDay(LocalDate.of(2026, 11, 15))).as("Sunday").isTrue();
        assertThat(fridaySaturday.nthSchoolDayAfter(LocalDate.of(2026, 11, 12), 1)).isEqualTo(LocalDate.of(2026, 11, 15));
    }

    @Test
    void nthSchoolDayAfterSkipsWeekendsAndHolidays() {
        LocalDate tuesday = LocalDate.of(2026, 11, 10);

        assertThat(calendar.nthSchoolDayAfter(tuesday, 1)).isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(calendar.nthSchoolDayAfter(tuesday, 3)).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(calendar.nthSchoolDayAfter(tuesday, 0)).isEqualTo(tuesday);
    }

    @Test
    void aFridayAfternoonQuestionWithTwoSchoolDaysIsDueAtTheStartOfWednesday() {
        Instant fridayAfternoon = chicago("2026-11-13T15:30");

        assertThat(calendar.deadline(fridayAfternoon, 2)).isEqualTo(chicago("2026-11-18T00:00"))
                .isEqualTo(Instant.parse("2026-11-18T06:00:00Z"));
    }

    @Test
    void aHolidayPushesTheDeadlineByADay() {
        Instant mondayMorning = chicago("2026-11-09T09:00");

        // Tuesday is the first school day, Wednesday a holiday, Thursday the second.
        assertThat(calendar.deadline(mondayMorning, 2)).isEqualTo(chicago("2026-11-13T00:00"));
    }

    @Test
    void aLateEveningInputCountsFromItsLocalDateNotFromTheUtcOne() {
        // Thursday 20:00 in Chicago is already Friday 02:00 in UTC.
        Instant thursdayEvening = Instant.parse("2026-11-13T02:00:00Z");
        assertThat(calendar.localDate(thursdayEvening)).isEqualTo(LocalDate.of(2026, 11, 12));

        // Friday and Monday are the two school days, so the reply is due by the start of Tuesday.
        assertThat(calendar.deadline(thursdayEvening, 2)).isEqualTo(chicago("2026-11-17T00:00"));
    }

    @Test
    void deadlinesAcrossTheEndOfDaylightSavingStartAtLocalMidnight() {
        // Clocks go back on Sunday 2026-11-01: the input is in CDT (UTC-5), the deadline in CST (UTC-6).
        Instant fridayBefore = chicago("2026-10-30T16:00");
        assertThat(fridayBefore).isEqualTo(Instant.parse("2026-10-30T21:00:00Z"));

        assertThat(calendar.deadline(fridayBefore, 2)).isEqualTo(Instant.parse("2026-11-04T06:00:00Z"));
    }

    @Test
    void deadlinesAcrossTheStartOfDaylightSavingStartAtLocalMidnight() {
        // Clocks go forward on Sunday 2026-03-08: the input is in CST (UTC-6), the deadline in CDT (UTC-5).
        Instant fridayBefore = chicago("2026-03-06T16:00");

        assertThat(calendar.deadline(fridayBefore, 1)).isEqualTo(Instant.parse("2026-03-10T05:00:00Z"));
    }

    @Test
    void withNoSchoolDaysAllowedAReplyIsDueBeforeTheEndOfTheSameDay() {
        Instant mondayMorning = chicago("2026-11-09T09:00");

        assertThat(calendar.deadline(mondayMorning, 0)).isEqualTo(chicago("2026-11-10T00:00"));
    }

    @Test
    void schoolDaysElapsedCountsWholeSchoolDaysThatHaveEnded() {
        Instant fridayAfternoon = chicago("2026-11-13T15:30");

        assertThat(calendar.schoolDaysElapsed(fridayAfternoon, chicago("2026-11-13T23:00"))).isZero();
        assertThat(calendar.schoolDaysElapsed(fridayAfternoon, chicago("2026-11-15T12:00"))).as("weekend").isZero();
        assertThat(calendar.schoolDaysElapsed(fridayAfternoon, chicago("2026-11-16T23:59")))
                .as("Monday has not ended at its last minute").isZero();
        assertThat(calendar.schoolDaysElapsed(fridayAfternoon, chicago("2026-11-17T00:00"))).isEqualTo(1);
        assertThat(calendar.schoolDaysElapsed(fridayAfternoon, chicago("2026-11-18T12:00"))).isEqualTo(2);
    }

    @Test
    void schoolDaysElapsedAtTheDeadlineIsN() {
        Instant fridayAfternoon = chicago("2026-11-13T15:30");

        assertThat(calendar.schoolDaysElapsed(fridayAfternoon, calendar.deadline(fridayAfternoon, 2))).isEqualTo(2);
    }

    @Test
    void schoolDaysElapsedSkipsHolidays() {
        Instant tuesday = chicago("2026-11-10T10:00");

        assertThat(calendar.schoolDaysElapsed(tuesday, chicago("2026-11-12T10:00")))
                .as("Wednesday 11 is a holiday and Thursday has not ended").isZero();
        assertThat(calendar.schoolDaysElapsed(tuesday, chicago("2026-11-13T00:00"))).isEqualTo(1);
    }

    @Test
    void refusesACalendarWithNoSchoolDays() {
        assertThatThrownBy(() -> new SchoolCalendar(CHICAGO, EnumSet.allOf(DayOfWeek.class), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a weekend of all seven days leaves no school days");
    }

    @Test
    void refusesANegativeCount() {
        assertThatThrownBy(() -> calendar.nthSchoolDayAfter(LocalDate.of(2026, 11, 10), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must not be negative, not -1");
    }
}
