package org.familyengagement.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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

/** The time limit's alarms: one per firing, cancelled when the firing ends and purged in bulk. */
class WatchdogTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");

    @Test
    void aLiveSessionLeavesNoAlarmQueuedAfterItsUpdates() {
        Family family = new Family("f-1", List.of(), List.of(), Preference.of(List.of("en"), List.of(Channel.SMS)),
                Map.of("homeLanguage", "en"));
        Dataset dataset = Dataset.of(District.of("d-1", ZoneId.of("America/Chicago")), List.of(), List.of(family),
                List.of(), List.of());
        int updates = 3 * Sessions.PURGE_EVERY;
        try (LiveSession live = RuleEngine.builder().build().openSession(dataset, AS_OF)) {
            for (int i = 0; i < updates; i++) {
                live.addContact(Contact.builder("k-" + i, "f-1", AS_OF.minusSeconds(3_600L + i), Direction.OUTBOUND,
                        Channel.PHONE).mode(Mode.PERSONAL).build());
            }
        }

        // A cancelled alarm used to stay queued for the whole limit (ten minutes), one per update.
        // Other tests may be firing at the same moment: a few of theirs may be queued too.
        assertThat(Sessions.pendingAlarms()).isLessThan(Sessions.PURGE_EVERY + 100);
    }
}
