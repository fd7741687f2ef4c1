package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.Facts.F1;
import static org.familyengagement.rules.pack.Facts.WINDOW_START;
import static org.familyengagement.rules.pack.Facts.at;
import static org.familyengagement.rules.pack.Facts.broadcast;
import static org.familyengagement.rules.pack.Facts.call;
import static org.familyengagement.rules.pack.Facts.dataset;
import static org.familyengagement.rules.pack.Facts.findings;
import static org.familyengagement.rules.pack.Facts.outbound;
import static org.familyengagement.rules.pack.Facts.question;
import static org.familyengagement.rules.pack.Facts.text;

import java.time.Instant;
import java.util.List;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Mode;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Severity;
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
    private static final Instant DEADLINE = at("2026-11-18T00:00");

    @Test
    void aQuestionWithNoReplyByItsDeadlineIsFlagged() {
        assertThat(findings(RULE, dataset(question("k-1", FRIDAY_QUESTION)))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(RULE);
            assertThat(f.category()).isEqualTo(Category.RESPONSIVENESS);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.familyId()).isEqualTo(F1);
            assertThat(f.group()).isNull();
            assertThat(f.evidence()).containsExactly("k-1");
            // Whole school days waited: Monday to Thursday; Friday is not over at 17:00.
            assertThat(f.message())
                    .isEqualTo("A question from this family on 2026-11-13 has had no reply for 4 school days.");
        });
    }

    @Test
    void eachUnansweredInputIsItsOwnFinding() {
        List<Finding> found = findings(RULE, dataset(question("k-1", FRIDAY_QUESTION),
                question("k-2", "2026-11-16T09:00")));

        assertThat(found).extracting(Finding::evidence).containsExactly(List.of("k-1"), List.of("k-2"));
    }

    @Test
    void anInboundContactThatAwaitsNoReplyIsNeverUnanswered() {
        assertThat(findings(RULE, dataset(question("k-1", FRIDAY_QUESTION).awaitsReply(false)))).isEmpty();
    }

    // ---- what counts as a reply -------------------------------------------------------------

    @Test
    void aDeliveredContactNamingTheInputAnswersIt() {
        assertThat(findings(RULE, dataset(question("k-1", FRIDAY_QUESTION),
                text("k-2", "2026-11-16T10:00").replyTo("k-1")))).isEmpty();
    }

    @Test
    void aContactNamingTheInputAnswersItWhateverItsMode() {
        // The fallback needs a personal contact; a contact that names the input does not.
        assertThat(findings(RULE, dataset(question("k-1", FRIDAY_QUESTION),
                outbound("k-2", "2026-11-16T10:00", Channel.APP).mode(Mode.RECIPROCAL).replyTo("k-1"))))
                .isEmpty();
    }

    @Test
    void aLateReplyStillAnswersTheInput() {
        // Late but before asOf: answered, so not unanswered (group-response-disparity counts it late).
        assertThat(findings(RULE, dataset(question("k-1", FRIDAY_QUESTION),
                text("k-2", "2026-11-19T10:00").replyTo("k-1")))).isEmpty();
    }

    @Test
    void aReplyAfterAsOfIsOutsideTheEvaluation() {
        assertThat(findings(RULE, dataset(question("k-1", FRIDAY_QUESTION),
                text("k-2", "2026-11-20T17:01").replyTo("k-1")))).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("k-1"));
    }

    @Test
    void withoutANamingContactADeliveredPersonalContactAtOrAfterTheInputAnswersIt() {
        assertThat(findings(RULE, dataset(question("k-1", FRIDAY_QUESTION), call("k-2", "2026-11-16T10:00"))))
                .isEmpty();
        assertThat(findings(RULE, dataset(question("k-1", FRIDAY_QUESTION), call("k-2", FRIDAY_QUESTION))))
                .as("a personal contact at the very instant of the input").isEmpty();
    }

    @Test
    void aPersonalContactBeforeTheInputDoesNotAnswerIt() {
        assertThat(findings(RULE, dataset(call("k-0", "2026-11-13T13:59"), question("k-1", FRIDAY_QUESTION))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("k-1"));
    }

    @Test
    void broadcastsReciprocalAndUndeliveredContactsAreNoFallbackReply() {
        Dataset dataset = dataset(question("k-1", FRIDAY_QUESTION),
                broadcast("k-2", "2026-11-16T10:00"),
                outbound("k-3", "2026-11-16T11:00", Channel.APP).mode(Mode.RECIPROCAL),
                call("k-4", "2026-11-16T12:00").delivered(false));

        assertThat(findings(RULE, dataset)).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("k-1"));
    }

    @Test
    void onceAContactNamesTheInputOnlyANamingContactCanAnswerIt() {
        // The text naming k-1 bounced; the later call names nothing, and the fallback applies only
        // "where no contact names i in replyTo".
        Dataset dataset = dataset(question("k-1", FRIDAY_QUESTION),
                text("k-2", "2026-11-16T10:00").replyTo("k-1").delivered(false),
                call("k-3", "2026-11-16T12:00"));

        assertThat(findings(RULE, dataset)).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("k-1"));
    }

    @Test
    void aPersonalReplyToAnotherInputIsAFallbackReplyToThisOne() {
        // Nothing names k-1, so any later personal delivered contact answers it, even one that
        // names k-2.
        Dataset dataset = dataset(question("k-1", FRIDAY_QUESTION), question("k-2", "2026-11-13T15:00"),
                call("k-3", "2026-11-16T10:00").replyTo("k-2"));

        assertThat(findings(RULE, dataset)).isEmpty();
    }

    // ---- the deadline -----------------------------------------------------------------------

    @Test
    void aFridayInputIsDueAtTheStartOfWednesday() {
        Dataset dataset = dataset(question("k-1", FRIDAY_QUESTION));

        assertThat(findings(RULE, dataset, DEADLINE.minusSeconds(1))).as("all of Tuesday counts").isEmpty();
        assertThat(findings(RULE, dataset, DEADLINE)).as("asOf exactly at the deadline").singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("no reply for 2 school days."));
    }

    @Test
    void aHolidayIsNoSchoolDay() {
        // Monday 16 November a holiday: Tuesday and Wednesday are the two school days.
        Dataset dataset = Dataset.of(Facts.districtWithHolidays("2026-11-16"), Facts.STAFF,
                List.of(Facts.family(F1)), Facts.build(question("k-1", FRIDAY_QUESTION)), List.of());

        assertThat(findings(RULE, dataset, at("2026-11-19T00:00").minusSeconds(1))).isEmpty();
        assertThat(findings(RULE, dataset, at("2026-11-19T00:00"))).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("k-1"));
    }

    @Test
    void theNumberOfSchoolDaysComesFromThePolicy() {
        Dataset dataset = dataset(question("k-1", FRIDAY_QUESTION));
        Policy threeDays = Policy.defaults().withResponseSchoolDays(3);

        // Due at the start of Thursday 19 November with three school days.
        assertThat(findings(RULE, dataset, threeDays, at("2026-11-19T00:00").minusSeconds(1))).isEmpty();
        assertThat(findings(RULE, dataset, threeDays, at("2026-11-19T00:00"))).singleElement();
    }

    // ---- the window -------------------------------------------------------------------------

    @Test
    void anInputAtTheExclusiveStartOfTheWindowIsOutsideIt() {
        Contact.Builder atStart = Contact.builder("k-1", F1, WINDOW_START, Direction.INBOUND, Channel.SMS);
        Contact.Builder justInside = Contact.builder("k-2", F1, WINDOW_START.plusSeconds(1), Direction.INBOUND,
                Channel.SMS);

        assertThat(findings(RULE, dataset(atStart))).isEmpty();
        assertThat(findings(RULE, dataset(justInside))).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("k-2"));
    }
}
