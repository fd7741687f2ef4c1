package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.FAMILY;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;
import static org.familyengagement.rules.pack.PackFixtures.WINDOW_START;
import static org.familyengagement.rules.pack.PackFixtures.verifier;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * {@code message-overload}: some 7-day span {@code [t, t + 7 days)} starting at one of the
 * window's delivered broadcasts holds more than {@code maxBroadcastsPerWeek} (5) delivered
 * broadcasts to the family. Evidence: the broadcasts of the densest span (the earliest on a tie).
 */
class MessageOverloadTest {
    private static final String RULE = "message-overload";

    @Test
    void sixBroadcastsInOneWeekAreFlagged() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, daily(6, "2026-11-09"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidenceInOrder("b-2026-11-09", "b-2026-11-10", "b-2026-11-11", "b-2026-11-12", "b-2026-11-13",
                        "b-2026-11-14")
                .withCategory(Category.REACH)
                .withSeverity(Severity.LOW)
                .withMessage("This family received 6 broadcasts in the week from 2026-11-09.");
    }

    @Test
    void fiveBroadcastsInOneWeekAreAllowed() {
        VERIFIER.verifyThat(RULE).given(FAMILY, daily(5, "2026-11-09")).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void theLimitComesFromThePolicy() {
        RuleVerifier six = verifier(Policy.defaults().withMessageOverload(new Policy.MessageOverload(6)));

        six.verifyThat(RULE).given(FAMILY, daily(6, "2026-11-09")).asOf(AS_OF).doesNotFlag();
        six.verifyThat(RULE).given(FAMILY, daily(7, "2026-11-09")).asOf(AS_OF).flagsFamily(F1).times(1);
    }

    @Test
    void aSpanEndsJustBeforeSevenDaysLater() {
        // Five broadcasts from Sunday 8 November, and a sixth exactly seven days after the first.
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, daily(5, "2026-11-08"), F.broadcast("b-late", F1, "2026-11-15T10:00"))
                .asOf(AS_OF)
                .doesNotFlag();
        // The sixth a second earlier.
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, daily(5, "2026-11-08"), F.broadcast("b-late", F1, "2026-11-15T09:59:59"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1);
    }

    @Test
    void theEvidenceIsTheDensestSpan() {
        // From Sunday 8th: 8th, 9-13th = 6. From Monday 9th: 9-13th and two on the 15th = 7.
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, daily(3, "2026-10-26"),
                        F.broadcast("b-early", F1, "2026-11-08T10:00"),
                        daily(5, "2026-11-09"),
                        F.broadcast("b-sun-1", F1, "2026-11-15T10:00"),
                        F.broadcast("b-sun-2", F1, "2026-11-15T11:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidenceInOrder("b-2026-11-09", "b-2026-11-10", "b-2026-11-11", "b-2026-11-12", "b-2026-11-13",
                        "b-sun-1", "b-sun-2")
                .withMessage("This family received 7 broadcasts in the week from 2026-11-09.");
    }

    @Test
    void onTieTheEarliestDensestSpanIsTheEvidence() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, F.broadcast("b-early", F1, "2026-11-08T10:00"),
                        daily(5, "2026-11-09"),
                        F.broadcast("b-sun", F1, "2026-11-15T10:00"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidenceInOrder("b-early", "b-2026-11-09", "b-2026-11-10", "b-2026-11-11", "b-2026-11-12",
                        "b-2026-11-13");
    }

    @Test
    void onlyDeliveredBroadcastsCount() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY, daily(5, "2026-11-09"),
                        F.broadcast("b-bounced", F1, "2026-11-14T10:00").undelivered(),
                        F.call("k-1", F1, "2026-11-14T11:00"),
                        F.contact("k-2", F1, "2026-11-14T12:00", Direction.OUTBOUND, Channel.APP).mode(Mode.RECIPROCAL))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void aBroadcastAtTheWindowsStartIsOutsideIt() {
        List<ContactSpec> hourly = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            hourly.add(F.broadcast("b-" + i, F1, WINDOW_START.plus(Duration.ofHours(i)).toString()));
        }
        VERIFIER.verifyThat(RULE).given(FAMILY, hourly).asOf(AS_OF).doesNotFlag();

        hourly.add(F.broadcast("b-6", F1, WINDOW_START.plus(Duration.ofHours(6)).toString()));
        VERIFIER.verifyThat(RULE).given(FAMILY, hourly).asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidenceInOrder("b-1", "b-2", "b-3", "b-4", "b-5", "b-6");
    }

    @Test
    void aSpanMayRunPastAsOf() {
        // Six broadcasts in the last two days before asOf: the week from the first is not over, and
        // it already holds too many.
        List<ContactSpec> lastTwoDays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lastTwoDays.add(F.broadcast("b-" + i, F1, AS_OF.minus(Duration.ofHours(8L * i)).toString()));
        }
        VERIFIER.verifyThat(RULE).given(FAMILY, lastTwoDays).asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("b-0", "b-1", "b-2", "b-3", "b-4", "b-5");
    }

    /** Delivered broadcasts at 10:00 on {@code count} consecutive days, ids {@code b-<date>}. */
    private static List<ContactSpec> daily(int count, String firstDate) {
        LocalDate first = LocalDate.parse(firstDate);
        List<ContactSpec> broadcasts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = first.plusDays(i);
            broadcasts.add(F.broadcast("b-" + day, F1, day + "T10:00"));
        }
        return broadcasts;
    }
}
