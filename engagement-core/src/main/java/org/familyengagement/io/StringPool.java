package org.familyengagement.io;

import static org.familyengagement.internal.IdIndex.matches;
import static org.familyengagement.internal.IdIndex.spread;

import org.familyengagement.internal.IdIndex;

/**
 * One shared {@code String} per distinct value, looked up straight from the parser's character
 * buffer. Two million contacts name a few thousand families, staff and languages: pooling
 * those saves both the memory of a copy per contact and the allocation of a string that would
 * be thrown away at once. Not for values that are mostly unique, such as contact ids.
 *
 * <p>Open addressing on the same hash as {@link String#hashCode()}, hashed and compared as
 * {@link IdIndex} does. Past {@value #MAX_SIZE} values the pool stops growing and hands out fresh
 * strings, so a document of unique values cannot make it the largest thing in memory. Not
 * thread-safe: one per document.
 */
final class StringPool {
    static final int MAX_SIZE = 1 << 20;

    private String[] table = new String[1024];
    private int size;

    /** The pooled string equal to {@code chars[offset, offset + length)}. */
    String get(char[] chars, int offset, int length) {
        int hash = IdIndex.hash(chars, offset, length);
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            String candidate = table[slot];
            if (candidate == null) {
                return insert(slot, new String(chars, offset, length));
            }
            if (candidate.hashCode() == hash && matches(candidate, chars, offset, length)) {
                return candidate;
            }
        }
    }

    /** The pooled string equal to {@code value}. */
    String get(String value) {
        if (value == null) {
            return null;
        }
        int hash = value.hashCode();
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            String candidate = table[slot];
            if (candidate == null) {
                return insert(slot, value);
            }
            if (candidate.hashCode() == hash && candidate.equals(value)) {
                return candidate;
            }
        }
    }

    /** Puts a new value in its empty slot while the pool may still grow; hands the value back either way. */
    private String insert(int slot, String value) {
        if (size < MAX_SIZE) {
            table[slot] = value;
            if (++size * 2 > table.length) {
                grow();
            }
        }
        return value;
    }

    int size() {
        return size;
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        int mask = table.length - 1;
        for (String value : old) {
            if (value != null) {
                int slot = spread(value.hashCode()) & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = value;
            }
        }
    }
}
