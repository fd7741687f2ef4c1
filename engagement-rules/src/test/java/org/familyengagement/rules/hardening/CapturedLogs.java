package org.familyengagement.rules.hardening;

/**
 * What the engagement-rules tests logged while capturing (see {@link CapturingLogProvider}).
 * One capture at a time: a test starts it, runs what it checks, and stops it to read the lines.
 */
final class CapturedLogs {
    private static final StringBuilder LINES = new StringBuilder();
    private static volatile boolean capturing;

    private CapturedLogs() {
    }

    /** Starts capturing, from an empty buffer. */
    static synchronized void start() {
        LINES.setLength(0);
        capturing = true;
    }

    /** Stops capturing and returns every line logged since {@link #start()}. */
    static synchronized String stop() {
        capturing = false;
        String captured = LINES.toString();
        LINES.setLength(0);
        return captured;
    }

    static boolean isCapturing() {
        return capturing;
    }

    static synchronized void append(String line) {
        if (capturing) {
            LINES.append(line).append(System.lineSeparator());
        }
    }
}
