package org.familyengagement.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;

/**
 * Reads a generated flood of bad contacts ({@code [1,1,1,…]}, {@code args[0]} megabytes) from a
 * stream that is never held in memory, and prints how many problems the exception kept and the
 * last one. Run by {@link HostileInputTest} in a JVM with a small heap.
 */
public final class FloodMain {
    private FloodMain() {
    }

    /** {@code {"schemaVersion": 2, "district": {…}, "contacts": [1,1,…,1], "staff": 7}}, made as it is read. */
    static InputStream flood(long megabytes) {
        byte[] head = "{\"schemaVersion\": 2, \"district\": {\"id\": \"d-1\", \"timeZone\": \"UTC\"}, \"contacts\": [1"
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "], \"staff\": 7}".getBytes(StandardCharsets.UTF_8);
        long ones = megabytes * 1024 * 1024 / 2;
        return new InputStream() {
            private long position;
            private final long end = head.length + (ones - 1) * 2 + tail.length;

            @Override
            public int read() {
                if (position >= end) {
                    return -1;
                }
                long at = position++;
                if (at < head.length) {
                    return head[(int) at];
                }
                long inOnes = at - head.length;
                if (inOnes < (ones - 1) * 2) {
                    return inOnes % 2 == 0 ? ',' : '1';
                }
                return tail[(int) (inOnes - (ones - 1) * 2)];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int n = 0;
                for (int b; n < length && (b = read()) >= 0; n++) {
                    buffer[offset + n] = (byte) b;
                }
                return n == 0 && length > 0 ? -1 : n;
            }
        };
    }

    /** How many "1" elements a flood of {@code megabytes} holds. */
    static long ones(long megabytes) {
        return megabytes * 1024 * 1024 / 2;
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            DatasetReader.read(flood(Long.parseLong(args[0])));
            out.println("accepted");
        } catch (InvalidDatasetException e) {
            Problem last = e.problems().get(e.problems().size() - 1);
            out.println(e.problems().size() + " " + last.notListedCount());
            out.println(e.getMessage().lines().count());
        }
    }
}
