package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.familyengagement.errors.InvalidInputException;
import org.familyengagement.policy.Policy;
import org.familyengagement.report.Category;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Group;
import org.familyengagement.report.LabelRate;
import org.familyengagement.report.Metrics;
import org.familyengagement.report.Report;
import org.familyengagement.report.Severity;
import org.familyengagement.report.Triage;
import org.junit.jupiter.api.Test;

/** The audit document of a triage: written with rank, status and summary, read back as the same report. */
class TriageJsonTest {
    private static final Instant AS_OF = Instant.parse("2026-11-20T23:00:00Z");
    private static final Group SO = new Group("homeLanguage", "so");
    private static final Finding GAP = Finding.ofGroup("group-reach-disparity", Category.EQUITY, Severity.HIGH, SO,
            new Metrics(30, 0.3, "en", 0.9, 0.33, 0.03), "m");
    private static final Finding QUESTION = Finding.ofFamily("unanswered-input", Category.RESPONSIVENESS,
            Severity.HIGH, "f-1", List.of("k-1"), "m").withAttribution(List.of("sch-1"), List.of("t-1"));
    private static final Report REPORT = new Report(AS_OF, List.of(GAP, QUESTION), null, List.of(
            new LabelRate("group-reach-disparity", new Group("homeLanguage", "en"), 100, 90, "en", 0.9),
            new LabelRate("group-reach-disparity", SO, 30, 9, "en", 0.9)));

    @Test
    void writesRankStatusBorderlineAndTheSummaryAndReadsBackTheSameReport() {
        Report baseline = new Report(AS_OF.minusSeconds(86_400), List.of(QUESTION));
        Triage triage = Triage.of(REPORT, Comparator.comparing(Finding::ruleId).reversed(), Policy.defaults(),
                baseline);

        String json = ReportWriter.toJson(triage);

        assertThat(json).contains("\"rank\": 1,\n      \"status\": \"PERSISTING\"",
                "\"rank\": 2,\n      \"status\": \"NEW\",\n      \"borderline\": true",
                "\"resolved\": [],", "\"changes\": {\n      \"NEW\": 1,\n      \"PERSISTING\": 1,\n      \"RESOLVED\": 0",
                "\"bySchool\": [\n      {\n        \"key\": \"sch-1\",\n        \"findings\": 1,",
                "\"label\": \"so\",\n        \"n\": 30,\n        \"successes\": 9,\n        \"rate\": 0.3,");
        assertThat(ReportReader.readString(json)).isEqualTo(REPORT);
        // Deterministic.
        assertThat(ReportWriter.toJson(triage)).isEqualTo(json);
    }

    @Test
    void anImpossibleEquityRowIsAProblemWithItsPointer() {
        String json = ReportWriter.toJson(Triage.of(REPORT, Comparator.comparing(Finding::ruleId), Policy.defaults()))
                .replace("\"successes\": 9,", "\"successes\": 31,");

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
                () -> ReportReader.readString(json)).problems()).singleElement().asString()
                .contains("/summary/equity/1").contains("successes (31) must be between 0 and n (30)");
    }
}
