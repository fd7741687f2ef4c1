package org.familyengagement.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.familyengagement.report.Report;
import org.familyengagement.rules.RuleIds;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");

    private static SisExport.ContactLogEntry question(long id, String at) {
        return new SisExport.ContactLogEntry(id, 1001, "t-17", LocalDateTime.parse(at), "TEXT", true, "QUESTION",
                true, null);
    }

    @Test
    void aLoggedReplyInEnglishDoesNotAnswerASpanishReadingHousehold() {
        SisExport.Export export = new SisExport.Export(
                List.of(new SisExport.Household(1001, "SPA", "TEXT", true, false)),
                List.of(question(1, "2026-11-13T14:05"),
                        new SisExport.ContactLogEntry(2, 1001, "t-17", LocalDateTime.parse("2026-11-16T09:00"),
                                "TEXT", false, "FOLLOWUP", true, 1L)));

        Report report = EmbeddingExample.audit(export, CHICAGO, AS_OF);

        assertThat(report.findingsOf(RuleIds.UNANSWERED_INPUT)).singleElement()
                .satisfies(finding -> assertThat(finding.evidence()).containsExactly("log-1"));
    }

    @Test
    void aParentQuestionWithNoReplyIsFlaggedByHouseholdId() {
        SisExport.Export export = new SisExport.Export(
                List.of(new SisExport.Household(1001, "SPA", "TEXT", true, false)),
                List.of(question(1, "2026-11-13T14:05")));

        Report report = EmbeddingExample.audit(export, CHICAGO, AS_OF);

        assertThat(report.findingsOf(RuleIds.UNANSWERED_INPUT)).singleElement().satisfies(finding -> {
            assertThat(finding.familyId()).isEqualTo("hh-1001");
            assertThat(finding.evidence()).containsExactly("log-1");
        });
    }

    @Test
    void aLoggedReplyAnswersTheQuestion() {
        // An English-reading household: this SIS logs no language, so its replies are in the district's
        // default (English), and a reply must be understood to answer (RULES.md v2).
        SisExport.Export export = new SisExport.Export(
                List.of(new SisExport.Household(1001, "ENG", "TEXT", true, false)),
                List.of(question(1, "2026-11-13T14:05"),
                        new SisExport.ContactLogEntry(2, 1001, "t-17", LocalDateTime.parse("2026-11-16T09:00"),
                                "TEXT", false, "FOLLOWUP", true, 1L)));

        Report report = EmbeddingExample.audit(export, CHICAGO, AS_OF);

        assertThat(report.findingsOf(RuleIds.UNANSWERED_INPUT)).isEmpty();
        assertThat(report.findingsOf(RuleIds.UNREACHED_FAMILY)).isEmpty();
    }
}
