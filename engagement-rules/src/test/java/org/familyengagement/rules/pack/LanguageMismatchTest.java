package org.familyengagement.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyengagement.rules.pack.Facts.AS_OF;
import static org.familyengagement.rules.pack.Facts.F1;
import static org.familyengagement.rules.pack.Facts.WINDOW_START;
import static org.familyengagement.rules.pack.Facts.broadcast;
import static org.familyengagement.rules.pack.Facts.call;
import static org.familyengagement.rules.pack.Facts.dataset;
import static org.familyengagement.rules.pack.Facts.family;
import static org.familyengagement.rules.pack.Facts.findings;
import static org.familyengagement.rules.pack.Facts.outboundAt;
import static org.familyengagement.rules.pack.Facts.question;

import java.util.List;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Family;
import org.familyengagement.model.Preference;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code language-mismatch}: a family with preferred languages received a delivered outbound
 * contact in the window (broadcasts included) in a language matching none of them, not
 * interpreted. Region differences match; a different script or language does not.
 */
class LanguageMismatchTest {
    private static final String RULE = "language-mismatch";

    @Test
    void contactsInALanguageTheFamilyDoesNotUseAreOneFinding() {
        assertThat(findings(RULE, dataset(
                call("k-1", "2026-11-10T10:00").language("en"),
                call("k-2", "2026-11-11T10:00"),
                broadcast("k-3", "2026-11-12T10:00").language("en"))))
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo(RULE);
                    assertThat(f.category()).isEqualTo(Category.ACCESS);
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.familyId()).isEqualTo(F1);
                    assertThat(f.evidence()).as("broadcasts included").containsExactly("k-1", "k-3");
                    assertThat(f.message()).isEqualTo(
                            "2 contacts reached this family in a language it does not use, without interpretation.");
                });
    }

    @Test
    void aContactWithNoLanguageIsInTheDistrictDefault() {
        Contact.Builder noLanguage = Contact.builder("k-1", F1, Facts.at("2026-11-10T10:00"), Direction.OUTBOUND,
                Channel.PHONE);

        assertThat(findings(RULE, dataset(noLanguage))).singleElement()
                .extracting(Finding::evidence).isEqualTo(List.of("k-1"));
        assertThat(findings(RULE, dataset(family(F1, Preference.of(List.of("en"), List.of(Channel.SMS))),
                noLanguage))).isEmpty();
    }

    @Test
    void interpretedUndeliveredAndInboundContactsAreNoMismatch() {
        assertThat(findings(RULE, dataset(
                call("k-1", "2026-11-10T10:00").language("en").interpreted(true),
                call("k-2", "2026-11-11T10:00").language("en").delivered(false),
                question("k-3", "2026-11-12T10:00").language("en")))).isEmpty();
    }

    @Test
    void aContactMatchingAnyOfTheFamilysLanguagesIsNoMismatch() {
        Family bilingual = family(F1, Preference.of(List.of("es", "en"), List.of(Channel.SMS)));

        assertThat(findings(RULE, dataset(bilingual, call("k-1", "2026-11-10T10:00").language("en"))))
                .isEmpty();
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
        Family family = family(F1, Preference.of(List.of(familyLanguage), List.of(Channel.SMS)));
        List<Finding> found = findings(RULE, dataset(family,
                call("k-1", "2026-11-10T10:00").language(contactLanguage)));

        assertThat(found).hasSize(mismatch ? 1 : 0);
    }

    @Test
    void aFamilyWithNoPreferredLanguageIsNotJudged() {
        assertThat(findings(RULE, dataset(family(F1, null), call("k-1", "2026-11-10T10:00").language("en"))))
                .isEmpty();
        assertThat(findings(RULE, dataset(family(F1, Preference.of(List.of(), List.of(Channel.SMS))),
                call("k-1", "2026-11-10T10:00").language("en")))).isEmpty();
    }

    @Test
    void theWindowRunsFromJustAfterItsStartToAsOfIncluded() {
        assertThat(findings(RULE, dataset(outboundAt("k-1", WINDOW_START, Channel.PHONE).language("en"))))
                .isEmpty();
        assertThat(findings(RULE, dataset(outboundAt("k-1", AS_OF, Channel.PHONE).language("en"))))
                .singleElement().extracting(Finding::evidence).isEqualTo(List.of("k-1"));
        assertThat(findings(RULE, dataset(outboundAt("k-1", AS_OF.plusSeconds(1), Channel.PHONE).language("en"))))
                .as("after asOf").isEmpty();
    }
}
