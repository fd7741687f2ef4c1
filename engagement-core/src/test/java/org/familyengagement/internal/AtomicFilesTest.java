package org.familyengagement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("findings.json"), "the old report\n");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("the new report, first half".getBytes());
            throw new IOException("File too large");
        })).isInstanceOf(IOException.class).hasMessage("File too large");

        assertThat(Files.readString(file)).isEqualTo("the old report\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aReplacedFileHasTheNewContentAndKeepsItsPermissions(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("findings.json"), "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.write(file, "new\n".getBytes());

        assertThat(Files.readString(file)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        AtomicFiles.write(dir.resolve("fresh.json"), "created\n".getBytes());
        assertThat(Files.readString(dir.resolve("fresh.json"))).isEqualTo("created\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    /** {@code audit --out /dev/null} once replaced the device with a regular file (as root). */
    @Test
    void aNamedPipeIsWrittenToNotReplaced(@TempDir Path dir) throws Exception {
        Path pipe = dir.resolve("report.pipe");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo on this machine");
            return;
        }
        assertThat(mkfifo.waitFor()).isZero();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(pipe);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        AtomicFiles.write(pipe, "through the pipe\n".getBytes());

        assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo("through the pipe\n");
        assertThat(Files.isRegularFile(pipe)).isFalse();
        assertThat(Files.exists(pipe)).isTrue();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(pipe);
        }
    }
}
