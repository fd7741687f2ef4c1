package org.familyengagement.sample;

import java.time.Instant;
import java.util.Arrays;

/**
 * Positions {@code 0..size-1} ordered by time, ties by position: one primitive sort of
 * {@code (seconds since the earliest) << 32 | position}, cheaper than sorting objects.
 */
final class TimeOrder {
    private final long[] keys;
    private final long earliest;

    TimeOrder(long[] times, int size) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, times[i]);
        }
        earliest = min;
        keys = new long[size];
        for (int i = 0; i < size; i++) {
            long offset = times[i] - earliest;
            if (offset >= 1L << 31) {
                throw new IllegalStateException("times span more than 68 years");
            }
            keys[i] = offset << 32 | i;
        }
        Arrays.sort(keys);
    }

    /** The positions in time order. */
    int[] positions() {
        int[] positions = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            positions[i] = (int) keys[i];
        }
        return positions;
    }

    /** For each position, its place in time order. */
    int[] ranks() {
        int[] ranks = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            ranks[(int) keys[i]] = i;
        }
        return ranks;
    }

    /**
     * The instants in time order, one object per distinct second: every family's copy of a
     * broadcast shares one, which saves a million objects at benchmark size.
     */
    Instant[] instants() {
        Instant[] instants = new Instant[keys.length];
        Instant previous = null;
        long previousOffset = -1;
        for (int i = 0; i < keys.length; i++) {
            long offset = keys[i] >>> 32;
            if (offset != previousOffset) {
                previous = Instant.ofEpochSecond(earliest + offset);
                previousOffset = offset;
            }
            instants[i] = previous;
        }
        return instants;
    }
}
