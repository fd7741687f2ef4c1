package org.familyengagement.model;

import java.util.List;
import java.util.function.Function;

/**
 * Where each id first stands in a list: an open-addressing table of positions (and the ids'
 * hashes) in one {@code long} array, looked up by comparing with the list's own ids. Two million contacts cost a 32 MB array
 * rather than a map entry and a boxed position each (about 125 MB, and garbage collection
 * through all of it). Immutable once built; {@code null} elements (a reader's placeholders)
 * are skipped.
 *
 * @param <T> the elements
 */
final class IdIndex<T> {
    /** Told of an id met again: its position and the first one's. */
    @FunctionalInterface
    interface Duplicates {
        void found(int position, int first, String id);
    }

    private final List<T> items;
    private final Function<T, String> idOf;
    /**
     * Per slot, the id's hash in the high half and its position plus one in the low half (0: an
     * empty slot). The hash is compared before the element is: a probe past another id costs no
     * visit to that element, which for two million contacts is a cache miss each.
     */
    private final long[] slots;

    IdIndex(List<T> items, Function<T, String> idOf, Duplicates duplicates) {
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
    IdIndex<T> over(List<T> copy) {
        return copy == items ? this : new IdIndex<>(copy, idOf, slots);
    }

    /** The position of the first element with this id, or -1 (also for {@code null}, as a map would say). */
    int positionOf(String id) {
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

    /** The first element with this id, or {@code null}. */
    T get(String id) {
        int at = positionOf(id);
        return at < 0 ? null : items.get(at);
    }

    boolean contains(String id) {
        return positionOf(id) >= 0;
    }

    /** Ids such as "k-0001234" differ in their last characters; mix those into the low bits. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
