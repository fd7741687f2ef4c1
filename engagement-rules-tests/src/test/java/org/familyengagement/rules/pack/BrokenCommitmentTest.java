package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_WINDOW_START;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.FAMILY;
import static org.familyengagement.rules.pack.PackFixtures.JUST_INSIDE_WINDOW;
import static org.familyengagement.rules.pack.PackFixtures.STAFF;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Mode;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.CommitmentSpec;
import org.familyengagement.testkit.ContactSpec;
import org.junit.jupiter.api.Test;

/**
 * {@code broken-commitment}: a promise due in the window, not kept by its due time. With
 * {@code fulfilledBy}, only the named contact can keep it (delivered, outbound, at or before
 * {@code dueBy}); without, any delivered outbound personal contact by the promising staff member
 * (any staff when none is named) between {@code madeAt} and {@code dueBy}, both included.
 *
 * <p>Most cases: teacher t-1 promised on Monday 16 November, 09:00, to call by Wednesday 18
 * November, 17:00. Judged on Friday 20 November. Counselor t-2 works at the same school.
 */
class BrokenCommitmentTest {
    private static final String RULE = "broken-commitment";
    private static final String MADE = "2026-11-16T09:00";
    private static final String DUE = "2026-11-18T17:00";

    /** t-1's promise to f-1 of most cases; a new one each time, as {@code fulfilledBy} changes it. */
    private static CommitmentSpec promise() {
        return F.commitment("m-1", F1, DUE).madeAt(MADE).by("t-1");
    }

    /** A delivered personal phone call to f-1 by t-1, the teacher who promised. */
    private static ContactSpec callByTheTeacher(String id, String at) {
        return F.call(id, F1, at).staff("t-1");
    }

    @Test
    void aPromiseNotKeptByItsDueTimeIsFlagged() {
        VERIFIER.verifyThat(RULE)
                .given(STAFF, FAMILY, promise())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidence("m-1")
                .withCategory(Category.RESPONSIVENESS)
                .withSeverity(Severity.HIGH)
                .withMessage("A promise due on 2026-11-18 was not kept on time.");
    }

    // ---- without fulfilledBy ----------------------------------------------------------------

    @Test
    void aPersonalContactByTheSameStaffBetweenMadeAtAndDueByKeepsIt() {
        VERIFIER.verifyThat(RULE).given(STAFF, FAMILY, promise(), callByTheTeacher("k-1", "2026-11-17T10:00"))
                .asOf(AS_OF).doesNotFlag();
        // At madeAt.
        VERIFIER.verifyThat(RULE).given(STAFF, FAMILY, promise(), callByTheTeacher("k-1", MADE))
                .asOf(AS_OF).doesNotFlag();
        // At dueBy.
        VERIFIER.verifyThat(RULE).given(STAFF, FAMILY, promise(), callByTheTeacher("k-1", DUE))
                .asOf(AS_OF).doesNotFlag();
    }

