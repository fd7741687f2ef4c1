package org.familyengagement.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.familyengagement.io.DatasetWriter;
import org.familyengagement.model.Dataset;

/** The example configurations and data, relative to this module (tests run in its directory). */
final class Examples {
    static final Path IMPORT = Path.of("..", "examples", "import");
    static final Path DATA = Path.of("..", "examples", "data");
    static final Path ED_FI = IMPORT.resolve("ed-fi.yaml");
    static final Path TEACHER_LOG = IMPORT.resolve("teacher-contact-log.yaml");
    static final Path ONEROSTER = IMPORT.resolve("oneroster.yaml");
    static final Path NOTIFICATIONS = IMPORT.resolve("notification-delivery-report.yaml");
    static final Path SIS_H2 = IMPORT.resolve("sis-h2.yaml");

    private Examples() {
    }

    static ImportResult run(Path config) {
        try {
            return Importer.run(config);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The dataset as the writer writes it: what must never carry a name. */
    static String json(Dataset dataset) {
        return new String(DatasetWriter.compact().toBytes(dataset), StandardCharsets.UTF_8);
    }

    /** Writes {@code text} to {@code dir/name} and returns the file. */
    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
