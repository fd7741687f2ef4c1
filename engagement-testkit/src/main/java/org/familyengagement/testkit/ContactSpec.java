package org.familyengagement.testkit;

import java.time.Instant;
import java.time.ZoneId;

import org.familyengagement.model.District;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Delivery;
import org.familyengagement.model.Direction;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Tone;
import org.familyengagement.model.Topic;

/**
 * A contact being described, with the contract's defaults: personal, neutral, delivered, in the
 * district's default language. Not thread-safe.
 */
public final class ContactSpec implements FactSpec<Contact> {
    private final String id;
    private final String familyId;
    private final Direction direction;
    private final ZoneId zone;
    private Instant at;
    private Channel channel;
    private Mode mode = Mode.PERSONAL;
    private Tone tone;
    private String studentId;
    private String staffId;
    private String language;
    private Interpretation interpretation = Interpretation.NONE;
    private boolean delivered = true;
    private boolean awaitsReply;
    private String replyTo;
    private String caregiverId;
    private String schoolId;
    private String broadcastId;
    private Topic topic;
    private Delivery delivery;

    private final District district;

    ContactSpec(String id, String familyId, Instant at, Direction direction, Channel channel, ZoneId zone,
                District district) {
        this.district = district;
        this.id = id;
        this.familyId = familyId;
        this.at = at;
        this.direction = direction;
        this.channel = channel;
        this.zone = zone;
    }

    String id() {
        return id;
    }

    @Override
    public District district() {
        return district;
    }

    String familyId() {
        return familyId;
    }

    String language() {
        return language;
    }

    /** Moves the contact to another local time. */
    public ContactSpec at(String time) {
        this.at = Times.parse(time, zone);
        return this;
    }

    public ContactSpec channel(Channel value) {
        this.channel = value;
        return this;
    }

    public ContactSpec mode(Mode value) {
        this.mode = value;
        return this;
    }

    public ContactSpec tone(Tone value) {
        this.tone = value;
        return this;
    }

    /** Tone {@code POSITIVE}: good news. */
    public ContactSpec positive() {
        return tone(Tone.POSITIVE);
    }

    /** Tone {@code CONCERN}: a problem. */
    public ContactSpec concern() {
        return tone(Tone.CONCERN);
    }

    /** The BCP 47 tag of the language it was in. */
    public ContactSpec language(String tag) {
        this.language = tag;
        return this;
    }

    /** It was interpreted or translated into the family's language by a qualified interpreter. */
    public ContactSpec interpreted() {
        return interpretation(Interpretation.QUALIFIED);
    }

    /** What interpretation it had. */
    public ContactSpec interpretation(Interpretation value) {
        this.interpretation = value;
        return this;
    }

    /** It did not reach the family: a bounce, an unanswered call. */
    public ContactSpec undelivered() {
        this.delivered = false;
        return this;
    }

    public ContactSpec awaitsReply(boolean value) {
        this.awaitsReply = value;
        return this;
    }

    /** The inbound contact this one answers. */
    public ContactSpec replyTo(String inboundId) {
        this.replyTo = inboundId;
        return this;
    }

    public ContactSpec staff(String value) {
        this.staffId = value;
        return this;
    }

    public ContactSpec student(String value) {
        this.studentId = value;
        return this;
    }

    /** The caregiver it was with: that caregiver's preference, when it has one, is the one that holds. */
    public ContactSpec caregiver(String value) {
        this.caregiverId = value;
        return this;
    }

    /** The school it came from or was addressed to. */
    public ContactSpec school(String value) {
        this.schoolId = value;
        return this;
    }

    /** The mass message it was one delivery of (broadcast and reciprocal contacts only). */
    public ContactSpec broadcastId(String value) {
        this.broadcastId = value;
        return this;
    }

    /** What it was about. */
    public ContactSpec topic(Topic value) {
        this.topic = value;
        return this;
    }

    /** What became of it, finer than delivered or not: {@code FAILED}, {@code OPENED}... */
    public ContactSpec delivery(Delivery value) {
        this.delivery = value;
        return this;
    }

    @Override
    public Contact build() {
        Contact.Builder contact = Contact.builder(id, familyId, at, direction, channel).studentId(studentId)
                .staffId(staffId).mode(mode).tone(tone).language(language).interpretation(interpretation)
                .awaitsReply(awaitsReply).replyTo(replyTo).caregiverId(caregiverId).schoolId(schoolId)
                .broadcastId(broadcastId).topic(topic);
        if (delivery != null) {
            contact.delivery(delivery);
        } else if (!delivered) {
            contact.delivered(false);
        }
        return contact.build();
    }
}
