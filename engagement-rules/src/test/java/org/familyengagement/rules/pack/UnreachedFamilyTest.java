package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.Facts.AS_OF;
import static org.familyengagement.rules.pack.Facts.F1;
import static org.familyengagement.rules.pack.Facts.WINDOW_START;
import static org.familyengagement.rules.pack.Facts.broadcast;
import static org.familyengagement.rules.pack.Facts.call;
import static org.familyengagement.rules.pack.Facts.dataset;
import static org.familyengagement.rules.pack.Facts.findings;
import static org.familyengagement.rules.pack.Facts.outboundAt;
import static org.familyengagement.rules.pack.Facts.question;
import static org.familyengagement.rules.pack.Facts.text;

import java.util.List;

import org.familyengagement.model.Channel;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
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
        assertThat(findings(RULE, dataset())).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(RULE);
            assertThat(f.category()).isEqualTo(Category.REACH);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.familyId()).isEqualTo(F1);
            assertThat(f.evidence()).isEmpty();
            assertThat(f.message()).isEqualTo("No contact reached this family and it made none.");
        });
    }

    @Test
    void theFailedAttemptsAreTheEvidence() {
        assertThat(findings(RULE, dataset(call("k-1", "2026-11-10T10:00").delivered(false),
                broadcast("k-2", "2026-11-11T10:00").delivered(false),
                text("k-3", "2026-11-12T10:00").delivered(false)))).singleElement().satisfies(f -> {
                    assertThat(f.evidence()).containsExactly("k-1", "k-2", "k-3");
                    assertThat(f.message()).isEqualTo("No contact reached this family and it made none; "
                            + "3 attempts failed.");
                });
    }

    @Test
    void anyDeliveredOutboundContactReachesTheFamily() {
        assertThat(findings(RULE, dataset(broadcast("k-1", "2026-11-10T10:00")))).isEmpty();
        assertThat(findings(RULE, dataset(call("k-1", "2026-11-10T10:00").delivered(false),
                call("k-2", "2026-11-11T10:00")))).isEmpty();
    }

    @Test
    void anyInboundContactIsContact() {
        assertThat(findings(RULE, dataset(question("k-1", "2026-11-10T10:00").awaitsReply(false)))).isEmpty();
    }

    @Test
    void onlyTheWindowCounts() {
        assertThat(findings(RULE, dataset(outboundAt("k-1", WINDOW_START, Channel.PHONE),
                outboundAt("k-2", WINDOW_START, Channel.SMS).delivered(false),
                call("k-3", "2026-11-10T10:00").delivered(false))))
                .as("contact at the window's start is outside it, and so is a failure there").singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("k-3"));
        assertThat(findings(RULE, dataset(outboundAt("k-1", AS_OF, Channel.PHONE)))).as("a call at asOf").isEmpty();
    }
}
