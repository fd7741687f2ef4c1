package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.Facts.F1;
import static org.familyengagement.rules.pack.Facts.WINDOW_START;
import static org.familyengagement.rules.pack.Facts.broadcast;
import static org.familyengagement.rules.pack.Facts.call;
import static org.familyengagement.rules.pack.Facts.dataset;
import static org.familyengagement.rules.pack.Facts.findings;
import static org.familyengagement.rules.pack.Facts.outbound;
import static org.familyengagement.rules.pack.Facts.outboundAt;
import static org.familyengagement.rules.pack.Facts.question;

import java.util.ArrayList;
import java.util.List;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Mode;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Severity;
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
        assertThat(findings(RULE, dataset(threeBroadcasts()))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(RULE);
            assertThat(f.category()).isEqualTo(Category.REACH);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.familyId()).isEqualTo(F1);
            assertThat(f.evidence()).containsExactly("b-1", "b-2", "b-3");
            assertThat(f.message()).isEqualTo("This family received 3 broadcasts and no two-way contact.");
        });
    }

    @Test
    void twoBroadcastsAreBelowTheThreshold() {
        assertThat(findings(RULE, dataset(broadcast("b-1", "2026-11-02T10:00"), broadcast("b-2", "2026-11-09T10:00"))))
                .isEmpty();
    }

    @Test
    void theThresholdComesFromThePolicy() {
        Policy four = Policy.defaults().withOneWayOnly(new Policy.OneWayOnly(4));

        assertThat(findings(RULE, dataset(threeBroadcasts()), four)).isEmpty();
        assertThat(findings(RULE, dataset(threeBroadcasts(broadcast("b-4", "2026-11-19T10:00"))), four))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("b-1", "b-2", "b-3", "b-4"));
    }

    @Test
    void undeliveredBroadcastsDoNotCount() {
        assertThat(findings(RULE, dataset(broadcast("b-1", "2026-11-02T10:00"), broadcast("b-2", "2026-11-09T10:00"),
                broadcast("b-3", "2026-11-16T10:00").delivered(false)))).isEmpty();
    }

    @Test
    void aDeliveredPersonalOrReciprocalContactIsTwoWay() {
        assertThat(findings(RULE, dataset(threeBroadcasts(call("k-1", "2026-11-10T10:00"))))).isEmpty();
        assertThat(findings(RULE, dataset(threeBroadcasts(
                outbound("k-1", "2026-11-10T10:00", Channel.APP).mode(Mode.RECIPROCAL))))).isEmpty();
    }

    @Test
    void anInboundTwoWayContactIsTwoWay() {
        assertThat(findings(RULE, dataset(threeBroadcasts(question("k-1", "2026-11-10T10:00"))))).isEmpty();
    }

    @Test
    void aFailedCallIsNoTwoWayContact() {
        assertThat(findings(RULE, dataset(threeBroadcasts(call("k-1", "2026-11-10T10:00").delivered(false)))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("b-1", "b-2", "b-3"));
    }

    @Test
    void onlyTheWindowCounts() {
        assertThat(findings(RULE, dataset(threeBroadcasts(outboundAt("k-1", WINDOW_START, Channel.PHONE)))))
                .as("a call at the window's start is outside it").singleElement();
        assertThat(findings(RULE, dataset(outboundAt("b-0", WINDOW_START, Channel.APP).mode(Mode.BROADCAST),
                broadcast("b-1", "2026-11-02T10:00"), broadcast("b-2", "2026-11-09T10:00"))))
                .as("a broadcast at the window's start is outside it").isEmpty();
    }

    private static Contact.Builder[] threeBroadcasts(Contact.Builder... more) {
        List<Contact.Builder> all = new ArrayList<>(List.of(broadcast("b-1", "2026-11-02T10:00"),
                broadcast("b-2", "2026-11-09T10:00"), broadcast("b-3", "2026-11-16T10:00")));
        all.addAll(List.of(more));
        return all.toArray(Contact.Builder[]::new);
    }
}
