package org.familyengagement.model;

import java.time.Instant;

/**
 * One contact between the school and a family, in either direction.
 *
 * <p>A contact carries ids and classifications only, never what was said.
 *
 * @param id          unique among contacts
 * @param familyId    the family it was with
 * @param studentId   the student it was about, or {@code null}
 * @param staffId     the staff member who made or received it, or {@code null}
 * @param at          when it happened
 * @param direction   who started it
 * @param channel     how it travelled
 * @param mode        personal, reciprocal or broadcast ({@link Mode#PERSONAL} when unknown)
 * @param tone        positive, neutral or concern ({@link Tone#NEUTRAL} when unknown)
 * @param language    BCP 47 tag of the language it was in; {@code null} means the district's
 *                    default language, which a {@link Dataset} fills in
 * @param interpreted it was interpreted or translated into the family's language
 * @param delivered   it reached the family; {@code false} for a bounce, an unanswered call,
 *                    returned mail. Ignored for inbound contacts, which always happened
 * @param awaitsReply an inbound contact that expects an answer; always {@code false} for outbound
 * @param replyTo     on an outbound contact, the id of the inbound contact it answers, or {@code null}
 */
public record Contact(String id, String familyId, String studentId, String staffId, Instant at,
                      Direction direction, Channel channel, Mode mode, Tone tone, String language,
                      boolean interpreted, boolean delivered, boolean awaitsReply, String replyTo) {

    public Contact {
        Checks.requireId(id, "contact id");
        Checks.requireId(familyId, "contact familyId");
        Checks.require(at, "contact at");
        Checks.require(direction, "contact direction");
        Checks.require(channel, "contact channel");
        mode = mode == null ? Mode.PERSONAL : mode;
        tone = tone == null ? Tone.NEUTRAL : tone;
        // An inbound contact always happened; awaitsReply means nothing on an outbound one.
        delivered = direction == Direction.INBOUND || delivered;
        awaitsReply = direction == Direction.INBOUND && awaitsReply;
    }

    /** Starts a contact with its required fields; the rest take the contract's defaults. */
    public static Builder builder(String id, String familyId, Instant at, Direction direction, Channel channel) {
        return new Builder(id, familyId, at, direction, channel);
    }

    /** A copy of this contact in another language. */
    public Contact withLanguage(String newLanguage) {
        return new Contact(id, familyId, studentId, staffId, at, direction, channel, mode, tone, newLanguage,
                interpreted, delivered, awaitsReply, replyTo);
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

    /** A builder that applies the contract's defaults to what it is not told. */
    public static final class Builder {
        private final String id;
        private final String familyId;
        private final Instant at;
        private final Direction direction;
        private final Channel channel;
        private String studentId;
        private String staffId;
        private Mode mode = Mode.PERSONAL;
        private Tone tone = Tone.NEUTRAL;
        private String language;
        private boolean interpreted;
        private boolean delivered = true;
        private Boolean awaitsReply;
        private String replyTo;

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

        public Builder mode(Mode value) {
            this.mode = value;
            return this;
        }

        public Builder tone(Tone value) {
            this.tone = value;
            return this;
        }

        public Builder language(String value) {
            this.language = value;
            return this;
        }

        public Builder interpreted(boolean value) {
            this.interpreted = value;
            return this;
        }

        public Builder delivered(boolean value) {
            this.delivered = value;
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
            return new Contact(id, familyId, studentId, staffId, at, direction, channel, mode, tone, language,
                    interpreted, delivered, awaits, replyTo);
        }
    }
}
