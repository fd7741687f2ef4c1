package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_WINDOW_START;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.FAMILY;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;

import java.time.DayOfWeek;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Family;
import org.familyengagement.model.Mode;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.RuleOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code outside-reachable-hours}: the family lists reachable windows, and an outbound
 * non-broadcast contact in the window, delivered or not, on a synchronous channel ({@code PHONE,
 * IN_PERSON, VIDEO, HOME_VISIT}) took place, in district local time, outside every window
 * ({@code from} inclusive, {@code to} exclusive).
 *
 * <p>The family here can take calls on weekdays 17:00-20:00 and on Saturdays 10:00-12:00.
 * 17 November 2026 is a Tuesday.
 */
class OutsideReachableHoursTest {
    private static final String RULE = "outside-reachable-hours";
    private static final Family EVENINGS_AND_SATURDAY_MORNINGS = F.family(F1).languages("es")
            .channels(Channel.SMS, Channel.PHONE)
            .reachable("17:00", "20:00", DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)
            .reachable("10:00", "12:00", DayOfWeek.SATURDAY)
            .build();

    @Test
    void aCallDuringTheWorkingDayIsFlagged() {
        VERIFIER.verifyThat(RULE)
                .given(EVENINGS_AND_SATURDAY_MORNINGS, F.call("k-1", F1, "2026-11-17T10:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidence("k-1")
                .withCategory(Category.ACCESS)
                .withSeverity(Severity.MEDIUM)
                .withMessage("1 call or visit fell outside the hours this family can be reached.");
    }

    @ParameterizedTest(name = "{0}: outside = {1}")
    @CsvSource({
        "2026-11-17T16:59:59, true",
        "2026-11-17T17:00,    false",
        "2026-11-17T19:59:59, false",
        "2026-11-17T20:00,    true",
        "2026-11-21T10:00,    false",
        "2026-11-21T12:00,    true",
        "2026-11-21T18:00,    true",
        "2026-11-22T11:00,    true",
    })
    void aWindowHoldsOnItsDaysFromItsStartUpToButExcludingItsEnd(String localTime, boolean outside) {
        RuleOutcome outcome = VERIFIER.verifyThat(RULE)
                .given(EVENINGS_AND_SATURDAY_MORNINGS, F.call("k-1", F1, localTime))
                .asOf("2026-11-22T23:00");

        if (outside) {
            outcome.flagsFamily(F1).times(1).withEvidence("k-1");
        } else {
            outcome.doesNotFlag();
        }
    }

    @Test
    void timesAreDistrictLocal() {
        // 23:30 UTC on Tuesday is 17:30 in Chicago: inside the evening window.
        VERIFIER.verifyThat(RULE)
                .given(EVENINGS_AND_SATURDAY_MORNINGS, F.call("k-1", F1, "2026-11-17T23:30:00Z"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"PHONE", "IN_PERSON", "VIDEO", "HOME_VISIT"})
    void everySynchronousChannelCountsDeliveredOrNot(Channel channel) {
        VERIFIER.verifyThat(RULE)
                .given(EVENINGS_AND_SATURDAY_MORNINGS,
                        F.contact("k-1", F1, "2026-11-17T10:00", Direction.OUTBOUND, channel).undelivered())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1);
        VERIFIER.verifyThat(RULE)
                .given(EVENINGS_AND_SATURDAY_MORNINGS,
                        F.contact("k-1", F1, "2026-11-17T10:00", Direction.OUTBOUND, channel).mode(Mode.RECIPROCAL))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1);
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"SMS", "EMAIL", "APP", "LETTER"})
    void messagingOnlyChannelsNeedNoFreeMoment(Channel channel) {
        VERIFIER.verifyThat(RULE)
                .given(EVENINGS_AND_SATURDAY_MORNINGS,
                        F.contact("k-1", F1, "2026-11-17T10:00", Direction.OUTBOUND, channel))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void broadcastsAndTheFamilysOwnCallsAreNotJudged() {
        VERIFIER.verifyThat(RULE)
                .given(EVENINGS_AND_SATURDAY_MORNINGS,
                        F.broadcast("k-1", F1, "2026-11-17T10:00").language("es"),
                        F.call("k-2", F1, "2026-11-17T10:30").mode(Mode.BROADCAST),
                        F.contact("k-3", F1, "2026-11-17T11:00", Direction.INBOUND, Channel.PHONE),
                        F.text("k-4", F1, "2026-11-17T11:30"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void aFamilyThatListsNoWindowsIsNotJudged() {
        VERIFIER.verifyThat(RULE).given(FAMILY, F.call("k-1", F1, "2026-11-17T03:00")).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void callsOutsideTheWindowAreOneFinding() {
        VERIFIER.verifyThat(RULE)
                .given(EVENINGS_AND_SATURDAY_MORNINGS, F.call("k-1", F1, "2026-11-16T09:00"),
                        F.call("k-2", F1, "2026-11-16T18:00"), F.call("k-3", F1, "2026-11-17T09:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidenceInOrder("k-1", "k-3");
    }

    @Test
    void theWindowRunsFromJustAfterItsStartToAsOfIncluded() {
        // The window's start is Wednesday 21 October, 18:00; asOf is a Friday, 17:00: both outside 08:00-09:00.
        Family mornings = F.family(F1).languages("es").channels(Channel.PHONE)
                .reachable("08:00", "09:00", DayOfWeek.values()).build();

        VERIFIER.verifyThat(RULE).given(mornings, F.call("k-1", F1, AT_WINDOW_START)).asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE).given(mornings, F.call("k-1", F1, AT_AS_OF)).asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-1");
    }
}
