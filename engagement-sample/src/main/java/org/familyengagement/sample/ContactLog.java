package org.familyengagement.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Tone;

/**
 * Compact logs: millions of contacts as primitive columns until ids can be given in time order.
 *
 * <p>Contacts as columns: about 30 bytes each instead of a few hundred, and ids are given only
 * once all are known, in time order.
 */
final class ContactLog {
    static final int INTERPRETED = 1 << 8;
    static final int DELIVERED = 1 << 9;
    static final int AWAITS_REPLY = 1 << 10;

    long[] at;
    int[] family;
    int[] student;
    int[] staff;
    int[] replyTo;
    /** direction (bit 0), channel (1-3), mode (4-5), tone (6-7), booleans (8-10), language tag (16-23). */
    int[] flags;
    int size;

    ContactLog(int capacity) {
        int initial = Math.max(64, capacity);
        at = new long[initial];
        family = new int[initial];
        student = new int[initial];
        staff = new int[initial];
        replyTo = new int[initial];
        flags = new int[initial];
    }

    int add(long when, int familyIndex, int studentIndex, int staffIndex, Direction direction, Channel channel,
            Mode mode, Tone tone, int language, boolean interpreted, boolean delivered, boolean awaitsReply,
            int replyToIndex) {
        if (size == at.length) {
            int grown = size + (size >> 1);
            at = Arrays.copyOf(at, grown);
            family = Arrays.copyOf(family, grown);
            student = Arrays.copyOf(student, grown);
            staff = Arrays.copyOf(staff, grown);
            replyTo = Arrays.copyOf(replyTo, grown);
            flags = Arrays.copyOf(flags, grown);
        }
        at[size] = when;
        family[size] = familyIndex;
        student[size] = studentIndex;
        staff[size] = staffIndex;
        replyTo[size] = replyToIndex;
        flags[size] = direction.ordinal() | channel.ordinal() << 1 | mode.ordinal() << 4 | tone.ordinal() << 6
                | (interpreted ? INTERPRETED : 0)
                | (delivered || direction == Direction.INBOUND ? DELIVERED : 0)
                | (awaitsReply && direction == Direction.INBOUND ? AWAITS_REPLY : 0)
                | language << 16;
        return size++;
    }

    /** Language tags as small integers, in first-use order (deterministic). */
    static final class Tags {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> tags = new ArrayList<>();

        int index(String tag) {
            Integer known = index.get(tag);
            if (known != null) {
                return known;
            }
            if (tags.size() == 256) {
                throw new IllegalStateException("more than 256 language tags");
            }
            index.put(tag, tags.size());
            tags.add(tag);
            return tags.size() - 1;
        }

        String[] all() {
            return tags.toArray(new String[0]);
        }
    }

    /** Commitments as columns, like {@link ContactLog}. */
    static final class PromiseLog {
        int[] family = new int[64];
        int[] staff = new int[64];
        long[] madeAt = new long[64];
        long[] dueBy = new long[64];
        int[] fulfilledBy = new int[64];
        int size;

        void add(int familyIndex, int staffIndex, long made, long due, int fulfilledByIndex) {
            if (size == family.length) {
                int grown = size * 2;
                family = Arrays.copyOf(family, grown);
                staff = Arrays.copyOf(staff, grown);
                madeAt = Arrays.copyOf(madeAt, grown);
                dueBy = Arrays.copyOf(dueBy, grown);
                fulfilledBy = Arrays.copyOf(fulfilledBy, grown);
            }
            family[size] = familyIndex;
            staff[size] = staffIndex;
            madeAt[size] = made;
            dueBy[size] = due;
            fulfilledBy[size] = fulfilledByIndex;
            size++;
        }
    }
}
