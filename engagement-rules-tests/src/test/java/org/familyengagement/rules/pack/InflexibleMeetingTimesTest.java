package org.familyengagement.rules.pack;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;

import org.familyengagement.model.MeetingKind;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.FamilySpec;
import org.familyengagement.testkit.MeetingSpec;
import org.junit.jupiter.api.Test;

/**
 * {@code inflexible-meeting-times}: a held meeting in the window with offered times recorded, for
 * a family whose effective preference lists reachable windows (here weekdays 17:00-20:00), where
 * neither the meeting's time nor any offered time falls inside one.
 */
class InflexibleMeetingTimesTest {
    private static final String RULE = "inflexible-meeting-times";

    private static FamilySpec evenings() {
        return F.family(F1).languages("en").reachable("17:00", "20:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    }

    /** Wednesday 18 November at 15:00, during the family's working day. */
    private static MeetingSpec conference() {
        return F.meeting("mt-1", F1, MeetingKind.CONFERENCE, "2026-11-18T15:00");
    }

    @Test
    void aMeetingAndOfferedTimesAllOutsideTheFamilysHoursAreFlagged() {
        VERIFIER.verifyThat(RULE)
                .given(evenings(), conference().offered("2026-11-17T10:00", "2026-11-17T13:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidence("mt-1")
                .withCategory(Category.PARTNERSHIP)
                .withSeverity(Severity.LOW)
                .withMessage("The meeting on 2026-11-18 and the 2 other times offered all fell outside the hours the"
                        + " family can come.");
    }

    @Test
    void oneOfferedTimeTheFamilyCanComeIsEnough() {
        VERIFIER.verifyThat(RULE).given(evenings(), conference().offered("2026-11-17T10:00", "2026-11-17T18:00"))
                .asOf(AS_OF).doesNotFlag();
    }

    @Test
    void withNoOfferedTimesRecordedOrNoHoursGivenItDoesNotJudge() {
        VERIFIER.verifyThat(RULE).given(evenings(), conference()).asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE).given(F.family(F1).languages("en"), conference().offered("2026-11-17T10:00"))
                .asOf(AS_OF).doesNotFlag();
    }

    @Test
    void theWindowHoldsFromItsStartUpToButNotIncludingItsEnd() {
        VERIFIER.verifyThat(RULE).given(evenings(), conference().at("2026-11-18T17:00").offered("2026-11-17T10:00"))
                .asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE).given(evenings(), conference().at("2026-11-18T20:00").offered("2026-11-17T20:00"))
                .asOf(AS_OF).flagsFamily(F1);
    }

    @Test
    void theNamedCaregiversHoursDecide() {
        FamilySpec family = evenings().caregiver(F.caregiver("c-2", "father").reachable("14:00", "16:00", WEDNESDAY));

        VERIFIER.verifyThat(RULE).given(family, conference().caregiver("c-2").offered("2026-11-17T10:00"))
                .asOf(AS_OF).doesNotFlag();
    }

    @Test
    void anUpcomingOrCancelledMeetingIsNotJudged() {
        VERIFIER.verifyThat(RULE)
                .given(evenings(), conference().at("2026-11-24T15:00").offered("2026-11-17T10:00"),
                        F.meeting("mt-2", F1, MeetingKind.IEP, "2026-11-18T10:00").offered("2026-11-17T10:00")
                                .cancelled())
                .asOf(AS_OF).doesNotFlag();
    }
}
