package org.familyengagement.importer;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Delivery;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.Restriction;
import org.familyengagement.model.School;
import org.familyengagement.model.Staff;
import org.familyengagement.model.StaffRole;
import org.familyengagement.model.Student;
import org.familyengagement.model.Tone;
import org.familyengagement.model.Topic;

/** A small dataset that uses every field of contract v2, for the database round trips. */
final class SisFixtures {
    private SisFixtures() {
    }

    static Instant at(String text) {
        return Instant.parse(text);
    }

    static Dataset everyField() {
        District district = District.builder("d-9", ZoneId.of("America/New_York")).name("Harbor City")
                .defaultLanguage("en").weekend(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))
                .holidays(Set.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27)))
                .schoolYearStart(LocalDate.of(2026, 8, 31))
                .schools(List.of(new School("sch-1", "Harbor Elementary"), new School("sch-2", null))).build();
        Preference somali = Preference.builder().languages("so", "en").channels(Channel.SMS, Channel.PHONE)
                .optOut(Channel.EMAIL).addReachable(new ReachableWindow(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                        LocalTime.of(17, 0), LocalTime.of(20, 30))).interpreter(true).build();
        Family one = Family.builder("f-1").student(new Student("s-1", "3", "sch-1")).student(new Student("s-2", "K", null))
                .caregiver(new Caregiver("c-1", "MOTHER"))
                .caregiver(new Caregiver("c-2", "FATHER", somali, Restriction.NONE))
                .caregiver(new Caregiver("c-3", "STEPFATHER", null, Restriction.NO_CONTACT))
                .preference(Preference.of(List.of("en"), List.of(Channel.EMAIL))).group("homeLanguage", "en")
                .group("income", "frl").build();
        Family two = Family.builder("f-2").student(new Student("s-3", "7", "sch-2")).build();
        Contact broadcast = Contact.builder("k-1", "f-1", at("2026-11-02T16:00:00Z"), Direction.OUTBOUND, Channel.SMS)
                .mode(Mode.BROADCAST).broadcastId("b-1").schoolId("sch-1").topic(Topic.EVENT).language("en")
                .delivery(Delivery.OPENED).staffId("t-1").build();
        Contact question = Contact.builder("k-2", "f-1", at("2026-11-03T13:15:30Z"), Direction.INBOUND, Channel.PHONE)
                .caregiverId("c-2").studentId("s-1").language("so").build();
        Contact answer = Contact.builder("k-3", "f-1", at("2026-11-04T21:00:00Z"), Direction.OUTBOUND, Channel.PHONE)
                .replyTo("k-2").caregiverId("c-2").staffId("t-1").tone(Tone.POSITIVE).topic(Topic.PROGRESS)
                .interpretation(Interpretation.QUALIFIED).language("en").delivered(true).build();
        Contact failed = Contact.builder("k-4", "f-2", at("2026-11-05T14:00:00Z"), Direction.OUTBOUND, Channel.EMAIL)
                .delivered(false).tone(Tone.CONCERN).build();
        Commitment promise = new Commitment("m-1", "f-1", "t-1", at("2026-11-04T21:00:00Z"),
                at("2026-11-06T21:00:00Z"), "k-3");
        Meeting iep = Meeting.builder("mt-1", "f-1", MeetingKind.IEP, at("2026-11-18T19:00:00Z")).studentId("s-1")
                .caregiverId("c-2").staffId("t-1").schoolId("sch-1").status(MeetingStatus.HELD)
                .offeredTimes(List.of(at("2026-11-16T19:00:00Z"), at("2026-11-17T19:00:00Z")))
                .interpretation(Interpretation.QUALIFIED).noticeSentAt(at("2026-11-01T15:00:00Z"))
                .inputRequestedAt(at("2026-11-02T15:00:00Z")).inputReceivedAt(at("2026-11-10T15:00:00Z"))
                .draftSharedAt(at("2026-11-15T15:00:00Z")).build();
        return Dataset.builder(district).staff(Staff.of("t-1", StaffRole.TEACHER, "en", "so"), Staff.of("o-1", null))
                .families(one, two).contacts(broadcast, question, answer, failed).commitments(promise).meetings(iep)
                .build();
    }
}
