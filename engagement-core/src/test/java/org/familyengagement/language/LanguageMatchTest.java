package org.familyengagement.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageMatchTest {
    private final LanguageMatch match = LanguageMatch.instance();

    @ParameterizedTest(name = "family {0}, contact {1}: {2}")
    @CsvSource({
        // Region differences are tolerated, in either direction.
        "es,      es-MX,   true",
        "es-MX,   es,      true",
        "es,      es-419,  true",
        "es-419,  es-MX,   true",
        "es-MX,   es-ES,   true",
        "en-US,   en-GB,   true",
        "en,      en-US,   true",
        // A different script is a different written language.
        "zh-Hans, zh-Hant, false",
        "zh-Hant, zh-Hans, false",
        "sr-Latn, sr-Cyrl, false",
        "sr-Cyrl, sr-Latn, false",
        // A bare tag stands for its likely script.
        "zh,      zh-Hans, true",
        "zh-Hans, zh,      true",
        "zh,      zh-Hant, false",
        "zh-TW,   zh-Hant, true",
        "sr,      sr-Cyrl, true",
        // Different languages never match, CLDR's one-way fallbacks and close languages included.
        "so,      en,      false",
        "en,      so,      false",
        "ht,      fr,      false",
        "fr,      ht,      false",
        "nb,      da,      false",
        "da,      nb,      false",
        "pt,      es,      false",
        "es,      pt,      false",
        "ca,      es,      false",
        "gl,      pt,      false",
        // Case is not significant in BCP 47.
        "ES-mx,   es,      true",
        "EN-gb,   en-us,   true",
        "zh-hant, ZH-HANT, true",
        "zh-hans, zh-HANT, false"
    })
    void matchesWhenBothNameTheSameWrittenLanguage(String family, String contact, boolean expected) {
        assertThat(match.matches(family, contact)).isEqualTo(expected);
    }

    @Test
    void aContactMatchesAFamilyWhenItMatchesAnyOfItsLanguages() {
        assertThat(match.matchesAny(List.of("so", "en-US"), "en")).isTrue();
        assertThat(match.matchesAny(List.of("so", "ar"), "en")).isFalse();
        assertThat(match.matchesAny(List.of(), "en")).isFalse();
    }

    @Test
    void answersTheSameFromTheCache() {
        boolean first = match.matches("so", "en");

        assertThat(match.matches("so", "en")).isEqualTo(first).isFalse();
    }
}
