package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_WINDOW_START;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.FAMILY;
import static org.familyengagement.rules.pack.PackFixtures.JUST_INSIDE_WINDOW;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;
import static org.familyengagement.rules.pack.PackFixtures.verifier;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Tone;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.ContactSpec;
import org.familyengagement.testkit.RuleVerifier;
import org.junit.jupiter.api.Test;

/**
 * {@code deficit-only-contact}: among the family's delivered outbound two-way contacts in the
 * window, at least {@code minConcerns} (2) are concerns and none is positive.
 */
class DeficitOnlyContactTest {
    private static final String RULE = "deficit-only-contact";

    @Test
    void twoConcernsAndNoPositiveContactAreFlagged() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY,
                        concern("k-1", "2026-11-10T10:00"),
                        F.call("k-2", F1, "2026-11-12T10:00").tone(Tone.NEUTRAL),
                        F.contact("k-3", F1, "2026-11-17T10:00", Direction.OUTBOUND, Channel.APP)
                                .mode(Mode.RECIPROCAL).concern())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidenceInOrder("k-1", "k-3") // the concerns only
                .withCategory(Category.STRENGTHS)
                .withSeverity(Severity.MEDIUM)
                .withMessage("This family heard only about problems: 2 concerns and no positive contact in the"
                        + " window.");
    }

    @Test
    void oneConcernIsBelowTheThreshold() {
        VERIFIER.verifyThat(RULE).given(FAMILY, concern("k-1", "2026-11-10T10:00")).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void theThresholdComesFromThePolicy() {
        RuleVerifier three = verifier(Policy.defaults().withDeficitOnly(new Policy.DeficitOnly(3)));

        three.verifyThat(RULE)
                .given(FAMILY, concern("k-1", "2026-11-10T10:00"), concern("k-2", "2026-11-12T10:00"))
                .asOf(AS_OF)
                .doesNotFlag();
        three.verifyThat(RULE)
                .given(FAMILY, concern("k-1", "2026-11-10T10:00"), concern("k-2", "2026-11-12T10:00"),
                        concern("k-3", "2026-11-13T10:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidenceInOrder("k-1", "k-2", "k-3");
    }

    @Test
    void onePositiveTwoWayContactClearsIt() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, concern("k-1", "2026-11-10T10:00"), concern("k-2", "2026-11-12T10:00"),
                        F.call("k-3", F1, "2026-11-13T10:00").positive())
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void positiveBroadcastsUndeliveredOrInboundContactsDoNotClearIt() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, concern("k-1", "2026-11-10T10:00"), concern("k-2", "2026-11-12T10:00"),
                        F.broadcast("k-3", F1, "2026-11-13T10:00").positive(),
                        F.call("k-4", F1, "2026-11-13T11:00").positive().undelivered(),
                        F.note("k-5", F1, "2026-11-13T12:00").positive())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidenceInOrder("k-1", "k-2");
    }

    @Test
    void concernBroadcastsUndeliveredOrInboundConcernsDoNotCount() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, concern("k-1", "2026-11-10T10:00"),
                        F.broadcast("k-2", F1, "2026-11-12T10:00").concern(),
                        concern("k-3", "2026-11-13T11:00").undelivered(),
                        F.question("k-4", F1, "2026-11-13T12:00").concern())
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void aConcernAtTheExclusiveStartOfTheWindowIsOutsideIt() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, concern("k-1", AT_WINDOW_START), concern("k-2", "2026-11-12T10:00"))
                .asOf(AS_OF)
                .doesNotFlag();
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, concern("k-1", JUST_INSIDE_WINDOW), concern("k-2", "2026-11-12T10:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidenceInOrder("k-1", "k-2");
    }

    @Test
    void aPositiveContactCountsFromJustAfterTheWindowStartUpToAsOf() {
        // At the window's start: outside.
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, concern("k-1", "2026-11-10T10:00"), concern("k-2", "2026-11-12T10:00"),
                        F.call("k-3", F1, AT_WINDOW_START).positive())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1);
        // At asOf: inside.
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, concern("k-1", "2026-11-10T10:00"), concern("k-2", "2026-11-12T10:00"),
                        F.call("k-3", F1, AT_AS_OF).positive())
                .asOf(AS_OF)
                .doesNotFlag();
    }

    /** A delivered personal phone call to f-1 about a problem. */
    private static ContactSpec concern(String id, String at) {
        return F.call(id, F1, at).concern();
    }
}
