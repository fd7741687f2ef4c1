package org.familyengagement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress shows on a terminal for large files only. */
class ProgressTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void showsStepsForALargeFileOnATerminal(@TempDir Path dir) throws IOException {
        Path large = sized(dir.resolve("large.json"), Progress.LARGE_FILE_BYTES);

        Progress progress = progress(true);
        progress.reading(large);
        progress.step("Evaluating 100000 families...");

        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("Reading " + large + "...\nEvaluating 100000 families...\n");
    }

    @Test
    void isSilentWithoutATerminal(@TempDir Path dir) throws IOException {
        Progress progress = progress(false);
        progress.reading(sized(dir.resolve("large.json"), Progress.LARGE_FILE_BYTES));
        progress.step("Evaluating 100000 families...");

        assertThat(err.toByteArray()).isEmpty();
    }

    @Test
    void isSilentForASmallFile(@TempDir Path dir) throws IOException {
        Progress progress = progress(true);
        progress.reading(sized(dir.resolve("small.json"), Progress.LARGE_FILE_BYTES - 1));
        progress.step("Evaluating 14 families...");

        assertThat(err.toByteArray()).isEmpty();
    }

    private Progress progress(boolean interactive) {
        return new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), interactive);
    }

    /** A file of {@code size} bytes, without writing them (sparse where the file system allows). */
    private static Path sized(Path file, long size) throws IOException {
        Files.createFile(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }
}
