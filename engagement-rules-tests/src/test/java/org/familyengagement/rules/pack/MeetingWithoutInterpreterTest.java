package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;

import org.familyengagement.model.Interpretation;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.FamilySpec;
import org.familyengagement.testkit.MeetingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code meeting-without-interpreter}: a held meeting in the window whose family's effective
 * preference asks for an interpreter, interpreted other than {@code QUALIFIED} or
 * {@code BILINGUAL_STAFF}. One finding per meeting.
 */
class MeetingWithoutInterpreterTest {
    private static final String RULE = "meeting-without-interpreter";

    private static FamilySpec asksForInterpreter() {
        return F.family(F1).languages("so").interpreter();
    }

    private static MeetingSpec conference(String id) {
        return F.meeting(id, F1, MeetingKind.CONFERENCE, "2026-11-12T16:00");
    }

    @Test
    void aMeetingWithNoInterpreterIsFlaggedOncePerMeeting() {
        VERIFIER.verifyThat(RULE)
                .given(asksForInterpreter(), conference("mt-1"),
                        F.meeting("mt-2", F1, MeetingKind.IEP, "2026-11-16T16:00").interpretation(Interpretation.STUDENT))
                .asOf(AS_OF)
                .flagsFamily(F1).times(2)
                .withEvidence("mt-1")
                .withCategory(Category.ACCESS)
                .withSeverity(Severity.HIGH)
                .withMessage("The meeting on 2026-11-12 had no qualified interpreter or bilingual staff, though the"
                        + " family asked for an interpreter.");
    }

    @ParameterizedTest
    @EnumSource(value = Interpretation.class, names = {"QUALIFIED", "BILINGUAL_STAFF"})
    void aQualifiedInterpreterOrBilingualStaffIsWhatWasAskedFor(Interpretation interpretation) {
        VERIFIER.verifyThat(RULE).given(asksForInterpreter(), conference("mt-1").interpretation(interpretation))
                .asOf(AS_OF).doesNotFlag();
    }

    @ParameterizedTest
    @EnumSource(value = Interpretation.class, names = {"MACHINE", "FAMILY_ADULT", "STUDENT", "NONE"})
    void aMachineARelativeOrAChildIsNot(Interpretation interpretation) {
        VERIFIER.verifyThat(RULE).given(asksForInterpreter(), conference("mt-1").interpretation(interpretation))
                .asOf(AS_OF).flagsFamily(F1);
    }

    @Test
    void aFamilyThatAskedForNoInterpreterIsNotFlagged() {
        VERIFIER.verifyThat(RULE).given(F.family(F1).languages("so"), conference("mt-1")).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void theNamedCaregiversPreferenceDecides() {
        FamilySpec family = F.family(F1).languages("en").caregiver(F.caregiver("c-2", "father").languages("ar")
                .interpreter());

        VERIFIER.verifyThat(RULE).given(family, conference("mt-1").caregiver("c-2")).asOf(AS_OF)
                .flagsFamily(F1).withEvidence("mt-1");
        VERIFIER.verifyThat(RULE).given(family, conference("mt-1")).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void onlyHeldMeetingsInTheWindowCount() {
        VERIFIER.verifyThat(RULE)
                .given(asksForInterpreter(), conference("mt-1").status(MeetingStatus.NO_SHOW),
                        F.meeting("mt-2", F1, MeetingKind.IEP, "2026-11-24T16:00"),
                        F.meeting("mt-3", F1, MeetingKind.IEP, "2026-10-21T16:00"))
                .asOf(AS_OF)
                .doesNotFlag();
    }
}
