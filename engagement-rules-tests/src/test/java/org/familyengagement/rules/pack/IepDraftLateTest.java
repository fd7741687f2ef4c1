package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.FAMILY;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;
import static org.familyengagement.rules.pack.PackFixtures.verifier;

import java.time.Duration;

import org.familyengagement.model.MeetingKind;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.MeetingSpec;
import org.junit.jupiter.api.Test;

/**
 * {@code iep-draft-late}: the same window test as {@code iep-input-late} with {@code iep.draftLead}
 * (7 days): the draft was not shared by {@code at - 7 days}. The meeting of most cases is on
 * Tuesday 24 November at 16:00, so its draft was due on 17 November at 16:00.
 */
class IepDraftLateTest {
    private static final String RULE = "iep-draft-late";

    private static MeetingSpec iep() {
        return F.meeting("mt-1", F1, MeetingKind.IEP, "2026-11-24T16:00").inputReceived("2026-10-01T09:00");
    }

    @Test
    void aDraftNotSharedAWeekAheadIsFlagged() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, iep())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidence("mt-1")
                .withCategory(Category.PARTNERSHIP)
                .withSeverity(Severity.HIGH)
                .withMessage("The draft IEP for the meeting on 2026-11-24 was due to the family by 2026-11-17 and has"
                        + " not been shared.");
    }

    @Test
    void aDraftSharedExactlyAWeekAheadIsOnTimeAndLaterIsLate() {
        VERIFIER.verifyThat(RULE).given(FAMILY, iep().draftShared("2026-11-17T16:00")).asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE).given(FAMILY, iep().draftShared("2026-11-18T09:00")).asOf(AS_OF)
                .flagsFamily(F1).withMessageContaining("and was shared late.");
    }

    @Test
    void aMeetingWhoseDraftIsNotYetDueIsNotJudged() {
        VERIFIER.verifyThat(RULE).given(FAMILY, iep().at("2026-11-30T09:00")).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void aHeldMeetingInTheWindowIsStillJudged() {
        VERIFIER.verifyThat(RULE).given(FAMILY, iep().at("2026-11-02T16:00").draftShared("2026-11-02T15:00"))
                .asOf(AS_OF).flagsFamily(F1).withEvidence("mt-1");
    }

    @Test
    void theLeadIsThePolicys() {
        verifier(Policy.defaults().withIep(new Policy.Iep(Duration.ofDays(30), Duration.ofDays(5))))
                .verifyThat(RULE).given(FAMILY, iep().draftShared("2026-11-18T09:00")).asOf(AS_OF).doesNotFlag();
    }
}
