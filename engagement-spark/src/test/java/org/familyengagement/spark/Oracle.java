package org.familyengagement.spark;

import java.time.Instant;

import org.familyengagement.io.ReportWriter;
import org.familyengagement.model.Dataset;
import org.familyengagement.report.Report;
import org.familyengagement.report.Triage;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.rules.Urgency;

/** What the job must write: the findings document of one evaluation in one JVM, as the CLI writes it. */
final class Oracle {
    private Oracle() {
    }

    static String findingsDocument(RuleEngine engine, Dataset dataset, Instant asOf) {
        Report report = engine.evaluate(dataset, asOf);
        return ReportWriter.toJson(Triage.of(report, Urgency.order(dataset, engine.policy(), asOf), engine.policy()));
    }
}
