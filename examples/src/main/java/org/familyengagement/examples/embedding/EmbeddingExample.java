package org.familyengagement.examples.embedding;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.familyengagement.model.Dataset;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Report;
import org.familyengagement.rules.RuleEngine;

/**
 * An SIS embedding the library: build the engine once at start-up, map the nightly export, judge
 * it as of an explicit instant, and act on the findings by id.
 */
public final class EmbeddingExample {
    /** Built once and shared: the engine is immutable and thread-safe. */
    private static final RuleEngine ENGINE = RuleEngine.builder().build();

    private EmbeddingExample() {
    }

    public static Report audit(SisExport.Export export, ZoneId zone, Instant asOf) {
        Dataset dataset = new SisMapper(zone).toDataset(export);
        return ENGINE.evaluate(dataset, asOf);
    }

    public static void main(String[] args) {
        SisExport.Export export = new SisExport.Export(
                List.of(new SisExport.Household(1001, "SPA", "TEXT", true, false)),
                List.of(new SisExport.ContactLogEntry(1, 1001, "t-17", LocalDateTime.parse("2026-11-13T14:05"),
                        "TEXT", true, "QUESTION", true, null)));
        Report report = audit(export, ZoneId.of("America/Chicago"), Instant.parse("2026-11-20T23:00:00Z"));
        for (Finding finding : report.findings()) {
            System.out.println(finding.severity() + " " + finding.ruleId() + " " + finding.familyId() + ": "
                    + finding.message());
        }
    }
}
