package org.familyengagement.rules.pack;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Preference;
import org.familyengagement.model.Staff;
import org.familyengagement.model.StaffRole;
import org.familyengagement.policy.Policy;
import org.familyengagement.rules.RuleEngine;
import org.familyengagement.testkit.RuleVerifier;

/**
 * What the rule pack's tests share. Times are district-local ({@code America/Chicago}) date-times
 * like {@code "2026-11-13T14:00"}. November 2026: the 2nd, 9th, 16th and 23rd are Mondays.
 *
 * <p>The rule-by-rule tests use the testkit: {@link #VERIFIER}, the testkit's fact builders
 * {@link #F}, family {@link #FAMILY}, and the edges of the window as times. The live-session and
 * custom-rule tests build datasets with the builders below instead.
 *
 * <p>Defaults of those builders: family {@code f-1} reads Spanish and chose SMS, then phone calls;
 * outbound contacts are in Spanish, personal and delivered; staff {@code t-1} (teacher) and
 * {@code t-2} (counselor) exist. The district has no holidays and the default policy applies.
 */
final class PackFixtures {
    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final District DISTRICT = District.of("d-1", ZONE);
    static final String F1 = "f-1";
    static final List<Staff> STAFF = List.of(Staff.of("t-1", StaffRole.TEACHER, "en", "es"),
            Staff.of("t-2", StaffRole.COUNSELOR, "en"));

    /** Friday 20 November 2026, 17:00 local: the default instant of judgement. */
    static final Instant AS_OF = at("2026-11-20T17:00");
    /** The exclusive start of the default 30-day window. */
    static final Instant WINDOW_START = AS_OF.minus(Duration.ofDays(30));

    /** The built-in pack with the default policy, shared: an engine is immutable. */
    static final RuleEngine ENGINE = RuleEngine.builder().build();

    // ---- the testkit, for the rule-by-rule tests --------------------------------------------

    /** Verifies the built-in pack with the default policy, on the shared {@link #ENGINE}. */
    static final RuleVerifier VERIFIER = RuleVerifier.of(ENGINE);

    /**
     * The testkit's fact builders in {@link #DISTRICT}. Their defaults are the testkit's, not this
     * class's: a contact states no language (so it is in the district's English) and no staff
     * member; a family has no preference unless told.
     */
    static final org.familyengagement.testkit.Facts F = org.familyengagement.testkit.Facts.in(DISTRICT);

    /** Family f-1 with this class's defaults (reads Spanish, chose SMS then phone calls). */
    static final Family FAMILY = family(F1);

    /**
     * {@link #WINDOW_START} as a time for the testkit's builders: an instant, so nobody has to
     * work out by hand that it is 18:00 local on 21 October (summer time, unlike {@code asOf}).
     */
    static final String AT_WINDOW_START = WINDOW_START.toString();
    /** One second after the window's exclusive start: the first instant in it. */
    static final String JUST_INSIDE_WINDOW = WINDOW_START.plusSeconds(1).toString();
    /** {@link #AS_OF}, the window's inclusive end, as a time for the testkit's builders. */
    static final String AT_AS_OF = AS_OF.toString();

    private PackFixtures() {
    }

    /** A verifier of the built-in pack with another policy. */
    static RuleVerifier verifier(Policy policy) {
        return RuleVerifier.builder().policy(policy).build();
    }

    // ---- time and the district ------------------------------------------------------------

    /** A district-local date-time as an instant. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    /** The same district with holidays. */
    static District districtWithHolidays(String... dates) {
        TreeSet<LocalDate> holidays = new TreeSet<>();
        Arrays.stream(dates).map(LocalDate::parse).forEach(holidays::add);
        return new District("d-1", null, ZONE, "en", District.DEFAULT_WEEKEND, holidays);
    }

    // ---- families -------------------------------------------------------------------------

    /** A family that reads Spanish and chose SMS, then phone calls. */
    static Family family(String id) {
        return family(id, spanishBySms());
    }

    static Family family(String id, Preference preference) {
        return new Family(id, List.of(), List.of(), preference, Map.of());
    }

    static Preference spanishBySms() {
        return Preference.of(List.of("es"), List.of(Channel.SMS, Channel.PHONE));
    }

    // ---- contacts (builders, so a test can change what matters to it) ---------------------

    /** An inbound question by SMS that awaits a reply. */
    static Contact.Builder question(String id, String local) {
        return question(F1, id, local);
    }

    static Contact.Builder question(String familyId, String id, String local) {
        return Contact.builder(id, familyId, at(local), Direction.INBOUND, Channel.SMS).language("es");
    }

    /** An outbound personal phone call in Spanish by t-1, delivered. */
    static Contact.Builder call(String id, String local) {
        return call(F1, id, local);
    }

    static Contact.Builder call(String familyId, String id, String local) {
        return outbound(familyId, id, local, Channel.PHONE).staffId("t-1");
    }

    /** An outbound personal text in Spanish by t-1, delivered. */
    static Contact.Builder text(String id, String local) {
        return outbound(F1, id, local, Channel.SMS).staffId("t-1");
    }

    /** An outbound personal contact on any channel, in Spanish, delivered. */
    static Contact.Builder outbound(String familyId, String id, String local, Channel channel) {
        return Contact.builder(id, familyId, at(local), Direction.OUTBOUND, channel).language("es");
    }

    // ---- commitments ----------------------------------------------------------------------

    /** A promise to f-1 by a staff member (or {@code null}), with no fulfilledBy. */
    static Commitment commitment(String id, String staffId, String madeLocal, String dueLocal) {
        return new Commitment(id, F1, staffId, at(madeLocal), at(dueLocal), null);
    }

    static Commitment fulfilledBy(Commitment commitment, String contactId) {
        return new Commitment(commitment.id(), commitment.familyId(), commitment.staffId(), commitment.madeAt(),
                commitment.dueBy(), contactId);
    }

    // ---- datasets -------------------------------------------------------------------------

    /** Family f-1 and its contacts. */
    static Dataset dataset(Contact.Builder... contacts) {
        return dataset(family(F1), contacts);
    }

    static Dataset dataset(Family family, Contact.Builder... contacts) {
        return Dataset.of(DISTRICT, STAFF, List.of(family), build(contacts), List.of());
    }

    static List<Contact> build(Contact.Builder... contacts) {
        List<Contact> built = new ArrayList<>();
        for (Contact.Builder contact : contacts) {
            built.add(contact.build());
        }
        return built;
    }
}
