package org.familyengagement.rules.pack;

import static org.familyengagement.rules.pack.PackFixtures.AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_AS_OF;
import static org.familyengagement.rules.pack.PackFixtures.AT_WINDOW_START;
import static org.familyengagement.rules.pack.PackFixtures.F;
import static org.familyengagement.rules.pack.PackFixtures.F1;
import static org.familyengagement.rules.pack.PackFixtures.FAMILY;
import static org.familyengagement.rules.pack.PackFixtures.VERIFIER;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Family;
import org.familyengagement.report.Category;
import org.familyengagement.report.Severity;
import org.familyengagement.testkit.RuleOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code language-mismatch}: a family with preferred languages received a delivered outbound
 * contact in the window (broadcasts included) in a language matching none of them, not
 * interpreted. Region differences match; a different script or language does not.
 *
 * <p>The family of most cases reads Spanish; the district's default language is English.
 */
class LanguageMismatchTest {
    private static final String RULE = "language-mismatch";

    @Test
    void contactsInALanguageTheFamilyDoesNotUseAreOneFinding() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY,
                        F.call("k-1", F1, "2026-11-10T10:00").language("en"),
                        F.call("k-2", F1, "2026-11-11T10:00").language("es"),
                        F.broadcast("k-3", F1, "2026-11-12T10:00").language("en"))
                .asOf(AS_OF)
                .flagsFamily(F1).times(1)
                .withEvidenceInOrder("k-1", "k-3") // broadcasts included
                .withCategory(Category.ACCESS)
                .withSeverity(Severity.HIGH)
                .withMessage("2 contacts reached this family in a language it does not use, without interpretation.");
    }

    @Test
    void aContactWithNoLanguageIsInTheDistrictDefault() {
        VERIFIER.verifyThat(RULE).given(FAMILY, F.call("k-1", F1, "2026-11-10T10:00")).asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-1");
        VERIFIER.verifyThat(RULE)
                .given(F.family(F1).languages("en").channels(Channel.SMS), F.call("k-1", F1, "2026-11-10T10:00"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void interpretedUndeliveredAndInboundContactsAreNoMismatch() {
        VERIFIER.verifyThat(RULE)
                .given(FAMILY,
                        F.call("k-1", F1, "2026-11-10T10:00").language("en").interpreted(),
                        F.call("k-2", F1, "2026-11-11T10:00").language("en").undelivered(),
                        F.question("k-3", F1, "2026-11-12T10:00").language("en"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void aContactMatchingAnyOfTheFamilysLanguagesIsNoMismatch() {
        VERIFIER.verifyThat(RULE)
                .given(F.family(F1).languages("es", "en").channels(Channel.SMS),
                        F.call("k-1", F1, "2026-11-10T10:00").language("en"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @ParameterizedTest(name = "family reads {0}, contact in {1}: mismatch {2}")
    @CsvSource({
        "es-MX,   es,      false",
        "es,      es-419,  false",
        "es-MX,   es-419,  false",
        "zh-Hant, zh-Hant, false",
        "zh-Hant, zh-TW,   false",
        "zh-Hant, zh-Hans, true",
        "zh-Hans, zh-Hant, true",
        "so,      en,      true",
        "ht,      fr,      true",
        "pt-BR,   es,      true",
        "no,      da,      true",
    })
    void languagesMatchAcrossRegionsButNotAcrossScriptsOrLanguages(String familyLanguage, String contactLanguage,
                                                                 boolean mismatch) {
        Family family = F.family(F1).languages(familyLanguage).channels(Channel.SMS).build();
        RuleOutcome outcome = VERIFIER.verifyThat(RULE)
                .given(family, F.call("k-1", F1, "2026-11-10T10:00").language(contactLanguage))
                .asOf(AS_OF);

        if (mismatch) {
            outcome.flagsFamily(F1).times(1).withEvidence("k-1");
        } else {
            outcome.doesNotFlag();
        }
    }

    @Test
    void aFamilyWithNoPreferredLanguageIsNotJudged() {
        VERIFIER.verifyThat(RULE).given(F.family(F1), F.call("k-1", F1, "2026-11-10T10:00").language("en"))
                .asOf(AS_OF)
                .doesNotFlag();
        VERIFIER.verifyThat(RULE)
                .given(F.family(F1).channels(Channel.SMS), F.call("k-1", F1, "2026-11-10T10:00").language("en"))
                .asOf(AS_OF)
                .doesNotFlag();
    }

    @Test
    void theWindowRunsFromJustAfterItsStartToAsOfIncluded() {
        VERIFIER.verifyThat(RULE).given(FAMILY, F.call("k-1", F1, AT_WINDOW_START).language("en")).asOf(AS_OF)
                .doesNotFlag();
        VERIFIER.verifyThat(RULE).given(FAMILY, F.call("k-1", F1, AT_AS_OF).language("en")).asOf(AS_OF)
                .flagsFamily(F1).times(1).withEvidence("k-1");
        // After asOf.
        VERIFIER.verifyThat(RULE).given(FAMILY, F.call("k-1", F1, AS_OF.plusSeconds(1).toString()).language("en"))
                .asOf(AS_OF)
                .doesNotFlag();
    }
}
