package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_WINDOW_START;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;

import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.FamilySpec;
import org.junit.jupiter.api.Test;

/**
 * {@code restricted-contact}: an outbound contact in the window (delivered or not), or a meeting
 * with {@code at} in the window (any status), names a caregiver under {@code NO_CONTACT}.
 */
class RestrictedContactTest {
    private static final String RULE = "restricted-contact";

    private static FamilySpec family() {
        return F.family(F1).languages("en").caregiver(F.caregiver("c-1", "mother"))
                .caregiver(F.caregiver("c-2", "father").noContact());
    }

    @Test
    void aTextAFailedCallAndACancelledMeetingNamingTheRestrictedCaregiverAreOneFinding() {
        VERIFIER.verifyThat(RULE)
                .given(family(), F.text("k-1", F1, "2026-11-16T10:00").caregiver("c-2"),
                        F.call("k-2", F1, "2026-11-17T10:00").caregiver("c-2").undelivered(),
                        F.meeting("mt-1", F1, MeetingKind.IEP, "2026-11-19T16:00").caregiver("c-2")
                                .status(MeetingStatus.CANCELLED))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidence("k-1", "k-2", "mt-1")
                .withCategory(Category.SAFETY)
                .withSeverity(Severity.HIGH)
                .withMessage("3 contacts or meetings named a caregiver the school must not contact.");
    }

    @Test
    void theOtherCaregiverAndInputFromTheRestrictedOneAreNotContactByTheSchool() {
        VERIFIER.verifyThat(RULE)
                .given(family(), F.text("k-1", F1, "2026-11-16T10:00").caregiver("c-1"),
                        F.note("k-2", F1, "2026-11-17T10:00").caregiver("c-2"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void anUpcomingMeetingIsNotInTheWindowNorAContactBeforeIt() {
        VERIFIER.verifyThat(RULE)
                .given(family(), F.text("k-1", F1, AT_WINDOW_START).caregiver("c-2"),
                        F.meeting("mt-1", F1, MeetingKind.CONFERENCE, "2026-11-23T16:00").caregiver("c-2"))
                .asOf(AS_OF)
                .doesNotFlag();
    }
}
