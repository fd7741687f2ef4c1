package org.familyengagement.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.familyengagement.importer.ImportResult;
import org.familyengagement.importer.Importer;
import org.familyengagement.report.Report;
import org.familyengagement.rules.RuleEngine;
import org.junit.jupiter.api.Test;

/** The Java of docs/import.md, run from the repository root as the doc's paths are written. */
class ImportSnippets {
    @Test
    void importAndAudit() throws IOException {
        RuleEngine engine = RuleEngine.builder().build();
        // tag::import[]
        ImportResult result = Importer.run(Path.of("examples/import/oneroster.yaml"));
        Report report = engine.evaluate(result.dataset(), Instant.parse("2026-11-20T23:00:00Z"));
        result.warnings().forEach(System.err::println);     // what was left out, with its place
        // end::import[]
        assertThat(result.dataset().families()).isNotEmpty();
        assertThat(report.asOf()).isEqualTo(Instant.parse("2026-11-20T23:00:00Z"));
    }
}
