package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.familyengagement.model.Dataset;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.BroadcastMetrics;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Report;
import org.familyengagement.rules.RuleIds;
import org.familyengagement.report.Severity;
import org.familyengagement.report.Triage;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.rules.Urgency;
import org.junit.jupiter.api.Test;

/** Details of the text report that the small test district does not reach. */
class TextReportTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");
    private static final Dataset DATASET = Dataset.of(District.of("d-1", ZoneId.of("America/Chicago")), List.of(),
            List.of(new Family("f-1", List.of(), List.of(), null, Map.of("homeLanguage", "hmn"))), List.of(),
            List.of());

    @Test
    void ratiosAndPValuesAreCutNotRoundedSoAFlaggedGapNeverShowsAtItsThreshold() {
        Finding gap = Finding.ofGroup(RuleIds.GROUP_REACH_DISPARITY, Category.EQUITY, Severity.HIGH,
                new Group("homeLanguage", "hmn"), new Metrics(24, 19 / 24.0, "ru", 1.0, 0.7994, 0.049965),
                "(the engine's message)");

        String english = render(gap, Locale.ENGLISH);
        String spanish = render(gap, Locale.forLanguageTag("es"));

        // And p = 0.0499 is within a factor of two of alpha: borderline.
        assertThat(english).contains("- homeLanguage \"Hmong\": 19 of 24 families (79%) had a two-way contact from the\n"
                + "  school in the window, against 100% of families with homeLanguage \"Russian\":\n"
                + "  0.79 times the rate (p = 0.0499). (borderline: p is within a factor of two of\n"
                + "  alpha)\n");
        assertThat(spanish).contains("0,79 veces esa proporción (p = 0,0499). (dudoso: p está a\n  menos de un factor dos de alfa)\n");
    }

    @Test
    void aGroupFindingOfACustomRuleIsShownWithItsOwnMessage() {
        Finding custom = Finding.ofGroup("iep-notice-gap", Category.EQUITY, Severity.MEDIUM,
                new Group("homeLanguage", "hmn"), null, "IEP notices arrive late for this group.");

        assertThat(render(custom, Locale.ENGLISH))
                .contains("- homeLanguage \"Hmong\": IEP notices arrive late for this group.\n");
    }

    @Test
    void textFromTheDataCannotDriveTheTerminalOrForgeReportLines() {
        Finding hostile = Finding.ofGroup("iep-notice-gap", Category.EQUITY, Severity.MEDIUM,
                new Group("homeLanguage", "hmn"), null, "late\u001B[2J\r\nHIGH  forged-rule  all families\u202E");

        String report = render(hostile, Locale.ENGLISH);

        assertThat(report).doesNotContain("\u001B", "\r", "\u202E")
                .contains("late\\u001B[2J\\u000D\\u000AHIGH forged-rule all families\\u202E\n");
    }

    @Test
    void anUntranslatedBroadcastIsACauseWithItsDateAndTheLanguagesToSendItInByName() {
        Finding broadcast = Finding.ofBroadcast("untranslated-broadcast", Category.ACCESS, Severity.HIGH, "b-0034",
                List.of(), new BroadcastMetrics(396, 2950, List.of("so", "ht", "es", "es-MX", "es-419")),
                "(the engine's message)");

        String english = render(broadcast, Locale.ENGLISH);
        String spanish = render(broadcast, Locale.forLanguageTag("es"));

        assertThat(english).contains("Causes: broadcasts many families could not read\n"
                + "-----------------------------------------------\n"
                + "- b-0034: 396 families could not read it (2,950 deliveries in all). Send it\n"
                + "  again in Spanish, Haitian Creole, and Somali.\n");
        // A broadcast is not a family.
        assertThat(english).contains("about 0 families and 0 groups.");
        assertThat(spanish).contains("- b-0034: 396 familias no pudieron leerlo (2.950 entregas en total). Vuelva a\n"
                + "  enviarlo en español, criollo haitiano y somalí.\n");
    }

    @Test
    void aBroadcastIsSentAgainOncePerWrittenLanguageRegionsDroppedScriptsKept() {
        assertThat(Causes.writtenLanguages(List.of("es", "es-419", "es-MX", "pt-BR", "zh-Hans", "zh-Hant", "so")))
                .containsExactly("es", "pt", "zh-Hans", "zh-Hant", "so");
    }

    private static String render(Finding finding, Locale locale) {
        RuleEngine engine = RuleEngine.builder().locale(locale).build();
        Report report = new Report(AS_OF, List.of(finding));
        Triage triage = Triage.of(report, Urgency.order(DATASET, Policy.defaults(), AS_OF), Policy.defaults());
        return new TextReport(DATASET, triage, engine.catalog(), Policy.defaults(), Texts.of(locale), false,
                TextReport.DEFAULT_TOP).render();
    }
}
