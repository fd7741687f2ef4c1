package org.familyengagement.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.rules.LiveSession;
import org.familyengagement.rules.RuleEngine;
import org.junit.jupiter.api.Test;

/** The time limit's alarms: one per firing, cleared when the firing ends, rung at the earliest deadline. */
class WatchdogTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");

    @Test
    void aLiveSessionLeavesNoAlarmSetAfterItsUpdates() {
        Family family = new Family("f-1", List.of(), List.of(), Preference.of(List.of("en"), List.of(Channel.SMS)),
                Map.of("homeLanguage", "en"));
        Dataset dataset = Dataset.of(District.of("d-1", ZoneId.of("America/Chicago")), List.of(), List.of(family),
                List.of(), List.of());
        try (LiveSession live = RuleEngine.builder().build().openSession(dataset, AS_OF)) {
            for (int i = 0; i < 3000; i++) {
                live.addContact(Contact.builder("k-" + i, "f-1", AS_OF.minusSeconds(3_600L + i), Direction.OUTBOUND,
                        Channel.PHONE).mode(Mode.PERSONAL).build());
            }
        }

        // A cleared alarm used to stay queued for the whole limit (ten minutes), one per update.
        // Other tests may be firing at the same moment: a few of theirs may be set.
        assertThat(Watchdog.alarmsSet()).isLessThan(50);
    }

    @Test
    void anAlarmRingsAtItsDeadlineThoughALaterOneWasSetFirst() throws InterruptedException {
        AtomicBoolean lateRang = new AtomicBoolean();
        CountDownLatch soonRang = new CountDownLatch(1);
        try (Watchdog.Alarm late = Watchdog.set(Duration.ofHours(1), () -> lateRang.set(true));
             Watchdog.Alarm soon = Watchdog.set(Duration.ofMillis(50), soonRang::countDown)) {
            // The watchdog parked until the hour's deadline must wake for the earlier one.
            assertThat(soonRang.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(lateRang).isFalse();
        }
    }

    @Test
    void aClearedAlarmNeverRings() throws InterruptedException {
        AtomicBoolean rang = new AtomicBoolean();
        Watchdog.set(Duration.ofMillis(100), () -> rang.set(true)).close();
        CountDownLatch later = new CountDownLatch(1);
        try (Watchdog.Alarm after = Watchdog.set(Duration.ofMillis(300), later::countDown)) {
            assertThat(later.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(rang).isFalse();
    }

    @Test
    void aLimitTooLongForNanosecondsIsAnAlarmThatWaits() {
        AtomicBoolean rang = new AtomicBoolean();
        try (Watchdog.Alarm alarm = Watchdog.set(Duration.ofDays(365L * 1_000_000), () -> rang.set(true))) {
            assertThat(rang).isFalse();
        }
    }
}
