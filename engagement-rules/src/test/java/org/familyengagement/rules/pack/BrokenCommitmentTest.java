package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.Facts.AS_OF;
import static org.familyengagement.rules.pack.Facts.F1;
import static org.familyengagement.rules.pack.Facts.WINDOW_START;
import static org.familyengagement.rules.pack.Facts.broadcast;
import static org.familyengagement.rules.pack.Facts.call;
import static org.familyengagement.rules.pack.Facts.commitment;
import static org.familyengagement.rules.pack.Facts.dataset;
import static org.familyengagement.rules.pack.Facts.findings;
import static org.familyengagement.rules.pack.Facts.fulfilledBy;
import static org.familyengagement.rules.pack.Facts.outbound;
import static org.familyengagement.rules.pack.Facts.question;

import java.time.Instant;
import java.util.List;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Mode;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Test;

/**
 * {@code broken-commitment}: a promise due in the window, not kept by its due time. With
 * {@code fulfilledBy}, only the named contact can keep it (delivered, outbound, at or before
 * {@code dueBy}); without, any delivered outbound personal contact by the promising staff member
 * (any staff when none is named) between {@code madeAt} and {@code dueBy}, both included.
 *
 * <p>Most cases: teacher t-1 promised on Monday 16 November, 09:00, to call by Wednesday 18
 * November, 17:00. Judged on Friday 20 November.
 */
class BrokenCommitmentTest {
    private static final String RULE = "broken-commitment";
    private static final String MADE = "2026-11-16T09:00";
    private static final String DUE = "2026-11-18T17:00";
    private static final Commitment PROMISE = commitment("m-1", "t-1", MADE, DUE);

