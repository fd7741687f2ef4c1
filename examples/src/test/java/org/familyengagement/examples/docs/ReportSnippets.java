package org.familyengagement.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.familyengagement.model.Dataset;
import org.familyengagement.report.Report;
import org.familyengagement.report.Status;
import org.familyengagement.report.Triage;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.rules.Urgency;
import org.junit.jupiter.api.Test;

/** The Java of docs/report.md: one triage, used by every output. */
class ReportSnippets {
    @Test
    void triage() {
        RuleEngine engine = RuleEngine.builder().build();
        Dataset dataset = EmbeddingSnippets.buildDataset();
        Instant asOf = Instant.parse("2026-11-20T23:00:00Z");
        Report previous = engine.evaluate(dataset, asOf.minusSeconds(86_400));
        // tag::triage[]
        Report report = engine.evaluate(dataset, asOf);
        Triage triage = Triage.of(report, Urgency.order(dataset, engine.policy(), asOf), engine.policy(), previous);
        triage.entries();              // every finding, most urgent first, with rank, status, borderline
        triage.resolved();             // the baseline's findings that are gone
        triage.summary().bySchool();   // Rollup per school, worst first
        triage.summary().equity();     // EquityRow per eligible label
        // end::triage[]
        assertThat(triage.entries()).extracting(Triage.Entry::rank)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, report.findings().size())
                        .boxed().toList());
        assertThat(triage.entries()).allSatisfy(e -> assertThat(e.status()).isIn(Status.NEW, Status.PERSISTING));
        assertThat(triage.summary().bySeverity()).hasSize(3);
        assertThat(List.of(triage.changes().keySet().toArray())).containsExactly(Status.NEW, Status.PERSISTING,
                Status.RESOLVED);
    }
}
