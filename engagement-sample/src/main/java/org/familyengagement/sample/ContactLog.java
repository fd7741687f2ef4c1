package org.familyengagement.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Tone;

/**
 * Compact logs: millions of contacts as primitive columns until ids can be given in time order.
 *
 * <p>Contacts as columns: about 40 bytes each instead of a few hundred, and ids are given only
 * once all are known, in time order.
 */
final class ContactLog {
    static final int DELIVERED = 1 << 9;
    static final int AWAITS_REPLY = 1 << 10;

    // The detail column: what contract v2 adds, and which defaulted fields the source recorded.
    static final int TOPIC_SHIFT = 0;          // 4 bits: 0 = not recorded, else Topic ordinal + 1
    static final int INTERPRETATION_SHIFT = 4; // 3 bits: Interpretation ordinal
    static final int DELIVERY_SHIFT = 7;       // 3 bits: 0 = no status, else Delivery ordinal + 1
    static final int TONE_RECORDED = 1 << 10;
    static final int LANGUAGE_RECORDED = 1 << 11;
    static final int DELIVERY_RECORDED = 1 << 12;
    static final int CAREGIVER_SHIFT = 13;     // 3 bits: 0 = not recorded, else the caregiver's index + 1

    long[] at;
    int[] family;
    int[] student;
    int[] staff;
    int[] replyTo;
    /** direction (bit 0), channel (1-3), mode (4-5), tone (6-7), booleans (9-10), language tag (16-23). */
    int[] flags;
    /** Topic, interpretation, delivery status, recorded flags and caregiver: see the shifts above. */
    int[] detail;
    /** 0: none; {@code b + 1}: broadcast {@code b} (in time order); {@code -(s + 1)}: sent from or to school {@code s}. */
    int[] origin;
    int size;

    ContactLog(int capacity) {
        int initial = Math.max(64, capacity);
        at = new long[initial];
        family = new int[initial];
        student = new int[initial];
        staff = new int[initial];
        replyTo = new int[initial];
        flags = new int[initial];
        detail = new int[initial];
        origin = new int[initial];
    }

    /** Adds a contact; its detail and origin start empty (see {@link #detail} and {@link #origin}). */
    int add(long when, int familyIndex, int studentIndex, int staffIndex, Direction direction, Channel channel,
            Mode mode, Tone tone, int language, boolean delivered, boolean awaitsReply, int replyToIndex) {
        if (size == at.length) {
            int grown = size + (size >> 1);
            at = Arrays.copyOf(at, grown);
            family = Arrays.copyOf(family, grown);
            student = Arrays.copyOf(student, grown);
            staff = Arrays.copyOf(staff, grown);
            replyTo = Arrays.copyOf(replyTo, grown);
            flags = Arrays.copyOf(flags, grown);
            detail = Arrays.copyOf(detail, grown);
            origin = Arrays.copyOf(origin, grown);
        }
        at[size] = when;
        family[size] = familyIndex;
        student[size] = studentIndex;
        staff[size] = staffIndex;
        replyTo[size] = replyToIndex;
        detail[size] = 0;
        origin[size] = 0;
        flags[size] = direction.ordinal() | channel.ordinal() << 1 | mode.ordinal() << 4 | tone.ordinal() << 6
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

    /**
     * Meetings as columns, like {@link ContactLog}. Instants are epoch seconds, {@link #NONE} for
     * absent; {@code status} is -1 when not recorded, else a {@code MeetingStatus} ordinal.
     */
    static final class MeetingLog {
        static final long NONE = Long.MIN_VALUE;
        private static final long[] NO_TIMES = {};

        int[] family = new int[64];
        int[] student = new int[64];
        int[] caregiver = new int[64];
        int[] staff = new int[64];
        /** The school it is at when no student says, or -1. */
        int[] school = new int[64];
        byte[] kind = new byte[64];
        byte[] status = new byte[64];
        byte[] interpretation = new byte[64];
        long[] at = new long[64];
        long[][] offered = new long[64][];
        long[] noticeSentAt = new long[64];
        long[] inputRequestedAt = new long[64];
        long[] inputReceivedAt = new long[64];
        long[] draftSharedAt = new long[64];
        int size;

        /** Adds a meeting with nothing but its people, kind, time and status; returns its position. */
        int add(int familyIndex, int studentIndex, int caregiverIndex, int staffIndex, MeetingKind meetingKind,
                long when, MeetingStatus meetingStatus, Interpretation meetingInterpretation, long[] offeredTimes) {
            if (size == family.length) {
                int grown = size * 2;
                family = Arrays.copyOf(family, grown);
                student = Arrays.copyOf(student, grown);
                caregiver = Arrays.copyOf(caregiver, grown);
                staff = Arrays.copyOf(staff, grown);
                school = Arrays.copyOf(school, grown);
                kind = Arrays.copyOf(kind, grown);
                status = Arrays.copyOf(status, grown);
                interpretation = Arrays.copyOf(interpretation, grown);
                at = Arrays.copyOf(at, grown);
                offered = Arrays.copyOf(offered, grown);
                noticeSentAt = Arrays.copyOf(noticeSentAt, grown);
                inputRequestedAt = Arrays.copyOf(inputRequestedAt, grown);
                inputReceivedAt = Arrays.copyOf(inputReceivedAt, grown);
                draftSharedAt = Arrays.copyOf(draftSharedAt, grown);
            }
            family[size] = familyIndex;
            student[size] = studentIndex;
            caregiver[size] = caregiverIndex;
            staff[size] = staffIndex;
            school[size] = -1;
            kind[size] = (byte) meetingKind.ordinal();
            status[size] = (byte) (meetingStatus == null ? -1 : meetingStatus.ordinal());
            interpretation[size] = (byte) meetingInterpretation.ordinal();
            at[size] = when;
            offered[size] = offeredTimes == null ? NO_TIMES : offeredTimes;
            noticeSentAt[size] = NONE;
            inputRequestedAt[size] = NONE;
            inputReceivedAt[size] = NONE;
            draftSharedAt[size] = NONE;
            return size++;
        }
    }
}
