package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_WINDOW_START;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.FAMILY;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;
import static org.familyengagement.rules.pack.PackFixtures.verifier;

import java.util.List;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Mode;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.ContactSpec;
import org.familyengagement.testkit.RuleVerifier;
import org.junit.jupiter.api.Test;

/**
 * {@code one-way-only}: in the window the family received at least {@code minBroadcasts} (3)
 * delivered broadcasts and had no two-way contact at all: no delivered outbound personal or
 * reciprocal contact, and no inbound two-way contact.
 */
class OneWayOnlyTest {
    private static final String RULE = "one-way-only";

    @Test
    void threeBroadcastsAndNothingTwoWayAreFlagged() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, threeBroadcasts())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidenceInOrder("b-1", "b-2", "b-3")
                .withCategory(Category.REACH)
                .withSeverity(Severity.MEDIUM)
                .withMessage("This family received 3 broadcasts and no two-way contact.");
    }

    @Test
    void twoBroadcastsAreBelowTheThreshold() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, F.broadcast("b-1", F1, "2026-11-02T10:00"), F.broadcast("b-2", F1, "2026-11-09T10:00"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void theThresholdComesFromThePolicy() {
        RuleVerifier four = verifier(Policy.defaults().withOneWayOnly(new Policy.OneWayOnly(4)));

        four.verifyThat(RULE).given(FAMILY, threeBroadcasts()).asOf(AS_OF).doesNotFlag();
        four.verifyThat(RULE).given(FAMILY, threeBroadcasts(), F.broadcast("b-4", F1, "2026-11-19T10:00")).asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidenceInOrder("b-1", "b-2", "b-3", "b-4");
    }

    @Test
    void undeliveredBroadcastsDoNotCount() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, F.broadcast("b-1", F1, "2026-11-02T10:00"), F.broadcast("b-2", F1, "2026-11-09T10:00"),
                        F.broadcast("b-3", F1, "2026-11-16T10:00").undelivered())
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void aDeliveredPersonalOrReciprocalContactIsTwoWay() {
        VERIFIER.verifyThat(RULE).given(FAMILY, threeBroadcasts(), F.call("k-1", F1, "2026-11-10T10:00")).asOf(AS_OF)
                .doesNotFlag();
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, threeBroadcasts(),
                        F.contact("k-1", F1, "2026-11-10T10:00", Direction.OUTBOUND, Channel.APP).mode(Mode.RECIPROCAL))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void anInboundTwoWayContactIsTwoWay() {
        VERIFIER.verifyThat(RULE).given(FAMILY, threeBroadcasts(), F.question("k-1", F1, "2026-11-10T10:00"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void aFailedCallIsNoTwoWayContact() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, threeBroadcasts(), F.call("k-1", F1, "2026-11-10T10:00").undelivered())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidenceInOrder("b-1", "b-2", "b-3");
    }

    @Test
    void onlyTheWindowCounts() {
        // A call at the window's start is outside it.
        VERIFIER.verifyThat(RULE).given(FAMILY, threeBroadcasts(), F.call("k-1", F1, AT_WINDOW_START)).asOf(AS_OF)
                .flagsFamily(F1).times(1);
        // A broadcast at the window's start is outside it.
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, F.broadcast("b-0", F1, AT_WINDOW_START),
                        F.broadcast("b-1", F1, "2026-11-02T10:00"), F.broadcast("b-2", F1, "2026-11-09T10:00"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    /** Delivered broadcasts b-1, b-2 and b-3 on three Mondays of the window. */
    private static List<ContactSpec> threeBroadcasts() {
        return List.of(F.broadcast("b-1", F1, "2026-11-02T10:00"), F.broadcast("b-2", F1, "2026-11-09T10:00"),
                F.broadcast("b-3", F1, "2026-11-16T10:00"));
    }
}