    @Test
    void aPromiseNotKeptByItsDueTimeIsFlagged() {
        assertThat(findings(RULE, dataset(List.of(PROMISE)))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(RULE);
            assertThat(f.category()).isEqualTo(Category.RESPONSIVENESS);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.familyId()).isEqualTo(F1);
            assertThat(f.evidence()).containsExactly("m-1");
            assertThat(f.message()).isEqualTo("A promise due on 2026-11-18 was not kept on time.");
        });
    }

    // ---- without fulfilledBy ----------------------------------------------------------------

    @Test
    void aPersonalContactByTheSameStaffBetweenMadeAtAndDueByKeepsIt() {
        assertThat(findings(RULE, dataset(List.of(PROMISE), call("k-1", "2026-11-17T10:00")))).isEmpty();
        assertThat(findings(RULE, dataset(List.of(PROMISE), call("k-1", MADE)))).as("at madeAt").isEmpty();
        assertThat(findings(RULE, dataset(List.of(PROMISE), call("k-1", DUE)))).as("at dueBy").isEmpty();
    }

    @Test
    void aContactBeforeThePromiseDoesNotKeepIt() {
        assertThat(findings(RULE, dataset(List.of(PROMISE), call("k-1", "2026-11-16T08:59")))).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("m-1"));
    }

    @Test
    void anotherStaffMembersCallDoesNotKeepAPromiseMadeByNamedStaff() {
        assertThat(findings(RULE, dataset(List.of(PROMISE), call("k-1", "2026-11-17T10:00").staffId("t-2"))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("m-1"));
    }

    @Test
    void aPromiseWithNoStaffIsKeptByAnyStaffMember() {
        Commitment anyone = commitment("m-1", null, MADE, DUE);

        assertThat(findings(RULE, dataset(List.of(anyone), call("k-1", "2026-11-17T10:00").staffId("t-2"))))
                .isEmpty();
    }

    @Test
    void onlyADeliveredOutboundPersonalContactKeepsIt() {
        assertThat(findings(RULE, dataset(List.of(PROMISE),
                call("k-1", "2026-11-17T10:00").delivered(false),
                broadcast("k-2", "2026-11-17T11:00").staffId("t-1"),
                outbound("k-3", "2026-11-17T12:00", Channel.APP).mode(Mode.RECIPROCAL).staffId("t-1"),
                question("k-4", "2026-11-17T13:00").staffId("t-1"))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("m-1"));
    }

    @Test
    void aLateContactIsAddedToTheEvidence() {
        assertThat(findings(RULE, dataset(List.of(PROMISE), call("k-1", "2026-11-19T10:00")))).singleElement()
                .satisfies(f -> {
                    assertThat(f.evidence()).containsExactly("m-1", "k-1");
                    assertThat(f.message()).isEqualTo("A promise due on 2026-11-18 was not kept on time; it was "
                            + "kept late.");
                });
        assertThat(findings(RULE, dataset(List.of(PROMISE), call("k-1", "2026-11-18T17:00:01"))))
                .as("one second late").singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("m-1", "k-1"));
    }

    @Test
    void aContactAfterAsOfIsNoEvidence() {
        assertThat(findings(RULE, dataset(List.of(PROMISE), call("k-1", "2026-11-23T10:00")))).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("m-1"));
    }

    // ---- with fulfilledBy -------------------------------------------------------------------

    @Test
    void theNamedDeliveredOutboundContactKeepsItWhoeverMadeItAndWhateverItsMode() {
        Commitment named = fulfilledBy(PROMISE, "k-1");

        assertThat(findings(RULE, dataset(List.of(named),
                broadcast("k-1", "2026-11-17T10:00").staffId("t-2")))).isEmpty();
        assertThat(findings(RULE, dataset(List.of(named), call("k-1", DUE)))).as("at dueBy").isEmpty();
    }

    @Test
    void anUndeliveredNamedContactDoesNotKeepIt() {
        assertThat(findings(RULE, dataset(List.of(fulfilledBy(PROMISE, "k-1")),
                call("k-1", "2026-11-17T10:00").delivered(false))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("m-1"));
    }

    @Test
    void aNamedInboundContactDoesNotKeepIt() {
        assertThat(findings(RULE, dataset(List.of(fulfilledBy(PROMISE, "k-1")),
                question("k-1", "2026-11-17T10:00"))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("m-1"));
    }

    @Test
    void aLateNamedContactIsAddedToTheEvidence() {
        assertThat(findings(RULE, dataset(List.of(fulfilledBy(PROMISE, "k-1")), call("k-1", "2026-11-19T10:00"))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("m-1", "k-1"));
    }

    @Test
    void withFulfilledByAnOnTimeContactThatIsNotNamedDoesNotCount() {
        assertThat(findings(RULE, dataset(List.of(fulfilledBy(PROMISE, "k-2")),
                call("k-1", "2026-11-17T10:00"),
                call("k-2", "2026-11-19T10:00"))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("m-1", "k-2"));
    }

    // ---- the window -------------------------------------------------------------------------

    @Test
    void aPromiseDueAtTheExclusiveStartOfTheWindowIsOutsideIt() {
        Instant made = WINDOW_START.minusSeconds(3600);

        assertThat(findings(RULE, dataset(List.of(new Commitment("m-1", F1, "t-1", made, WINDOW_START, null)))))
                .isEmpty();
        assertThat(findings(RULE, dataset(List.of(new Commitment("m-2", F1, "t-1", made,
                WINDOW_START.plusSeconds(1), null))))).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("m-2"));
    }

    @Test
    void aPromiseDueExactlyAtAsOfIsJudged() {
        assertThat(findings(RULE, dataset(List.of(new Commitment("m-1", F1, "t-1", AS_OF.minusSeconds(3600), AS_OF,
                null))))).singleElement().extracting(Finding::evidence).isEqualTo(List.of("m-1"));
    }

    @Test
    void aPromiseDueAfterAsOfIsNotYetBroken() {
        assertThat(findings(RULE, dataset(List.of(commitment("m-1", "t-1", MADE, "2026-11-20T17:01"))))).isEmpty();
    }
}
