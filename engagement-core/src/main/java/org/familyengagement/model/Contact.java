package org.familyengagement.model;

import java.io.Serializable;
import java.time.Instant;

/**
 * One contact between the school and a family, in either direction.
 *
 * <p>A contact carries ids and classifications only, never what was said. Its ids follow the rule
 * of docs/fact-model.md ("Ids"): no controls, bidirectional or format characters, not blank, at
 * most 256 characters; others are an {@link IllegalArgumentException}. Build one with
 * {@link #builder}, which applies the contract's defaults and remembers which fields were
 * recorded; correct one with {@link #toBuilder()}.
 *
 * @param id             unique among contacts
 * @param familyId       the family it was with
 * @param studentId      the student it was about, or {@code null}
 * @param staffId        the staff member who made or received it, or {@code null}
 * @param caregiverId    the caregiver it was with, one of the family's, or {@code null}
 * @param schoolId       the school it came from or was addressed to, or {@code null} (then the
 *                       student's school, when it has a student with one)
 * @param broadcastId    the mass message it was one delivery of, or {@code null}; only on
 *                       {@code BROADCAST} and {@code RECIPROCAL} contacts
 * @param at             when it happened
 * @param direction      who started it
 * @param channel        how it travelled
 * @param mode           personal, reciprocal or broadcast ({@link Mode#PERSONAL} when unknown)
 * @param tone           positive, neutral or concern ({@link Tone#NEUTRAL} when unknown)
 * @param topic          what it was about, or {@code null} when not recorded
 * @param language       BCP 47 tag of the language it was in; {@code null} means the district's
 *                       default language, which a {@link Dataset} fills in
 * @param interpretation what interpretation it had ({@link Interpretation#NONE} when unknown)
 * @param delivery       what became of it, or {@code null} when only {@code delivered} is known
 * @param delivered      it reached the family; {@code false} for a bounce, an unanswered call,
 *                       returned mail. Always {@code true} for inbound contacts, which happened;
 *                       follows {@code delivery} when that is given
 * @param awaitsReply    an inbound contact that expects an answer; always {@code false} for outbound
 * @param replyTo        on an outbound contact, the id of the inbound contact of its family it answers (not
 *                       dated after it), or {@code null}
 * @param recorded       which defaulted fields the source actually recorded; {@code null} means all
 */
