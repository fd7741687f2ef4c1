package org.familyengagement.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.familyengagement.importer.internal.ImportRun;

/**
 * Imports a district's data into a checked {@code Dataset}, as an import configuration (YAML)
 * describes it: a roster from Ed-Fi XML interchanges, a OneRoster CSV bulk file or an SIS
 * database; contacts from contact logs (CSV, with declarative mappings) and the database; a
 * calendar from Ed-Fi or the district written in the configuration (or taken from a dataset
 * document).
 *
 * <pre>{@code
 * ImportResult result = Importer.run(Path.of("examples/import/oneroster.yaml"));
 * Report report = engine.evaluate(result.dataset(), Instant.parse("2026-11-20T23:00:00Z"));
 * }</pre>
 *
 * <p>Every source is streamed (StAX for XML, a CSV parser, forward-only JDBC result sets) and only
 * ids and classifications are kept: names, addresses, phone numbers, e-mail addresses and free
 * text in the sources never reach the dataset. Paths in the configuration are relative to its
 * file. See {@code docs/import.md}. Thread-safe: each run is independent.
 */
public final class Importer {
    private Importer() {
    }

    /**
     * Reads the configuration in {@code config} and every source it names.
     *
     * @throws InvalidImportException listing every problem of the configuration, or else of the
     *                                sources and the dataset they make, each with its file and
     *                                line and column, or its XML element path
     * @throws IOException            when a file cannot be read for a reason that is not its content
     */
    public static ImportResult run(Path config) throws IOException {
        Objects.requireNonNull(config, "config must not be null");
        return ImportRun.run(config);
    }
}
