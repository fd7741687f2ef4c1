package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.Facts.AS_OF;
import static org.familyengagement.rules.pack.Facts.F1;
import static org.familyengagement.rules.pack.Facts.WINDOW_START;
import static org.familyengagement.rules.pack.Facts.broadcast;
import static org.familyengagement.rules.pack.Facts.call;
import static org.familyengagement.rules.pack.Facts.dataset;
import static org.familyengagement.rules.pack.Facts.family;
import static org.familyengagement.rules.pack.Facts.findings;
import static org.familyengagement.rules.pack.Facts.outbound;
import static org.familyengagement.rules.pack.Facts.outboundAt;
import static org.familyengagement.rules.pack.Facts.text;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Family;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Severity;
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
    private static final Family EVENINGS_AND_SATURDAY_MORNINGS = family(F1, new Preference(List.of("es"),
            List.of(Channel.SMS, Channel.PHONE), Set.of(),
            List.of(new ReachableWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(17, 0),
                            LocalTime.of(20, 0)),
                    new ReachableWindow(Set.of(DayOfWeek.SATURDAY), LocalTime.of(10, 0), LocalTime.of(12, 0))),
            false));

    @Test
    void aCallDuringTheWorkingDayIsFlagged() {
        assertThat(findings(RULE, dataset(EVENINGS_AND_SATURDAY_MORNINGS, call("k-1", "2026-11-17T10:00"))))
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo(RULE);
                    assertThat(f.category()).isEqualTo(Category.ACCESS);
                    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(f.familyId()).isEqualTo(F1);
                    assertThat(f.evidence()).containsExactly("k-1");
                    assertThat(f.message())
                            .isEqualTo("1 call or visit fell outside the hours this family can be reached.");
                });
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
        Instant asOf = Facts.at("2026-11-22T23:00");
        List<Finding> found = Facts.findings(RULE, dataset(EVENINGS_AND_SATURDAY_MORNINGS,
                call("k-1", localTime)), asOf);

        assertThat(found).hasSize(outside ? 1 : 0);
    }

    @Test
    void timesAreDistrictLocal() {
        // 23:30 UTC on Tuesday is 17:30 in Chicago: inside the evening window.
        assertThat(findings(RULE, dataset(EVENINGS_AND_SATURDAY_MORNINGS,
                outboundAt("k-1", Instant.parse("2026-11-17T23:30:00Z"), Channel.PHONE)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"PHONE", "IN_PERSON", "VIDEO", "HOME_VISIT"})
    void everySynchronousChannelCountsDeliveredOrNot(Channel channel) {
        assertThat(findings(RULE, dataset(EVENINGS_AND_SATURDAY_MORNINGS,
                outbound("k-1", "2026-11-17T10:00", channel).delivered(false)))).singleElement();
        assertThat(findings(RULE, dataset(EVENINGS_AND_SATURDAY_MORNINGS,
                outbound("k-1", "2026-11-17T10:00", channel).mode(Mode.RECIPROCAL)))).singleElement();
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"SMS", "EMAIL", "APP", "LETTER"})
    void messagingOnlyChannelsNeedNoFreeMoment(Channel channel) {
        assertThat(findings(RULE, dataset(EVENINGS_AND_SATURDAY_MORNINGS,
                outbound("k-1", "2026-11-17T10:00", channel)))).isEmpty();
    }

    @Test
    void broadcastsAndTheFamilysOwnCallsAreNotJudged() {
        assertThat(findings(RULE, dataset(EVENINGS_AND_SATURDAY_MORNINGS,
                broadcast("k-1", "2026-11-17T10:00").language("es"),
                outbound("k-2", "2026-11-17T10:30", Channel.PHONE).mode(Mode.BROADCAST),
                Contact.builder("k-3", F1, Facts.at("2026-11-17T11:00"), Direction.INBOUND, Channel.PHONE),
                text("k-4", "2026-11-17T11:30")))).isEmpty();
    }

    @Test
    void aFamilyThatListsNoWindowsIsNotJudged() {
        assertThat(findings(RULE, dataset(call("k-1", "2026-11-17T03:00")))).isEmpty();
    }

    @Test
    void callsOutsideTheWindowAreOneFinding() {
        assertThat(findings(RULE, dataset(EVENINGS_AND_SATURDAY_MORNINGS,
                call("k-1", "2026-11-16T09:00"), call("k-2", "2026-11-16T18:00"), call("k-3", "2026-11-17T09:00"))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("k-1", "k-3"));
    }

    @Test
    void theWindowRunsFromJustAfterItsStartToAsOfIncluded() {
        // The window's start is Wednesday 21 October, 18:00; asOf is a Friday, 17:00: both outside 08:00-09:00.
        Family mornings = family(F1, new Preference(List.of("es"), List.of(Channel.PHONE), Set.of(),
                List.of(new ReachableWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(9, 0))),
                false));

        assertThat(findings(RULE, dataset(mornings, outboundAt("k-1", WINDOW_START, Channel.PHONE)))).isEmpty();
        assertThat(findings(RULE, dataset(mornings, outboundAt("k-1", AS_OF, Channel.PHONE))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("k-1"));
    }
}
