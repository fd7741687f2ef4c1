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
 * {@code iep-input-late}: an IEP meeting, not cancelled, after the window's start, whose input was
 * due ({@code at - iep.inputLead <= asOf}, 30 days): the input is absent or came after
 * {@code at - 30 days}. The meeting of most cases is on Thursday 10 December at 16:00, so its
 * input was due on 10 November at 16:00; judged on Friday 20 November.
 */
class IepInputLateTest {
    private static final String RULE = "iep-input-late";

    private static MeetingSpec iep() {
        return F.meeting("mt-1", F1, MeetingKind.IEP, "2026-12-10T16:00").inputRequested("2026-10-15T09:00");
    }

    @Test
    void inputNotBackAMonthAheadIsFlagged() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, iep())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidence("mt-1")
                .withCategory(Category.PARTNERSHIP)
                .withSeverity(Severity.HIGH)
                .withMessage("The family's input for the IEP meeting on 2026-12-10 was due by 2026-11-10 and has not"
                        + " come back.");
    }

    @Test
    void theMessageSaysWhenTheInputWasNeverRequestedOrCameLate() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, F.meeting("mt-1", F1, MeetingKind.IEP, "2026-12-10T16:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).withMessageContaining("(it was never requested)");
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, iep().inputReceived("2026-11-12T09:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).withMessageContaining("and came back late.");
    }

    @Test
    void inputBackExactlyAMonthAheadIsOnTimeAndASecondLaterIsLate() {
        VERIFIER.verifyThat(RULE).given(FAMILY, iep().inputReceived("2026-11-10T16:00")).asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE).given(FAMILY, iep().inputReceived("2026-11-10T16:00:01")).asOf(AS_OF)
                .flagsFamily(F1);
    }

    @Test
    void aMeetingWhoseInputIsNotYetDueIsNotJudged() {
        // Due on 20 November at 16:00: judged at 17:00. Due at 18:00: not yet.
        VERIFIER.verifyThat(RULE).given(FAMILY, iep().at("2026-12-20T16:00")).asOf(AS_OF).flagsFamily(F1);
        VERIFIER.verifyThat(RULE).given(FAMILY, iep().at("2026-12-20T18:00")).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void cancelledMeetingsOtherKindsAndMeetingsBeforeTheWindowAreNotJudged() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, iep().cancelled(),
                        F.meeting("mt-2", F1, MeetingKind.CONFERENCE, "2026-12-01T16:00"),
                        F.meeting("mt-3", F1, MeetingKind.IEP, "2026-10-20T16:00"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void theLeadIsThePolicys() {
        verifier(Policy.defaults().withIep(new Policy.Iep(Duration.ofDays(28), Duration.ofDays(7))))
                .verifyThat(RULE).given(FAMILY, iep().inputReceived("2026-11-12T09:00")).asOf(AS_OF).doesNotFlag();
    }
}
