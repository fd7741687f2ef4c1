package org.familyengagement.importer.internal;

import static org.familyengagement.internal.IdIndex.matches;
import static org.familyengagement.internal.IdIndex.spread;

import org.familyengagement.internal.IdIndex;

/**
 * Ids with an {@code int} each (a family's position, say), looked up by a {@code String} or straight
 * from a CSV reader's characters, so that a log row's student finds its family without a string
 * being made for it. Open addressing on {@link String#hashCode()}'s hash, kept beside each id so a
 * probe past another id does not visit it. {@link #put} replaces the value of an id already there,
 * as a map would. Not thread-safe.
 *
 * <p>A map that grows, keeping its own ids, where {@link IdIndex} (whose hashing and comparing this
 * shares) is fixed positions in a list: a roster's student or caregiver ids are no list's, their
 * values are families' positions, and a log's cells and staff arrive as it is read.
 */
final class IdLookup {
    private String[] keys;
    private int[] hashes;
    private int[] values;
    private int size;

    IdLookup() {
        this(8);
    }

    /** A lookup sized for {@code expected} ids: no growing on the way there. */
    IdLookup(int expected) {
        int capacity = Integer.highestOneBit((expected + expected / 2) | 15) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new int[capacity];
    }

    /** The slot of {@code id}, or -1. */
    int slot(String id) {
        int hash = id.hashCode();
        int mask = keys.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key == null) {
                return -1;
            }
            if (hashes[slot] == hash && key.equals(id)) {
                return slot;
            }
        }
    }

    /** The slot of the id {@code chars[start, end)}, or -1. */
    int slot(char[] chars, int start, int end) {
        int hash = IdIndex.hash(chars, start, end - start);
        int mask = keys.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key == null) {
                return -1;
            }
            if (hashes[slot] == hash && matches(key, chars, start, end - start)) {
                return slot;
            }
        }
    }

    /** The id in a slot, as it was put: the instance every contact naming it shares. */
    String key(int slot) {
        return keys[slot];
    }

    int value(int slot) {
        return values[slot];
    }

    /** The value of {@code id}, or {@code otherwise} when it is not here. */
    int get(String id, int otherwise) {
        int slot = slot(id);
        return slot < 0 ? otherwise : values[slot];
    }

    /** Sets the value of {@code id}, adding it if needed; returns its slot. */
    int put(String id, int value) {
        int slot = slot(id);
        if (slot >= 0) {
            values[slot] = value;
            return slot;
        }
        if ((size + 1) * 3 > keys.length * 2) {
            grow();
        }
        int hash = id.hashCode();
        int mask = keys.length - 1;
        slot = spread(hash) & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = id;
        hashes[slot] = hash;
        values[slot] = value;
        size++;
        return slot;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        hashes = new int[keys.length];
        values = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            String key = oldKeys[i];
            if (key != null) {
                int hash = key.hashCode();
                int slot = spread(hash) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                hashes[slot] = hash;
                values[slot] = oldValues[i];
            }
        }
    }
}
