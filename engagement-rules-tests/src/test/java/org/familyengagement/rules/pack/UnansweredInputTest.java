package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_WINDOW_START;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.FAMILY;
import static org.familyengagement.rules.pack.PackFixtures.JUST_INSIDE_WINDOW;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;
import static org.familyengagement.rules.pack.PackFixtures.districtWithHolidays;
import static org.familyengagement.rules.pack.PackFixtures.verifier;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.District;
import org.familyengagement.model.Mode;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.ContactSpec;
import org.familyengagement.testkit.FamilySpec;
import org.familyengagement.testkit.RuleVerifier;
import org.junit.jupiter.api.Test;

/**
 * {@code unanswered-input}: an inbound contact awaiting a reply, in the window, whose deadline
 * (start of the day after the N-th school day after it) has passed with no reply by {@code asOf}.
 *
 * <p>The question of most cases comes on Friday 13 November, 14:00; with N = 2 and no holidays
 * its deadline is the start of Wednesday 18 November. Judged on Friday 20 November.
 */
class UnansweredInputTest {
    private static final String RULE = "unanswered-input";
    private static final String FRIDAY_QUESTION = "2026-11-13T14:00";

    /** The question of most cases: an SMS from f-1 on Friday afternoon that awaits a reply. */
    private static ContactSpec question() {
        return F.question("k-1", F1, FRIDAY_QUESTION);
    }

