package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;
import static org.familyengagement.rules.pack.PackFixtures.ZONE;
import static org.familyengagement.rules.pack.PackFixtures.at;
import static org.familyengagement.rules.pack.PackFixtures.verifier;

import java.time.LocalDate;
import java.util.Set;

import org.familyengagement.model.District;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.Facts;
import org.familyengagement.testkit.FamilySpec;
import org.junit.jupiter.api.Test;

/**
 * {@code early-conference-missing}: with the school year starting on Monday 17 August 2026 and no
 * holidays, the 40th school day (the start being the first) is Friday 9 October; from the start
 * of 10 October a family with a student and no conference (not cancelled) dated on or before
 * 9 October is flagged, once, with no evidence.
 */
class EarlyConferenceMissingTest {
    private static final String RULE = "early-conference-missing";
    private static final District DISTRICT = District.builder("d-1", ZONE)
            .schoolYearStart(LocalDate.of(2026, 8, 17)).build();
    private static final Facts F = Facts.in(DISTRICT);

    private static FamilySpec family() {
        return F.family("f-1").languages("en").student("s-1");
    }

    @Test
    void aFamilyWithNoConferenceByTheFortiethSchoolDayIsFlagged() {
        VERIFIER.verifyThat(RULE)
                .given(family())
                .asOf(AS_OF)
                .flagsFamily("f-1").times(1)
                .withEvidence()
                .withCategory(Category.PARTNERSHIP)
                .withSeverity(Severity.MEDIUM)
                .withMessage("This family had no conference by 2026-10-09.");
    }

    @Test
    void aConferenceOnTheFortiethSchoolDayIsEarlyAndOnTheNextSchoolDayIsNot() {
        VERIFIER.verifyThat(RULE)
                .given(family(), F.meeting("mt-1", "f-1", MeetingKind.CONFERENCE, "2026-10-09T18:00"))
                .asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE)
                .given(family(), F.meeting("mt-1", "f-1", MeetingKind.CONFERENCE, "2026-10-12T08:00"))
                .asOf(AS_OF).flagsFamily("f-1");
    }

    @Test
    void aNoShowStillCountsAsTheConferenceButACancelledOneOrAnotherKindDoesNot() {
        VERIFIER.verifyThat(RULE)
                .given(family(), F.meeting("mt-1", "f-1", MeetingKind.CONFERENCE, "2026-10-01T16:00")
                        .status(MeetingStatus.NO_SHOW))
                .asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE)
                .given(family(), F.meeting("mt-1", "f-1", MeetingKind.CONFERENCE, "2026-10-01T16:00").cancelled(),
                        F.meeting("mt-2", "f-1", MeetingKind.IEP, "2026-09-15T16:00"))
                .asOf(AS_OF).flagsFamily("f-1");
    }

    @Test
    void itJudgesOnlyOnceTheFortiethSchoolDayIsOver() {
        VERIFIER.verifyThat(RULE).given(family()).asOf(at("2026-10-09T23:59")).doesNotFlag();
        VERIFIER.verifyThat(RULE).given(family()).asOf(at("2026-10-10T00:00")).flagsFamily("f-1");
    }

    @Test
    void aFamilyWithoutStudentsOrADistrictWithoutAStartIsNotJudged() {
        VERIFIER.verifyThat(RULE).given(F.family("f-1").languages("en")).asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE).given(Facts.defaults().family("f-1").languages("en").student("s-1")).asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void holidaysAndThePolicysDayMoveTheDeadline() {
        District withHolidays = DISTRICT.toBuilder()
                .holidays(Set.of(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 9))).build();
        Facts facts = Facts.in(withHolidays);

        // Two school days fewer by 9 October: the 40th is now Tuesday 13 October.
        VERIFIER.verifyThat(RULE)
                .given(facts.family("f-1").languages("en").student("s-1"),
                        facts.meeting("mt-1", "f-1", MeetingKind.CONFERENCE, "2026-10-13T16:00"))
                .asOf(AS_OF).doesNotFlag();
        verifier(Policy.defaults().withConference(new Policy.Conference(41)))
                .verifyThat(RULE)
                .given(family(), F.meeting("mt-1", "f-1", MeetingKind.CONFERENCE, "2026-10-12T08:00"))
                .asOf(AS_OF).doesNotFlag();
    }
}
