package org.familyengagement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
    private static final List<String> FIELDS = List.of("id", "familyId", "studentId", "staffId", "at", "replyTo");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "familyID,  familyId",   // case only
        "famliyId,  familyId",   // two letters swapped
        "familyI,   familyId",   // one missing
        "staff_id,  staffId",    // one extra, one different
        "replyto,   replyTo",
        "ID,        id",
        "tt,        at",
        "notes,     none",
        "family,    familyId",   // two letters short
        "fam,       none",       // five short
        "xyz,       none"
    })
    void suggestsOnlyLikelyTypos(String given, String expected) {
        assertThat(Suggestions.closest(given, FIELDS)).isEqualTo(expected);
    }
}
