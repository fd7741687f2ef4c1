package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.Facts.AS_OF;
import static org.familyengagement.rules.pack.Facts.F1;
import static org.familyengagement.rules.pack.Facts.WINDOW_START;
import static org.familyengagement.rules.pack.Facts.broadcast;
import static org.familyengagement.rules.pack.Facts.call;
import static org.familyengagement.rules.pack.Facts.dataset;
import static org.familyengagement.rules.pack.Facts.findings;
import static org.familyengagement.rules.pack.Facts.outbound;
import static org.familyengagement.rules.pack.Facts.outboundAt;
import static org.familyengagement.rules.pack.Facts.question;

import java.util.List;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Tone;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Test;

/**
 * {@code deficit-only-contact}: among the family's delivered outbound two-way contacts in the
 * window, at least {@code minConcerns} (2) are concerns and none is positive.
 */
class DeficitOnlyContactTest {
    private static final String RULE = "deficit-only-contact";

    @Test
    void twoConcernsAndNoPositiveContactAreFlagged() {
        assertThat(findings(RULE, dataset(
                call("k-1", "2026-11-10T10:00").tone(Tone.CONCERN),
                call("k-2", "2026-11-12T10:00").tone(Tone.NEUTRAL),
                outbound("k-3", "2026-11-17T10:00", Channel.APP).mode(Mode.RECIPROCAL).tone(Tone.CONCERN))))
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo(RULE);
                    assertThat(f.category()).isEqualTo(Category.STRENGTHS);
                    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(f.familyId()).isEqualTo(F1);
                    assertThat(f.evidence()).as("the concerns only").containsExactly("k-1", "k-3");
                    assertThat(f.message()).isEqualTo(
                            "This family heard only about problems: 2 concerns and no positive contact in the window.");
                });
    }

    @Test
    void oneConcernIsBelowTheThreshold() {
        assertThat(findings(RULE, dataset(call("k-1", "2026-11-10T10:00").tone(Tone.CONCERN)))).isEmpty();
    }

    @Test
    void theThresholdComesFromThePolicy() {
        Policy three = Policy.defaults().withDeficitOnly(new Policy.DeficitOnly(3));
        var twoConcerns = dataset(call("k-1", "2026-11-10T10:00").tone(Tone.CONCERN),
                call("k-2", "2026-11-12T10:00").tone(Tone.CONCERN));
        var threeConcerns = dataset(call("k-1", "2026-11-10T10:00").tone(Tone.CONCERN),
                call("k-2", "2026-11-12T10:00").tone(Tone.CONCERN),
                call("k-3", "2026-11-13T10:00").tone(Tone.CONCERN));

        assertThat(findings(RULE, twoConcerns, three)).isEmpty();
        assertThat(findings(RULE, threeConcerns, three)).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("k-1", "k-2", "k-3"));
    }

    @Test
    void onePositiveTwoWayContactClearsIt() {
        assertThat(findings(RULE, dataset(
                call("k-1", "2026-11-10T10:00").tone(Tone.CONCERN),
                call("k-2", "2026-11-12T10:00").tone(Tone.CONCERN),
                call("k-3", "2026-11-13T10:00").tone(Tone.POSITIVE)))).isEmpty();
    }

    @Test
    void positiveBroadcastsUndeliveredOrInboundContactsDoNotClearIt() {
        assertThat(findings(RULE, dataset(
                call("k-1", "2026-11-10T10:00").tone(Tone.CONCERN),
                call("k-2", "2026-11-12T10:00").tone(Tone.CONCERN),
                broadcast("k-3", "2026-11-13T10:00").tone(Tone.POSITIVE),
                call("k-4", "2026-11-13T11:00").tone(Tone.POSITIVE).delivered(false),
                question("k-5", "2026-11-13T12:00").tone(Tone.POSITIVE).awaitsReply(false))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("k-1", "k-2"));
    }

    @Test
    void concernBroadcastsUndeliveredOrInboundConcernsDoNotCount() {
        assertThat(findings(RULE, dataset(
                call("k-1", "2026-11-10T10:00").tone(Tone.CONCERN),
                broadcast("k-2", "2026-11-12T10:00").tone(Tone.CONCERN),
                call("k-3", "2026-11-13T11:00").tone(Tone.CONCERN).delivered(false),
                question("k-4", "2026-11-13T12:00").tone(Tone.CONCERN)))).isEmpty();
    }

    @Test
    void aConcernAtTheExclusiveStartOfTheWindowIsOutsideIt() {
        var concern = call("k-2", "2026-11-12T10:00").tone(Tone.CONCERN);

        assertThat(findings(RULE, dataset(outboundAt("k-1", WINDOW_START, Channel.PHONE).tone(Tone.CONCERN),
                concern))).isEmpty();
        assertThat(findings(RULE, dataset(outboundAt("k-1", WINDOW_START.plusSeconds(1), Channel.PHONE)
                .tone(Tone.CONCERN), concern))).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("k-1", "k-2"));
    }

    @Test
    void aPositiveContactCountsFromJustAfterTheWindowStartUpToAsOf() {
        assertThat(findings(RULE, dataset(concern("k-1", "2026-11-10T10:00"), concern("k-2", "2026-11-12T10:00"),
                outboundAt("k-3", WINDOW_START, Channel.PHONE).tone(Tone.POSITIVE))))
                .as("at the window's start: outside").singleElement();
        assertThat(findings(RULE, dataset(concern("k-1", "2026-11-10T10:00"), concern("k-2", "2026-11-12T10:00"),
                outboundAt("k-3", AS_OF, Channel.PHONE).tone(Tone.POSITIVE))))
                .as("at asOf: inside").isEmpty();
    }

    private static Contact.Builder concern(String id, String local) {
        return call(id, local).tone(Tone.CONCERN);
    }
}
