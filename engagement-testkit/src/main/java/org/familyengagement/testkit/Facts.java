package org.familyengagement.testkit;

import java.time.ZoneId;
import java.util.Objects;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Direction;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.District;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Staff;
import org.familyengagement.model.StaffRole;

/**
 * Short builders for the facts of a rule test, with local times read in one district's zone.
 *
 * <pre>{@code
 * Facts f = Facts.defaults();                                  // America/Chicago, no holidays
 * Family family = f.family("f-1").prefersSpanishBySms().group("homeLanguage", "es").build();
 * ContactSpec question = f.question("k-1", "f-1", "2026-11-13T14:00");  // Friday 2 pm, local
 * ContactSpec answer = f.replyTo(question, "k-2", "2026-11-16T09:00");
 * }</pre>
 *
 * <p>Times are local date-times in the district's zone ({@code 2026-11-13T14:00}), or instants
 * with an offset ({@code 2026-11-13T20:00:00Z}). Immutable and thread-safe.
 */
public final class Facts {
    /** The zone of {@link #defaults()} and of the district a verifier assumes when none is given. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Chicago");

    /** The district of {@link #defaults()}: {@code d-1} in America/Chicago, English, no holidays. */
    public static final District DEFAULT_DISTRICT = District.of("d-1", DEFAULT_ZONE);

    private static final Facts DEFAULTS = new Facts(DEFAULT_DISTRICT, false);

    private final District district;
    /** Whether specs carry the district (Facts.in) or leave it to given(...) (Facts.defaults). */
    private final boolean located;

    private Facts(District district, boolean located) {
        this.district = district;
        this.located = located;
    }

    /** Facts in the default district: {@code d-1}, America/Chicago, no holidays. */
    public static Facts defaults() {
        return DEFAULTS;
    }

    /**
     * Facts in a district: local times are read in its zone, and {@code given(...)} judges the
     * specs made here in that district (its calendar included) without being passed it again.
     */
    public static Facts in(District district) {
        return new Facts(Objects.requireNonNull(district, "district must not be null"), true);
    }

    /** The district specs made here carry: see {@link FactSpec#district()}. */
    private District spec() {
        return located ? district : null;
    }

    /** Starts a district: {@code Facts.district("d-1", "America/Chicago").holidays("2026-11-11").build()}. */
    public static DistrictSpec district(String id, String timeZone) {
        return new DistrictSpec(id, ZoneId.of(Objects.requireNonNull(timeZone, "timeZone must not be null")));
    }

    /** The district these facts belong to. */
    public District district() {
        return district;
    }

    /** Starts a family with nothing recorded: no preference, no groups, no students. */
    public FamilySpec family(String id) {
        return new FamilySpec(id, spec());
    }

    /** A teacher who speaks English and Spanish. */
    public Staff teacher(String id) {
        return Staff.of(id, StaffRole.TEACHER, "en", "es");
    }

    /** An inbound text from the family, at a local time, that awaits a reply. */
    public ContactSpec question(String id, String familyId, String at) {
        return contact(id, familyId, at, Direction.INBOUND, Channel.SMS).awaitsReply(true);
    }

    /** An inbound contact that does not await a reply (the family just told the school something). */
    public ContactSpec note(String id, String familyId, String at) {
        return contact(id, familyId, at, Direction.INBOUND, Channel.SMS).awaitsReply(false);
    }

    /** A delivered outbound personal phone call. */
    public ContactSpec call(String id, String familyId, String at) {
        return contact(id, familyId, at, Direction.OUTBOUND, Channel.PHONE);
    }

    /** A delivered outbound personal text message. */
    public ContactSpec text(String id, String familyId, String at) {
        return contact(id, familyId, at, Direction.OUTBOUND, Channel.SMS);
    }

    /** A delivered outbound broadcast by app (newsletter, robocall-like mass message). */
    public ContactSpec broadcast(String id, String familyId, String at) {
        return contact(id, familyId, at, Direction.OUTBOUND, Channel.APP).mode(Mode.BROADCAST);
    }

    /**
     * A delivered outbound personal text to the question's family that names it in {@code replyTo},
     * in the question's language (a reply must be understood to answer it: RULES.md v2).
     */
    public ContactSpec replyTo(ContactSpec question, String id, String at) {
        Objects.requireNonNull(question, "question must not be null");
        return text(id, question.familyId(), at).replyTo(question.id()).language(question.language());
    }

    /** Any contact: the general form behind the shortcuts above. */
    public ContactSpec contact(String id, String familyId, String at, Direction direction, Channel channel) {
        return new ContactSpec(id, familyId, Times.parse(at, district.timeZone()), direction, channel,
                district.timeZone(), spec());
    }

    /** A meeting with a family (contract v2) at a local time: {@code meeting("mt-1", "f-1", IEP, "2026-11-18T16:00")}. */
    public MeetingSpec meeting(String id, String familyId, MeetingKind kind, String at) {
        return new MeetingSpec(id, familyId, kind, Times.parse(at, district.timeZone()), district.timeZone(), spec());
    }

    /** A caregiver, to add to a family with {@link FamilySpec#caregiver}. */
    public CaregiverSpec caregiver(String id, String relationship) {
        return new CaregiverSpec(id, relationship);
    }

    /** A commitment due at a local time, made two days before unless {@link CommitmentSpec#madeAt} says otherwise. */
    public CommitmentSpec commitment(String id, String familyId, String dueBy) {
        return new CommitmentSpec(id, familyId, Times.parse(dueBy, district.timeZone()), district.timeZone(), spec());
    }
}
