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

import java.time.Duration;
import java.time.LocalDate;
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
 * {@code message-overload}: some 7-day span {@code [t, t + 7 days)} starting at one of the
 * window's delivered broadcasts holds more than {@code maxBroadcastsPerWeek} (5) delivered
 * broadcasts to the family. Evidence: the broadcasts of the densest span (the earliest on a tie).
 */
class MessageOverloadTest {
    private static final String RULE = "message-overload";

    @Test
    void sixBroadcastsInOneWeekAreFlagged() {
        assertThat(findings(RULE, dataset(daily(6, "2026-11-09")))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(RULE);
            assertThat(f.category()).isEqualTo(Category.REACH);
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.familyId()).isEqualTo(F1);
            assertThat(f.evidence()).containsExactly("b-2026-11-09", "b-2026-11-10", "b-2026-11-11",
                    "b-2026-11-12", "b-2026-11-13", "b-2026-11-14");
            assertThat(f.message()).isEqualTo("This family received 6 broadcasts in the week from 2026-11-09.");
        });
    }

    @Test
    void fiveBroadcastsInOneWeekAreAllowed() {
        assertThat(findings(RULE, dataset(daily(5, "2026-11-09")))).isEmpty();
    }

    @Test
    void theLimitComesFromThePolicy() {
        Policy six = Policy.defaults().withMessageOverload(new Policy.MessageOverload(6));

        assertThat(findings(RULE, dataset(daily(6, "2026-11-09")), six)).isEmpty();
        assertThat(findings(RULE, dataset(daily(7, "2026-11-09")), six)).singleElement();
    }

    @Test
    void aSpanEndsJustBeforeSevenDaysLater() {
        // Five broadcasts from Sunday 8 November, and a sixth exactly seven days after the first.
        List<Contact.Builder> contacts = new ArrayList<>(List.of(daily(5, "2026-11-08")));
        contacts.add(broadcast("b-late", "2026-11-15T10:00"));
        assertThat(findings(RULE, dataset(contacts.toArray(Contact.Builder[]::new)))).isEmpty();

        contacts.set(5, broadcast("b-late", "2026-11-15T09:59:59"));
        assertThat(findings(RULE, dataset(contacts.toArray(Contact.Builder[]::new)))).singleElement();
    }

    @Test
    void theEvidenceIsTheDensestSpan() {
        List<Contact.Builder> contacts = new ArrayList<>(List.of(daily(3, "2026-10-26")));
        contacts.add(broadcast("b-early", "2026-11-08T10:00"));
        contacts.addAll(List.of(daily(5, "2026-11-09")));
        contacts.add(broadcast("b-sun-1", "2026-11-15T10:00"));
        contacts.add(broadcast("b-sun-2", "2026-11-15T11:00"));

        // From Sunday 8th: 8th, 9-13th = 6. From Monday 9th: 9-13th and two on the 15th = 7.
        assertThat(findings(RULE, dataset(contacts.toArray(Contact.Builder[]::new)))).singleElement()
                .satisfies(f -> {
                    assertThat(f.evidence()).containsExactly("b-2026-11-09", "b-2026-11-10", "b-2026-11-11",
                            "b-2026-11-12", "b-2026-11-13", "b-sun-1", "b-sun-2");
                    assertThat(f.message()).isEqualTo("This family received 7 broadcasts in the week from 2026-11-09.");
                });
    }

    @Test
    void onTieTheEarliestDensestSpanIsTheEvidence() {
        List<Contact.Builder> contacts = new ArrayList<>();
        contacts.add(broadcast("b-early", "2026-11-08T10:00"));
        contacts.addAll(List.of(daily(5, "2026-11-09")));
        contacts.add(broadcast("b-sun", "2026-11-15T10:00"));

        assertThat(findings(RULE, dataset(contacts.toArray(Contact.Builder[]::new)))).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("b-early", "b-2026-11-09", "b-2026-11-10",
                        "b-2026-11-11", "b-2026-11-12", "b-2026-11-13"));
    }

    @Test
    void onlyDeliveredBroadcastsCount() {
        List<Contact.Builder> contacts = new ArrayList<>(List.of(daily(5, "2026-11-09")));
        contacts.add(broadcast("b-bounced", "2026-11-14T10:00").delivered(false));
        contacts.add(call("k-1", "2026-11-14T11:00"));
        contacts.add(outboundAt("k-2", Facts.at("2026-11-14T12:00"), Channel.APP).mode(Mode.RECIPROCAL));

        assertThat(findings(RULE, dataset(contacts.toArray(Contact.Builder[]::new)))).isEmpty();
    }

    @Test
    void aBroadcastAtTheWindowsStartIsOutsideIt() {
        List<Contact.Builder> contacts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contacts.add(outboundAt("b-" + i, WINDOW_START.plus(Duration.ofHours(i)), Channel.APP)
                    .mode(Mode.BROADCAST));
        }
        assertThat(findings(RULE, dataset(contacts.toArray(Contact.Builder[]::new)))).isEmpty();

        contacts.add(outboundAt("b-6", WINDOW_START.plus(Duration.ofHours(6)), Channel.APP).mode(Mode.BROADCAST));
        assertThat(findings(RULE, dataset(contacts.toArray(Contact.Builder[]::new)))).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("b-1", "b-2", "b-3", "b-4", "b-5", "b-6"));
    }

    @Test
    void aSpanMayRunPastAsOf() {
        // Six broadcasts in the last two days before asOf: the week from the first is not over, and
        // it already holds too many.
        List<Contact.Builder> contacts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contacts.add(outboundAt("b-" + i, AS_OF.minus(Duration.ofHours(8L * i)), Channel.APP)
                    .mode(Mode.BROADCAST));
        }
        assertThat(findings(RULE, dataset(contacts.toArray(Contact.Builder[]::new)))).singleElement()
                .extracting(f -> f.evidence().size()).isEqualTo(6);
    }

    /** Delivered broadcasts at 10:00 on {@code count} consecutive days, ids {@code b-<date>}. */
    private static Contact.Builder[] daily(int count, String firstDate) {
        LocalDate first = LocalDate.parse(firstDate);
        Contact.Builder[] broadcasts = new Contact.Builder[count];
        for (int i = 0; i < count; i++) {
            LocalDate day = first.plusDays(i);
            broadcasts[i] = broadcast("b-" + day, day + "T10:00");
        }
        return broadcasts;
    }
}
