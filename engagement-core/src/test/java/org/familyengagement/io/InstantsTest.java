package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InstantsTest {

    private static Instant javaTime(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    private static Instant fast(String text) {
        return Instants.parseFast(text.toCharArray(), 0, text.length());
    }

    @Test
    void theFastPathAgreesWithJavaTimeOnRandomInstants() {
        Random random = new Random(20261102);
        String[] fractions = {"", ".5", ".25", ".123", ".000001", ".123456789"};
        for (int i = 0; i < 20_000; i++) {
            long epochSecond = random.nextLong(-2_000_000_000L, 4_000_000_000L);
            int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
            OffsetDateTime time = Instant.ofEpochSecond(epochSecond)
                    .atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
            String offset = offsetMinutes == 0 && random.nextBoolean() ? "Z" : String.format("%s%02d:%02d",
                    offsetMinutes < 0 ? "-" : "+", Math.abs(offsetMinutes) / 60, Math.abs(offsetMinutes) % 60);
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", time.getYear(), time.getMonthValue(),
                    time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond(),
                    fractions[random.nextInt(fractions.length)], offset);

            assertThat(fast(text)).as(text).isNotNull().isEqualTo(javaTime(text));
        }
    }

    @Test
    void readsFromTheMiddleOfABuffer() {
        char[] buffer = "xx\"2026-11-02T10:00:00-06:00\"yy".toCharArray();

        assertThat(Instants.parseFast(buffer, 3, 25)).isEqualTo(Instant.parse("2026-11-02T16:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-02T16:00Z",             // no seconds
        "2026-11-02t16:00:00z",          // lower case
        "2026-11-02T16:00:00+05:30:15",  // offset with seconds
        "2026-12-31T23:59:60Z",          // a leap second
        "+12026-11-02T16:00:00Z",        // a five-digit year
        "2026-11-02T16:00:00.1234567890Z",
        "2026-11-02T16:00:00.Z"          // java.time takes an empty fraction
    })
    void leavesEverythingElseToJavaTime(String text) {
        assertThat(fast(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-02T16:00Z", "2026-11-02t16:00:00z", "2026-11-02T16:00:00+05:30:15"})
    void acceptsWhatJavaTimeAccepts(String text) {
        assertThat(Instants.parse(text)).isEqualTo(javaTime(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-02-29T10:00:00Z",   // not a leap year
        "2026-04-31T10:00:00Z",
        "2026-13-01T10:00:00Z",
        "2026-11-02T24:00:00Z",
        "2026-11-02T10:60:00Z",
        "2026-11-02T10:00:00+19:00",
        "2026-11-02T10:00:00",    // no offset
        "2026-11-02 10:00:00Z",
        "yesterday"
    })
    void refusesWhatIsNotAnInstantWithAnOffset(String text) {
        assertThat(fast(text)).isNull();
        assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void knowsLeapYears() {
        assertThat(fast("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(fast("2000-02-29T00:00:00Z")).isEqualTo(Instant.parse("2000-02-29T00:00:00Z"));
        assertThat(fast("1900-02-29T00:00:00Z")).isNull();
    }
}
