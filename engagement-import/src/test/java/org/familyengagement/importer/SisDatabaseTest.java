package org.familyengagement.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.familyengagement.importer.sis.SisLoader;
import org.familyengagement.io.DatasetReader;
import org.familyengagement.model.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The H2 example (examples/import/sis-h2.yaml): the sample district in an SIS-like schema, read
 * back through the configured queries, is the dataset of sample-district.json (that it audits to
 * the same findings is engagement-cli's ImportCommandTest: importers need only the core model).
 */
class SisDatabaseTest {
    static final Path SAMPLE = Examples.DATA.resolve("sample-district.json");

    static Dataset json;
    static ImportResult imported;

    @BeforeAll
    static void importBoth() throws IOException {
        json = DatasetReader.read(SAMPLE);
        imported = Examples.run(Examples.SIS_H2);
    }

    @Test
    void theDatabaseGivesTheDatasetOfTheJson() {
        Dataset dataset = imported.dataset();
        assertThat(dataset.district()).isEqualTo(json.district());
        assertThat(dataset.staff()).isEqualTo(json.staff());
        assertThat(dataset.families()).isEqualTo(json.families());
        assertThat(dataset.contacts()).hasSize(69_009).isEqualTo(json.contacts());
        assertThat(dataset.commitments()).isEqualTo(json.commitments());
        assertThat(dataset.meetings()).hasSize(4_120).isEqualTo(json.meetings());
        assertThat(imported.warnings()).isEmpty();
        assertThat(imported.counts()).containsEntry("database families", 3000).containsEntry("database contacts", 69_009);
    }

    @Test
    void theExampleDataIsWhatTheLoaderWritesFromTheSampleDistrict() throws IOException {
        StringBuilder expected = new StringBuilder();
        SisLoader.statements(json, line -> expected.append(line).append(";\n"));
        String committed;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Examples.DATA.resolve("sis/sample-district.sql.gz")))) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(committed).as("regenerate with SisLoader (docs/import.md)").isEqualTo(expected.toString());
    }
}