    @Test
    void aQuestionWithNoReplyByItsDeadlineIsFlagged() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidence("k-1")
                .withCategory(Category.RESPONSIVENESS)
                .withSeverity(Severity.HIGH)
                // Whole school days waited: Monday to Thursday; Friday is not over at 17:00.
                .withMessage("A question from this family on 2026-11-13 has had no reply for 4 school days.");
    }

    @Test
    void eachUnansweredInputIsItsOwnFinding() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question(), F.question("k-2", F1, "2026-11-16T09:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(2)
                .withEvidence("k-1")
                .and().flagsFamily(F1).withEvidence("k-2");
    }

    @Test
    void anInboundContactThatAwaitsNoReplyIsNeverUnanswered() {
        VERIFIER.verifyThat(RULE).given(FAMILY, F.note("k-1", F1, FRIDAY_QUESTION)).asOf(AS_OF).doesNotFlag();
    }

    // ---- what counts as a reply -------------------------------------------------------------

    @Test
    void aDeliveredContactNamingTheInputAnswersIt() {
        ContactSpec question = question();

        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question, F.replyTo(question, "k-2", "2026-11-16T10:00").language("es"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void aContactNamingTheInputAnswersItWhateverItsMode() {
        // The fallback needs a personal contact; a contact that names the input does not.
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question(), F.contact("k-2", F1, "2026-11-16T10:00", Direction.OUTBOUND, Channel.APP)
                        .mode(Mode.RECIPROCAL).replyTo("k-1").language("es"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void aLateReplyStillAnswersTheInput() {
        // Late but before asOf: answered, so not unanswered (group-response-disparity counts it late).
        ContactSpec question = question();

        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question, F.replyTo(question, "k-2", "2026-11-19T10:00").language("es"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void aReplyAfterAsOfIsOutsideTheEvaluation() {
        ContactSpec question = question();

        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question, F.replyTo(question, "k-2", "2026-11-20T17:01"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-1");
    }

    @Test
    void withoutANamingContactADeliveredPersonalContactAtOrAfterTheInputAnswersIt() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question(), F.call("k-2", F1, "2026-11-16T10:00").language("es"))
                .asOf(AS_OF)
                .doesNotFlag();
        // A personal contact at the very instant of the input.
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question(), F.call("k-2", F1, FRIDAY_QUESTION).language("es"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void aPersonalContactBeforeTheInputDoesNotAnswerIt() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, F.call("k-0", F1, "2026-11-13T13:59"), question())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-1");
    }

    @Test
    void broadcastsReciprocalAndUndeliveredContactsAreNoFallbackReply() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question(),
                        F.broadcast("k-2", F1, "2026-11-16T10:00"),
                        F.contact("k-3", F1, "2026-11-16T11:00", Direction.OUTBOUND, Channel.APP).mode(Mode.RECIPROCAL),
                        F.call("k-4", F1, "2026-11-16T12:00").undelivered())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-1");
    }

    @Test
    void onceAContactNamesTheInputOnlyANamingContactCanAnswerIt() {
        // The text naming k-1 bounced; the later call names nothing, and the fallback applies only
        // "where no contact names i in replyTo".
        ContactSpec question = question();

        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question,
                        F.replyTo(question, "k-2", "2026-11-16T10:00").undelivered(),
                        F.call("k-3", F1, "2026-11-16T12:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-1");
    }

    @Test
    void aPersonalReplyToAnotherInputIsAFallbackReplyToThisOne() {
        // Nothing names k-1, so any later personal delivered contact answers it, even one that
        // names k-2.
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question(), F.question("k-2", F1, "2026-11-13T15:00"),
                        F.call("k-3", F1, "2026-11-16T10:00").replyTo("k-2").language("es"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    // ---- a reply must be understood (RULES.md v2) ---------------------------------------------

    @Test
    void anEnglishReplyToASpanishReadingFamilyIsNoAnswer() {
        ContactSpec question = question();

        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question, F.replyTo(question, "k-2", "2026-11-16T10:00").language("en"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-1");
        // Nor a personal contact in English as the fallback.
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question(), F.call("k-2", F1, "2026-11-16T10:00").language("en"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-1");
    }

    @Test
    void anInterpretedReplyIsUnderstoodButOneAChildInterpretedIsNot() {
        ContactSpec question = question();

        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question, F.replyTo(question, "k-2", "2026-11-16T10:00").language("en")
                        .interpretation(Interpretation.BILINGUAL_STAFF))
                .asOf(AS_OF)
                .doesNotFlag();
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, question, F.replyTo(question, "k-2", "2026-11-16T10:00").language("en")
                        .interpretation(Interpretation.STUDENT))
                .asOf(AS_OF)
                .flagsFamily(F1);
    }

    @Test
    void theNamedCaregiversLanguageDecides() {
        ContactSpec question = question();
        FamilySpec family = F.family(F1).languages("es").caregiver(F.caregiver("c-2", "father").languages("en"));

        VERIFIER.verifyThat(RULE)
                .given(family, question, F.replyTo(question, "k-2", "2026-11-16T10:00").language("en").caregiver("c-2"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void thePolicyCanCountEveryDeliveredReply() {
        ContactSpec question = question();

        verifier(Policy.defaults().withReplies(new Policy.Replies(false))).verifyThat(RULE)
                .given(FAMILY, question, F.replyTo(question, "k-2", "2026-11-16T10:00").language("en"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    // ---- the deadline -----------------------------------------------------------------------

    @Test
    void aFridayInputIsDueAtTheStartOfWednesday() {
        // All of Tuesday counts.
        VERIFIER.verifyThat(RULE).given(FAMILY, question()).asOf("2026-11-17T23:59:59").doesNotFlag();
        // asOf exactly at the deadline.
        VERIFIER.verifyThat(RULE).given(FAMILY, question()).asOf("2026-11-18T00:00")
                .flagsFamily(F1).times(1)
                .withMessage("A question from this family on 2026-11-13 has had no reply for 2 school days.");
    }

    @Test
    void aHolidayIsNoSchoolDay() {
        // Monday 16 November a holiday: Tuesday and Wednesday are the two school days.
        District mondayOff = districtWithHolidays("2026-11-16");

        VERIFIER.verifyThat(RULE).given(mondayOff, FAMILY, question()).asOf("2026-11-18T23:59:59").doesNotFlag();
        VERIFIER.verifyThat(RULE).given(mondayOff, FAMILY, question()).asOf("2026-11-19T00:00")
                .flagsFamily(F1).times(1).withEvidence("k-1");
    }

    @Test
    void theNumberOfSchoolDaysComesFromThePolicy() {
        RuleVerifier threeDays = verifier(Policy.defaults().withResponseSchoolDays(3));

        // Due at the start of Thursday 19 November with three school days.
        threeDays.verifyThat(RULE).given(FAMILY, question()).asOf("2026-11-18T23:59:59").doesNotFlag();
        threeDays.verifyThat(RULE).given(FAMILY, question()).asOf("2026-11-19T00:00").flagsFamily(F1).times(1);
    }

    // ---- the window -------------------------------------------------------------------------

    @Test
    void anInputAtTheExclusiveStartOfTheWindowIsOutsideIt() {
        VERIFIER.verifyThat(RULE).given(FAMILY, F.question("k-1", F1, AT_WINDOW_START)).asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE).given(FAMILY, F.question("k-2", F1, JUST_INSIDE_WINDOW)).asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-2");
    }
}
