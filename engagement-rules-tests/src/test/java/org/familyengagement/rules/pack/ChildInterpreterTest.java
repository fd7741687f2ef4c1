package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_WINDOW_START;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.FAMILY;
import static org.familyengagement.rules.pack.PackFixtures.JUST_INSIDE_WINDOW;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;

import org.familyengagement.model.Interpretation;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Test;

/**
 * {@code child-interpreter}: a contact (either direction) or a meeting in the window (held) that a
 * student interpreted. One finding per family; evidence the contacts, then the meetings.
 */
class ChildInterpreterTest {
    private static final String RULE = "child-interpreter";

    @Test
    void aCallAndAConferenceAStudentInterpretedAreOneFinding() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, F.call("k-1", F1, "2026-11-16T16:00").interpretation(Interpretation.STUDENT),
                        F.note("k-2", F1, "2026-11-17T09:00").interpretation(Interpretation.STUDENT),
                        F.meeting("mt-1", F1, MeetingKind.CONFERENCE, "2026-11-12T16:00")
                                .interpretation(Interpretation.STUDENT))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidence("k-1", "k-2", "mt-1")
                .withCategory(Category.ACCESS)
                .withSeverity(Severity.HIGH)
                .withMessage("3 contacts or meetings with this family had a child as interpreter.");
    }

    @Test
    void anAdultTheFamilyBroughtIsNotAChild() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, F.call("k-1", F1, "2026-11-16T16:00").interpretation(Interpretation.FAMILY_ADULT),
                        F.meeting("mt-1", F1, MeetingKind.CONFERENCE, "2026-11-12T16:00")
                                .interpretation(Interpretation.QUALIFIED))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void aCancelledOrUpcomingMeetingHadNobodyInterpret() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, F.meeting("mt-1", F1, MeetingKind.CONFERENCE, "2026-11-12T16:00")
                                .interpretation(Interpretation.STUDENT).status(MeetingStatus.CANCELLED),
                        F.meeting("mt-2", F1, MeetingKind.IEP, "2026-11-24T16:00")
                                .interpretation(Interpretation.STUDENT))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void theWindowStartIsOutsideAndTheNextSecondInside() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, F.call("k-1", F1, AT_WINDOW_START).interpretation(Interpretation.STUDENT))
                .asOf(AS_OF)
                .doesNotFlag();
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, F.call("k-1", F1, JUST_INSIDE_WINDOW).interpretation(Interpretation.STUDENT))
                .asOf(AS_OF)
                .flagsFamily(F1).withEvidence("k-1");
    }
}
