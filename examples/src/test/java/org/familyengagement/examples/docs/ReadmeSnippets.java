package org.familyengagement.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.familyengagement.io.DatasetReader;
import org.familyengagement.io.ReportReader;
import org.familyengagement.io.ReportWriter;
import org.familyengagement.model.Dataset;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.report.Severity;
import org.familyengagement.rules.RuleEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's embedding example, run from the repository root as a newcomer would paste it. */
class ReadmeSnippets {
    private static final Path FINDINGS = Path.of("findings.json");

    @AfterEach
    void removeTheFindingsFile() throws IOException {
        Files.deleteIfExists(FINDINGS);
    }

    @Test
    void embed() throws IOException {
        // tag::embed[]
        RuleEngine engine = RuleEngine.builder()                         // build once, share: thread-safe
                .policy(Path.of("examples/src/main/resources/district/policy.yaml"))   // optional
                .build();
        Dataset dataset = DatasetReader.read(Path.of("examples/data/sample-district.json"));
        Report report = engine.evaluate(dataset, Instant.parse("2026-11-20T23:00:00Z"));
        for (Finding finding : report.findingsAtLeast(Severity.HIGH)) {
            System.out.println(finding.ruleId() + " " + finding.familyId() + ": " + finding.message());
        }
        ReportWriter.write(report, Path.of("findings.json"));            // the findings JSON contract
        // end::embed[]

        assertThat(report.findingsAtLeast(Severity.HIGH)).isNotEmpty();
        assertThat(engine.catalog().ids()).doesNotContain("message-overload");  // the policy disables it
        // The findings document holds the findings (the equity table is in an audit's summary only).
        Report read = ReportReader.read(FINDINGS);
        assertThat(read.asOf()).isEqualTo(report.asOf());
        assertThat(read.findings()).isEqualTo(report.findings());
    }
}