    @Test
    void aContactBeforeThePromiseDoesNotKeepIt() {
        VERIFIER.verifyThat(RULE).given(STAFF, FAMILY, promise(), callByTheTeacher("k-1", "2026-11-16T08:59"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("m-1");
    }

    @Test
    void anotherStaffMembersCallDoesNotKeepAPromiseMadeByNamedStaff() {
        VERIFIER.verifyThat(RULE).given(STAFF, FAMILY, promise(), F.call("k-1", F1, "2026-11-17T10:00").staff("t-2"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("m-1");
    }

    @Test
    void aPromiseWithNoStaffIsKeptByAnyStaffMember() {
        CommitmentSpec anyone = F.commitment("m-1", F1, DUE).madeAt(MADE);

        VERIFIER.verifyThat(RULE).given(STAFF, FAMILY, anyone, F.call("k-1", F1, "2026-11-17T10:00").staff("t-2"))
                .asOf(AS_OF).doesNotFlag();
    }

    @Test
    void onlyADeliveredOutboundPersonalContactKeepsIt() {
        VERIFIER.verifyThat(RULE)
                .given(STAFF, FAMILY, promise(),
                        callByTheTeacher("k-1", "2026-11-17T10:00").undelivered(),
                        F.broadcast("k-2", F1, "2026-11-17T11:00").staff("t-1"),
                        F.contact("k-3", F1, "2026-11-17T12:00", Direction.OUTBOUND, Channel.APP)
                                .mode(Mode.RECIPROCAL).staff("t-1"),
                        F.question("k-4", F1, "2026-11-17T13:00").staff("t-1"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("m-1");
    }

    @Test
    void aLateContactIsAddedToTheEvidence() {
        VERIFIER.verifyThat(RULE).given(STAFF, FAMILY, promise(), callByTheTeacher("k-1", "2026-11-19T10:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidenceInOrder("m-1", "k-1")
                .withMessage("A promise due on 2026-11-18 was not kept on time; it was kept late.");
        // One second late.
        VERIFIER.verifyThat(RULE).given(STAFF, FAMILY, promise(), callByTheTeacher("k-1", "2026-11-18T17:00:01"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidenceInOrder("m-1", "k-1");
    }

    @Test
    void aContactAfterAsOfIsNoEvidence() {
        VERIFIER.verifyThat(RULE).given(STAFF, FAMILY, promise(), callByTheTeacher("k-1", "2026-11-23T10:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("m-1");
    }

    // ---- with fulfilledBy -------------------------------------------------------------------

    @Test
    void theNamedDeliveredOutboundContactKeepsItWhoeverMadeItAndWhateverItsMode() {
        VERIFIER.verifyThat(RULE)
                .given(STAFF, FAMILY, promise().fulfilledBy("k-1"),
                        F.broadcast("k-1", F1, "2026-11-17T10:00").staff("t-2"))
                .asOf(AS_OF).doesNotFlag();
        // At dueBy.
        VERIFIER.verifyThat(RULE).given(STAFF, FAMILY, promise().fulfilledBy("k-1"), callByTheTeacher("k-1", DUE))
                .asOf(AS_OF).doesNotFlag();
    }

    @Test
    void anUndeliveredNamedContactDoesNotKeepIt() {
        VERIFIER.verifyThat(RULE)
                .given(STAFF, FAMILY, promise().fulfilledBy("k-1"),
                        callByTheTeacher("k-1", "2026-11-17T10:00").undelivered())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("m-1");
    }

    @Test
    void aNamedInboundContactDoesNotKeepIt() {
        VERIFIER.verifyThat(RULE)
                .given(STAFF, FAMILY, promise().fulfilledBy("k-1"), F.question("k-1", F1, "2026-11-17T10:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("m-1");
    }

    @Test
    void aLateNamedContactIsAddedToTheEvidence() {
        VERIFIER.verifyThat(RULE)
                .given(STAFF, FAMILY, promise().fulfilledBy("k-1"), callByTheTeacher("k-1", "2026-11-19T10:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidenceInOrder("m-1", "k-1");
    }

    @Test
    void withFulfilledByAnOnTimeContactThatIsNotNamedDoesNotCount() {
        VERIFIER.verifyThat(RULE)
                .given(STAFF, FAMILY, promise().fulfilledBy("k-2"),
                        callByTheTeacher("k-1", "2026-11-17T10:00"),
                        callByTheTeacher("k-2", "2026-11-19T10:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidenceInOrder("m-1", "k-2");
    }

    // ---- the window -------------------------------------------------------------------------

    @Test
    void aPromiseDueAtTheExclusiveStartOfTheWindowIsOutsideIt() {
        VERIFIER.verifyThat(RULE).given(STAFF, FAMILY, F.commitment("m-1", F1, AT_WINDOW_START).by("t-1"))
                .asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE).given(STAFF, FAMILY, F.commitment("m-2", F1, JUST_INSIDE_WINDOW).by("t-1"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("m-2");
    }

    @Test
    void aPromiseDueExactlyAtAsOfIsJudged() {
        VERIFIER.verifyThat(RULE).given(STAFF, FAMILY, F.commitment("m-1", F1, AT_AS_OF).by("t-1"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("m-1");
    }

    @Test
    void aPromiseDueAfterAsOfIsNotYetBroken() {
        VERIFIER.verifyThat(RULE)
                .given(STAFF, FAMILY, F.commitment("m-1", F1, "2026-11-20T17:01").madeAt(MADE).by("t-1"))
                .asOf(AS_OF).doesNotFlag();
    }
}
