package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;

import org.familyengagement.model.Channel;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Test;

/**
 * {@code preference-unrecorded}: the family has no preference, or its languages or channels
 * are empty. It does not depend on contacts or the window.
 */
class PreferenceUnrecordedTest {
    private static final String RULE = "preference-unrecorded";

    @Test
    void aFamilyWithNoPreferenceIsFlagged() {
        VERIFIER.verifyThat(RULE)
                .given(F.family(F1))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidence()
                .withCategory(Category.ACCESS)
                .withSeverity(Severity.LOW)
                .withMessage("No language or channel preference is recorded for this family.");
    }

    @Test
    void aPreferenceWithoutLanguagesOrWithoutChannelsIsIncomplete() {
        VERIFIER.verifyThat(RULE).given(F.family(F1).channels(Channel.SMS)).asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withMessage("This family's language or channel preference is incomplete.");
        // Opt-outs are no chosen channel.
        VERIFIER.verifyThat(RULE).given(F.family(F1).languages("es").optOut(Channel.EMAIL).interpreter()).asOf(AS_OF)
                .flagsFamily(F1).times(1);
    }

    @Test
    void aPreferenceWithLanguagesAndChannelsIsRecorded() {
        VERIFIER.verifyThat(RULE).given(F.family(F1).languages("es").channels(Channel.SMS)).asOf(AS_OF).doesNotFlag();
    }

    @Test
    void contactsDoNotMatter() {
        VERIFIER.verifyThat(RULE).given(F.family(F1), F.call("k-1", F1, "2026-11-10T10:00")).asOf(AS_OF)
                .flagsFamily(F1).times(1);
    }
}
