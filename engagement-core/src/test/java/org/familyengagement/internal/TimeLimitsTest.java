package org.familyengagement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The command lines' {@code --time-limit}: short forms, ISO-8601, and the bounds. */
class TimeLimitsTest {
    @Test
    void readsTheShortFormsAndIso8601() {
        assertThat(TimeLimits.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(TimeLimits.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TimeLimits.parse(" 10m ")).isEqualTo(Duration.ofMinutes(10));
        assertThat(TimeLimits.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(TimeLimits.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
        assertThat(TimeLimits.parse("P8D")).isEqualTo(Duration.ofDays(8));
    }

    @Test
    void somethingElseIsNoDuration() {
        for (String text : new String[] {"soon", "", "10", "10 m", "1d", "-5s", "10M", "999999999999999h", "PT"}) {
            assertThat(TimeLimits.parse(text)).as(text).isNull();
        }
    }

    @Test
    void acceptsMoreThanZeroUpToSevenDays() {
        assertThat(TimeLimits.isAccepted(Duration.ofMillis(1))).isTrue();
        assertThat(TimeLimits.isAccepted(Duration.ofDays(7))).isTrue();
        assertThat(TimeLimits.isAccepted(Duration.ofDays(7).plusMillis(1))).isFalse();
        assertThat(TimeLimits.isAccepted(Duration.ZERO)).isFalse();
        assertThat(TimeLimits.isAccepted(Duration.ofSeconds(-1))).isFalse();
    }
}
