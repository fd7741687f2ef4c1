package org.familyengagement.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a person at a terminal what a long run is doing, on stderr: "Reading FILE...",
 * "Evaluating N families...". Silent when stderr is not a terminal, so scripts and logs see only
 * results and errors, and for files too small to keep anyone waiting.
 */
final class Progress {
    /** Files below this size read in well under a second: no progress for them. */
    static final long LARGE_FILE_BYTES = 4L * 1024 * 1024;

    private final PrintStream err;
    private final boolean interactive;
    private boolean enabled;

    Progress(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    /** Announces reading {@code file}; from here on, steps show when the file is large. */
    void reading(Path file) {
        enabled = interactive && size(file) >= LARGE_FILE_BYTES;
        step("Reading " + file + "...");
    }

    /** One step of a run whose input was large. */
    void step(String text) {
        if (enabled) {
            err.println(text);
            err.flush();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
