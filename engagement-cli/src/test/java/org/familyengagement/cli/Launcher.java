package org.familyengagement.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command line in a JVM of its own, as a user does, for the integration tests. */
final class Launcher {
    private Launcher() {
    }

    /** What one run did. */
    record Run(int exitCode, String out, String err) {
    }

    /**
     * Runs {@code java <launch...> <args...>} (launch: {@code -jar FILE}, or a module path and
     * {@code -m}), its output captured in files (no pipe can fill up).
     */
    static Run java(List<String> launch, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch);
        command.addAll(List.of(args));
        Path out = Files.createTempFile("engagement-cli", ".out");
        Path err = Files.createTempFile("engagement-cli", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " ran over two minutes");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