public record Contact(String id, String familyId, String studentId, String staffId, String caregiverId,
                      String schoolId, String broadcastId, Instant at, Direction direction, Channel channel,
                      Mode mode, Tone tone, Topic topic, String language, Interpretation interpretation,
                      Delivery delivery, boolean delivered, boolean awaitsReply, String replyTo,
                      Recorded recorded) implements Evidence, Serializable {

    public Contact {
        Checks.requireId(id, "contact id");
        Checks.requireId(familyId, "contact familyId");
        Checks.optionalId(studentId, "contact studentId");
        Checks.optionalId(staffId, "contact staffId");
        Checks.optionalId(caregiverId, "contact caregiverId");
        Checks.optionalId(schoolId, "contact schoolId");
        Checks.optionalId(broadcastId, "contact broadcastId");
        Checks.optionalId(replyTo, "contact replyTo");
        Checks.require(at, "contact at");
        Checks.require(direction, "contact direction");
        Checks.require(channel, "contact channel");
        mode = mode == null ? Mode.PERSONAL : mode;
        tone = tone == null ? Tone.NEUTRAL : tone;
        interpretation = interpretation == null ? Interpretation.NONE : interpretation;
        recorded = recorded == null ? Recorded.ALL : recorded;
        if (broadcastId != null && mode == Mode.PERSONAL) {
            throw new IllegalArgumentException("contact " + id + " has broadcastId " + broadcastId
                    + " but is PERSONAL; only BROADCAST and RECIPROCAL contacts belong to a broadcast");
        }
        // An inbound contact always happened; awaitsReply means nothing on an outbound one.
        delivered = direction == Direction.INBOUND || (delivery != null ? delivery.reachedFamily() : delivered);
        awaitsReply = direction == Direction.INBOUND && awaitsReply;
    }

    /**
     * Which fields with a contract default the source recorded, as opposed to defaulted: the
     * coverage report counts only recorded values. Eight shared instances: see {@link #of}.
     *
     * @param tone     {@code tone} was given
     * @param language {@code language} was given (not the district default)
     * @param delivery {@code delivered} or {@code delivery} was given
     */
    public record Recorded(boolean tone, boolean language, boolean delivery) implements Serializable {
        /** Every field recorded. */
        public static final Recorded ALL = new Recorded(true, true, true);
        private static final Recorded[] SHARED = new Recorded[8];

        static {
            for (int i = 0; i < SHARED.length; i++) {
                SHARED[i] = i == 7 ? ALL : new Recorded((i & 1) != 0, (i & 2) != 0, (i & 4) != 0);
            }
        }

        /** The shared instance for these flags: a contact costs a reference, not an object. */
        public static Recorded of(boolean tone, boolean language, boolean delivery) {
            return SHARED[(tone ? 1 : 0) | (language ? 2 : 0) | (delivery ? 4 : 0)];
        }
    }

    /** Starts a contact with its required fields; the rest take the contract's defaults. */
    public static Builder builder(String id, String familyId, Instant at, Direction direction, Channel channel) {
        return new Builder(id, familyId, at, direction, channel);
    }

    /** A builder holding every field of this contact, to change some and build a corrected copy. */
    public Builder toBuilder() {
        Builder builder = new Builder(id, familyId, at, direction, channel);
        builder.studentId = studentId;
        builder.staffId = staffId;
        builder.caregiverId = caregiverId;
        builder.schoolId = schoolId;
        builder.broadcastId = broadcastId;
        builder.mode = mode;
        builder.tone = tone;
        builder.topic = topic;
        builder.language = language;
        builder.interpretation = interpretation;
        builder.delivery = delivery;
        builder.delivered = delivered;
        builder.awaitsReply = awaitsReply;
        builder.replyTo = replyTo;
        builder.toneRecorded = recorded.tone();
        builder.languageRecorded = recorded.language();
        builder.deliveryRecorded = recorded.delivery();
        return builder;
    }

    /** A copy of this contact in another language (the language stays "not recorded" if it was). */
    public Contact withLanguage(String newLanguage) {
        return new Contact(id, familyId, studentId, staffId, caregiverId, schoolId, broadcastId, at, direction,
                channel, mode, tone, topic, newLanguage, interpretation, delivery, delivered, awaitsReply, replyTo,
                recorded);
    }

    public boolean isInbound() {
        return direction == Direction.INBOUND;
    }

    public boolean isOutbound() {
        return direction == Direction.OUTBOUND;
    }

    /** Outbound and delivered. */
    public boolean isDeliveredOutbound() {
        return direction == Direction.OUTBOUND && delivered;
    }

    /** Personal or reciprocal: anything but a broadcast. */
    public boolean isTwoWay() {
        return mode.isTwoWay();
    }

    public boolean isBroadcast() {
        return mode == Mode.BROADCAST;
    }

    public boolean isPersonal() {
        return mode == Mode.PERSONAL;
    }

    /**
     * A builder that applies the contract's defaults to what it is not told, and records which
     * defaulted fields it was told ({@link Recorded}). Not thread-safe.
     */
    public static final class Builder {
        private final String id;
        private final String familyId;
        private final Instant at;
        private final Direction direction;
        private final Channel channel;
        private String studentId;
        private String staffId;
        private String caregiverId;
        private String schoolId;
        private String broadcastId;
        private Mode mode = Mode.PERSONAL;
        private Tone tone = Tone.NEUTRAL;
        private Topic topic;
        private String language;
        private Interpretation interpretation = Interpretation.NONE;
        private Delivery delivery;
        private boolean delivered = true;
        private Boolean awaitsReply;
        private String replyTo;
        private boolean toneRecorded;
        private boolean languageRecorded;
        private boolean deliveryRecorded;

        private Builder(String id, String familyId, Instant at, Direction direction, Channel channel) {
            this.id = id;
            this.familyId = familyId;
            this.at = at;
            this.direction = direction;
            this.channel = channel;
        }

        public Builder studentId(String value) {
            this.studentId = value;
            return this;
        }

        public Builder staffId(String value) {
            this.staffId = value;
            return this;
        }

        public Builder caregiverId(String value) {
            this.caregiverId = value;
            return this;
        }

        public Builder schoolId(String value) {
            this.schoolId = value;
            return this;
        }

        public Builder broadcastId(String value) {
            this.broadcastId = value;
            return this;
        }

        public Builder mode(Mode value) {
            this.mode = value;
            return this;
        }

        public Builder tone(Tone value) {
            this.tone = value;
            this.toneRecorded = value != null;
            return this;
        }

        public Builder topic(Topic value) {
            this.topic = value;
            return this;
        }

        public Builder language(String value) {
            this.language = value;
            this.languageRecorded = value != null;
            return this;
        }

        public Builder interpretation(Interpretation value) {
            this.interpretation = value;
            return this;
        }

        /** Sets {@code delivered} too, unless the status is {@code null}. */
        public Builder delivery(Delivery value) {
            this.delivery = value;
            this.deliveryRecorded = value != null || deliveryRecorded;
            return this;
        }

        public Builder delivered(boolean value) {
            this.delivered = value;
            this.deliveryRecorded = true;
            return this;
        }

        /** Defaults to {@code true} for an inbound contact. */
        public Builder awaitsReply(boolean value) {
            this.awaitsReply = value;
            return this;
        }

        public Builder replyTo(String value) {
            this.replyTo = value;
            return this;
        }

        public Contact build() {
            boolean awaits = awaitsReply != null ? awaitsReply : direction == Direction.INBOUND;
            return new Contact(id, familyId, studentId, staffId, caregiverId, schoolId, broadcastId, at, direction,
                    channel, mode, tone, topic, language, interpretation, delivery, delivered, awaits, replyTo,
                    Recorded.of(toneRecorded, languageRecorded, deliveryRecorded));
        }
    }
}
