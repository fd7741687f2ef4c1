package org.familyengagement.io;

import java.util.List;
import java.util.function.Function;

/**
 * Positions in a list by id, looked up straight from the parser's character buffer, so a contact's
 * {@code familyId} finds its family without a string being made. Open addressing on the hash of
 * {@link String#hashCode()}; the first of a repeated id wins, as in a dataset's own lookups.
 * Immutable once built.
 */
final class IdTable {
    private final String[] ids;
    /** Per slot, the id's hash in the high half and its position plus one in the low half (0: empty). */
    private final long[] entries;

    <T> IdTable(List<T> items, Function<T, String> idOf) {
        int n = items.size();
        int size = Integer.highestOneBit((n + n / 2) | 3) << 1;
        ids = new String[size];
        entries = new long[size];
        int mask = size - 1;
        for (int i = 0; i < n; i++) {
            T item = items.get(i);
            if (item == null) {
                continue;
            }
            String id = idOf.apply(item);
            int hash = id.hashCode();
            for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
                if (entries[slot] == 0) {
                    ids[slot] = id;
                    entries[slot] = (long) hash << 32 | (i + 1);
                    break;
                }
                if ((int) (entries[slot] >>> 32) == hash && ids[slot].equals(id)) {
                    break;
                }
            }
        }
    }

    /** The position of the first element whose id is {@code chars[offset, offset + length)}, or -1. */
    int find(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int mask = entries.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            long entry = entries[slot];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash && matches(ids[slot], chars, offset, length)) {
                return (int) entry - 1;
            }
        }
    }

    /** True when {@code id} is {@code chars[offset, offset + length)}. */
    static boolean matches(String id, char[] chars, int offset, int length) {
        if (id.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (id.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** Ids such as "f-001234" differ in their last characters; mix those into the low bits. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
