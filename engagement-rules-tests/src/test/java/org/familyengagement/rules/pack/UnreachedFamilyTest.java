package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_WINDOW_START;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.FAMILY;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;

import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Test;

/**
 * {@code unreached-family}: in the window the family has no delivered outbound contact and no
 * inbound contact. Evidence: the failed attempts.
 */
class UnreachedFamilyTest {
    private static final String RULE = "unreached-family";

    @Test
    void aFamilyWithNoContactIsFlagged() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY)
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidence()
                .withCategory(Category.REACH)
                .withSeverity(Severity.HIGH)
                .withMessage("No contact reached this family and it made none.");
    }

    @Test
    void theFailedAttemptsAreTheEvidence() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY,
                        F.call("k-1", F1, "2026-11-10T10:00").undelivered(),
                        F.broadcast("k-2", F1, "2026-11-11T10:00").undelivered(),
                        F.text("k-3", F1, "2026-11-12T10:00").undelivered())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidenceInOrder("k-1", "k-2", "k-3")
                .withMessage("No contact reached this family and it made none; 3 attempts failed.");
    }

    @Test
    void anyDeliveredOutboundContactReachesTheFamily() {
        VERIFIER.verifyThat(RULE).given(FAMILY, F.broadcast("k-1", F1, "2026-11-10T10:00")).asOf(AS_OF).doesNotFlag();
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, F.call("k-1", F1, "2026-11-10T10:00").undelivered(),
                        F.call("k-2", F1, "2026-11-11T10:00"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void anyInboundContactIsContact() {
        VERIFIER.verifyThat(RULE).given(FAMILY, F.note("k-1", F1, "2026-11-10T10:00")).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void onlyTheWindowCounts() {
        // Contact at the window's start is outside it, and so is a failure there.
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, F.call("k-1", F1, AT_WINDOW_START),
                        F.text("k-2", F1, AT_WINDOW_START).undelivered(),
                        F.call("k-3", F1, "2026-11-10T10:00").undelivered())
                .asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-3");
        // A call at asOf.
        VERIFIER.verifyThat(RULE).given(FAMILY, F.call("k-1", F1, AT_AS_OF)).asOf(AS_OF).doesNotFlag();
    }
}
