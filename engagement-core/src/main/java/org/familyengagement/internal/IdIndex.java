package org.familyengagement.internal;

import java.util.List;
import java.util.function.Function;

/**
 * Where each id first stands in a list, looked up by a {@code String} or straight from a parser's
 * character buffer (a contact's {@code familyId} finds its family without a string being made).
 * An open-addressing table of positions and the ids' hashes in one {@code long} array, compared
 * with the list's own ids: two million contacts cost a 32 MB array rather than a map entry and a
 * boxed position each (about 125 MB, and garbage collection through all of it), and a probe past
 * another id's slot costs no visit to that element, which in a large dataset is a cache miss.
 * Immutable once built; {@code null} elements (a reader's placeholders) are skipped. The dataset,
 * the JSON reader and the importers all find ids through this class and its {@link #hash},
 * {@link #matches} and {@link #spread}.
 *
 * @param <T> the elements
 */
public final class IdIndex<T> {
    /** Told of an id met again: its position and the first one's. */
    @FunctionalInterface
    public interface Duplicates {
        /** Repeats go unremarked: the first stands. */
        Duplicates IGNORE = (position, first, id) -> { };

        void found(int position, int first, String id);
    }

    private final List<T> items;
    private final Function<T, String> idOf;
    /** Per slot, the id's hash in the high half and its position plus one in the low half (0: an empty slot). */
    private final long[] slots;

    /**
     * @param idOf       an element's id, never {@code null} for an element that is not
     * @param duplicates told of each id met again, in list order
     */
    public IdIndex(List<T> items, Function<T, String> idOf, Duplicates duplicates) {
        this.items = items;
        this.idOf = idOf;
        int n = items.size();
        // At most two thirds full: linear probing stays short.
        this.slots = new long[Integer.highestOneBit((n + n / 2) | 3) << 1];
        int mask = slots.length - 1;
        for (int i = 0; i < n; i++) {
            T item = items.get(i);
            if (item == null) {
                continue;
            }
            String id = idOf.apply(item);
            int hash = id.hashCode();
            for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
                long entry = slots[slot];
                if (entry == 0) {
                    slots[slot] = (long) hash << 32 | (i + 1);
                    break;
                }
                int at = (int) entry - 1;
                if ((int) (entry >>> 32) == hash && idOf.apply(items.get(at)).equals(id)) {
                    duplicates.found(i, at, id);
                    break;
                }
            }
        }
    }

    private IdIndex(List<T> items, Function<T, String> idOf, long[] slots) {
        this.items = items;
        this.idOf = idOf;
        this.slots = slots;
    }

    /** This index over a copy of its list: the same elements in the same order. */
    public IdIndex<T> over(List<T> copy) {
        return copy == items ? this : new IdIndex<>(copy, idOf, slots);
    }

    /** The position of the first element with this id, or -1 (also for {@code null}, as a map would say). */
    public int positionOf(String id) {
        if (id == null) {
            return -1;
        }
        int hash = id.hashCode();
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            int at = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && idOf.apply(items.get(at)).equals(id)) {
                return at;
            }
        }
    }

    /** The position of the first element whose id is {@code chars[offset, offset + length)}, or -1. */
    public int positionOf(char[] chars, int offset, int length) {
        int hash = hash(chars, offset, length);
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            int at = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && matches(idOf.apply(items.get(at)), chars, offset, length)) {
                return at;
            }
        }
    }

    /** The first element with this id, or {@code null}. */
    public T get(String id) {
        int at = positionOf(id);
        return at < 0 ? null : items.get(at);
    }

    public boolean contains(String id) {
        return positionOf(id) >= 0;
    }

    /** {@link String#hashCode()} of the string {@code chars[offset, offset + length)} would be. */
    public static int hash(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        return hash;
    }

    /** True when {@code id} is {@code chars[offset, offset + length)}. */
    public static boolean matches(String id, char[] chars, int offset, int length) {
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

    /** Ids such as "k-0001234" differ in their last characters; mix those into the low bits of a slot. */
    public static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
