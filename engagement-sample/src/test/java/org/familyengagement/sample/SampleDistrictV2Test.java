package org.familyengagement.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Delivery;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.MeetingKind;
import org.familyengagement.model.MeetingStatus;
import org.familyengagement.model.Mode;
import org.familyengagement.model.Preference;
import org.familyengagement.model.School;
import org.familyengagement.model.Student;
import org.familyengagement.model.Tone;
import org.familyengagement.model.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample as contract v2: every v2 field occurs, and the shares are those of a real district. */
class SampleDistrictV2Test {
    private static Dataset sample;
    private static RulesV2 rules;
    private static Instant exportedAt;

    @BeforeAll
    static void generate() {
        sample = Fall2026.sample();
        rules = Fall2026.rules();
        exportedAt = SampleDistrict.FALL_2026_EXPORTED_AT;
    }

    // ---- district ----

    @Test
    void theDistrictNamesItsEightSchoolsAndTheFirstDayOfTheSchoolYear() {
        assertThat(sample.district().schoolYearStart()).isEqualTo(SampleDistrict.FALL_2026_FIRST_DAY);
        assertThat(sample.district().schools()).extracting(School::id)
                .containsExactly("sch-01", "sch-02", "sch-03", "sch-04", "sch-05", "sch-06", "sch-07", "sch-08");
        assertThat(sample.district().schools()).extracting(School::name)
                .doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("[A-Z][A-Za-z ]+ (Elementary|Middle School|High School)"));
        Set<String> attended = new HashSet<>();
        for (Family family : sample.families()) {
            family.students().forEach(student -> attended.add(student.schoolId()));
        }
        assertThat(attended).containsExactlyInAnyOrderElementsOf(
                sample.district().schools().stream().map(School::id).toList());
    }

    @Test
    void theExportInstantOfTheDefaultSemesterIsTheUsualAuditInstant() {
        Semester fall = new Semester(SampleDistrict.FALL_2026_FIRST_DAY, SampleDistrict.FALL_2026_LAST_DAY);

        assertThat(Instant.ofEpochSecond(new Milestones(fall).exportAt)).isEqualTo(Fall2026.AS_OF)
                .isEqualTo(exportedAt);
    }

    // ---- contacts ----

    @Test
    void contactsFromASchoolNameItAndStudentsLeaveItToTheirSchool() {
        // Explicit on broadcasts from a school and on questions to a school about no one student.
        assertThat(sample.contacts()).filteredOn(c -> c.schoolId() != null)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.studentId()).isNull())
                .anyMatch(Contact::isBroadcast)
                .anyMatch(Contact::isInbound);
        // The district's own broadcasts come from no school.
        assertThat(sample.contacts()).anyMatch(c -> c.isBroadcast() && c.schoolId() == null);
    }

    @Test
    void everyBroadcastDeliveryCarriesItsMassMessagesId() {
        Map<String, Contact> first = new HashMap<>();
        for (Contact contact : sample.contacts()) {
            if (contact.isBroadcast()) {
                assertThat(contact.broadcastId()).as(contact.id()).isNotNull();
                Contact one = first.putIfAbsent(contact.broadcastId(), contact);
                if (one != null) { // one message: one time, channel, sender and topic
                    assertThat(contact.at()).isEqualTo(one.at());
                    assertThat(contact.channel()).isEqualTo(one.channel());
                    assertThat(contact.schoolId()).isEqualTo(one.schoolId());
                    assertThat(contact.topic()).isEqualTo(one.topic());
                }
            } else {
                assertThat(contact.broadcastId()).as(contact.id()).isNull();
            }
        }
        assertThat(first).hasSizeBetween(40, 120);
        // Ids in time order.
        List<String> ids = new ArrayList<>(first.keySet());
        ids.sort(null);
        for (int i = 1; i < ids.size(); i++) {
            assertThat(first.get(ids.get(i)).at()).isAfterOrEqualTo(first.get(ids.get(i - 1)).at());
        }
    }

    @Test
    void personalContactsMostlyRecordATopicWithProgressTheMostCommon() {
        List<Contact> personal = sample.contacts().stream().filter(Contact::isPersonal).toList();
        Map<Topic, Integer> counts = new HashMap<>();
        int recorded = 0;
        for (Contact contact : personal) {
            if (contact.topic() != null) {
                recorded++;
                counts.merge(contact.topic(), 1, Integer::sum);
            }
        }

        assertThat(recorded / (double) personal.size()).isBetween(0.75, 0.95);
        assertThat(counts.keySet()).containsExactlyInAnyOrder(Topic.values());
        Topic mostCommon = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(mostCommon).isEqualTo(Topic.PROGRESS);
        assertThat(counts.get(Topic.PROGRESS) / (double) recorded).isBetween(0.25, 0.5);
    }

    @Test
    void deliveryStatusesFitTheirChannelsAndFiveToFifteenPercentFail() {
        List<Contact> outbound = sample.contacts().stream().filter(Contact::isOutbound).toList();
        Set<Delivery> seen = EnumSet.noneOf(Delivery.class);
        long undelivered = 0;
        long withStatus = 0;
        for (Contact contact : outbound) {
            undelivered += contact.delivered() ? 0 : 1;
            Delivery delivery = contact.delivery();
            if (delivery == null) {
                continue;
            }
            withStatus++;
            seen.add(delivery);
            assertThat(contact.delivered()).isEqualTo(delivery.reachedFamily());
            switch (delivery) {
                case UNANSWERED -> assertThat(contact.channel()).isEqualTo(Channel.PHONE);
                case BOUNCED -> assertThat(contact.channel()).isIn(Channel.EMAIL, Channel.LETTER);
                case BLOCKED -> assertThat(contact.channel()).isEqualTo(Channel.SMS);
                case OPENED -> assertThat(contact.channel()).isIn(Channel.EMAIL, Channel.APP);
                default -> assertThat(contact.channel()).isIn(Channel.SMS, Channel.PHONE, Channel.EMAIL, Channel.APP,
                        Channel.LETTER);
            }
        }

        assertThat(seen).containsExactlyInAnyOrder(Delivery.values());
        assertThat(undelivered / (double) outbound.size()).isBetween(0.05, 0.15);
        assertThat(withStatus / (double) outbound.size()).isBetween(0.7, 0.95);
        // Meetings and visits only happened or did not: no message status.
        assertThat(outbound).filteredOn(c -> c.channel() == Channel.IN_PERSON || c.channel() == Channel.HOME_VISIT)
                .isNotEmpty().allSatisfy(c -> assertThat(c.delivery()).isNull())
                .anyMatch(c -> !c.delivered());
    }

    @Test
    void toneLanguageAndDeliveryAreRecordedOnMostContactsAndDefaultsStandForTheRest() {
        List<Contact> twoWay = sample.contacts().stream().filter(c -> c.isDeliveredOutbound() && c.isTwoWay()).toList();
        List<Contact> outbound = sample.contacts().stream().filter(Contact::isOutbound).toList();

        assertThat(share(twoWay, c -> c.recorded().tone())).isBetween(0.65, 0.95);
        assertThat(share(outbound, c -> c.recorded().language())).isBetween(0.7, 0.95);
        assertThat(share(outbound, c -> c.recorded().delivery())).isBetween(0.7, 0.95);
        // A value the source did not record is the contract's default, never a hidden fact.
        assertThat(sample.contacts()).allSatisfy(c -> {
            if (!c.recorded().tone()) {
                assertThat(c.tone()).isEqualTo(Tone.NEUTRAL);
            }
            if (!c.recorded().language()) {
                assertThat(c.language()).isEqualTo("en");
            }
            if (!c.recorded().delivery()) {
                assertThat(c.delivered()).isTrue();
                assertThat(c.delivery()).isNull();
            }
        });
    }

    @Test
    void interpretationOfEveryKindOccursAStudentNowAndThen() {
        Map<Interpretation, Integer> counts = new HashMap<>();
        sample.contacts().forEach(c -> counts.merge(c.interpretation(), 1, Integer::sum));

        assertThat(counts.keySet()).containsExactlyInAnyOrder(Interpretation.values());
        int interpreted = sample.contacts().size() - counts.get(Interpretation.NONE);
        assertThat(counts.get(Interpretation.STUDENT) / (double) interpreted).as("a few").isBetween(0.01, 0.1);
        // A child interprets only for someone who does not read English: the family, or a second
        // household (an English-speaking family's father who reads Spanish).
        assertThat(sample.contacts()).filteredOn(c -> c.interpretation() == Interpretation.STUDENT)
                .allSatisfy(c -> {
                    Family family = sample.family(c.familyId()).orElseThrow();
                    Preference own = c.caregiverId() == null ? null : family.caregiver(c.caregiverId()).preference();
                    assertThat(!"en".equals(family.group("homeLanguage"))
                            || own != null && !own.languages().contains("en")).as(c.id()).isTrue();
                });
    }

    // ---- families and caregivers ----

    @Test
    void aboutOneFamilyInTenAsksForAnInterpreterAsEnglishLearnersDo() {
        long asking = sample.families().stream()
                .filter(f -> f.preference() != null && f.preference().interpreter()).count();

        // NCES: 10.4% of US public school students are English learners (fall 2019).
        assertThat(asking / 3000.0).isBetween(0.08, 0.14);
        assertThat(sample.families()).filteredOn(f -> f.preference() != null && f.preference().interpreter())
                .allSatisfy(f -> assertThat(f.group("homeLanguage")).isNotEqualTo("en"));
    }

    @Test
    void someSecondHouseholdsHaveTheirOwnPreferenceAndSomeReadAnotherLanguage() {
        List<Family> withOwn = sample.families().stream()
                .filter(f -> f.caregivers().stream().anyMatch(c -> c.preference() != null)).toList();
        List<Family> otherLanguage = withOwn.stream().filter(f -> {
            Preference own = f.caregivers().get(1).preference();
            return f.preference() != null && !f.preference().languages().isEmpty()
                    && !f.preference().languages().contains(own.firstLanguage());
        }).toList();

        assertThat(withOwn.size() / 3000.0).isBetween(0.03, 0.12);
        assertThat(otherLanguage).hasSizeBetween(15, 150);
        // ... and the school writes to them in a language they do not read.
        long notUnderstood = sample.contacts().stream().filter(c -> c.isDeliveredOutbound() && c.caregiverId() != null)
                .filter(c -> sample.family(c.familyId()).orElseThrow().caregiver(c.caregiverId()).preference() != null)
                .filter(c -> !rules.understood(c)).count();
        assertThat(notUnderstood).isGreaterThan(20);
    }

    @Test
    void aHandfulOfCaregiversMustNotBeContacted() {
        List<Caregiver> restricted = sample.families().stream().flatMap(f -> f.caregivers().stream())
                .filter(Caregiver::isNoContact).toList();

        assertThat(restricted).hasSizeBetween(3, 30)
                .allSatisfy(c -> assertThat(c.preference()).isNull());
        // Some are still contacted; others never are (the flag works there).
        Set<String> named = new HashSet<>();
        sample.contacts().forEach(c -> named.add(c.caregiverId()));
        sample.meetings().forEach(m -> named.add(m.caregiverId()));
        assertThat(restricted).anyMatch(c -> named.contains(c.id())).anyMatch(c -> !named.contains(c.id()));
    }

    // ---- meetings ----

    @Test
    void aFewHundredIepMeetingsForTheStudentsWithAnIep() {
        List<Meeting> iep = meetings(MeetingKind.IEP);
        Set<String> students = new HashSet<>();
        iep.forEach(m -> students.add(m.studentId()));
        long allStudents = sample.families().stream().mapToLong(f -> f.students().size()).sum();

        assertThat(iep).hasSizeBetween(250, 700);
        // 14.5% of students have an IEP; about half of them have their annual review in the fall.
        assertThat(students.size() / (double) allStudents).isBetween(0.05, 0.12);
        assertThat(iep).allSatisfy(m -> {
            assertThat(m.studentId()).isNotNull();
            assertThat(m.staffId()).isNotNull();
        });
    }

    @Test
    void iepInputIsRequestedMostlyAndOftenBackLateOrNeverAndDraftsAreSometimesLate() {
        List<Meeting> past = meetings(MeetingKind.IEP).stream()
                .filter(m -> !m.at().isAfter(exportedAt) && m.status() != MeetingStatus.CANCELLED).toList();
        double notRequested = share(past, m -> m.inputRequestedAt() == null);
        double lateOrMissing = share(past, m -> m.inputReceivedAt() == null
                || m.inputReceivedAt().isAfter(m.at().minus(RulesV2.INPUT_LEAD)));
        double draftLateOrMissing = share(past, m -> m.draftSharedAt() == null
                || m.draftSharedAt().isAfter(m.at().minus(RulesV2.DRAFT_LEAD)));

        assertThat(notRequested).isBetween(0.05, 0.25);
        assertThat(lateOrMissing).isBetween(0.2, 0.6);
        assertThat(draftLateOrMissing).isBetween(0.1, 0.4);
        assertThat(share(past, m -> m.noticeSentAt() != null && m.noticeSentAt().isBefore(m.at()))).isGreaterThan(0.9);
        assertThat(past).allSatisfy(m -> {
            if (m.inputReceivedAt() != null) {
                assertThat(m.inputReceivedAt()).isAfterOrEqualTo(m.inputRequestedAt());
            }
        });
    }

    @Test
    void meetingsBeforeTheExportHaveOutcomesAndLaterOnesAreScheduledWithNothingFromTheFuture() {
        List<Meeting> past = sample.meetings().stream().filter(m -> !m.at().isAfter(exportedAt)).toList();
        List<Meeting> upcoming = sample.meetings().stream().filter(m -> m.at().isAfter(exportedAt)).toList();

        assertThat(upcoming).isNotEmpty().allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(MeetingStatus.SCHEDULED);
            for (Instant recorded : new Instant[] {m.noticeSentAt(), m.inputRequestedAt(), m.inputReceivedAt(),
                m.draftSharedAt()}) {
                if (recorded != null) {
                    assertThat(recorded).isBeforeOrEqualTo(exportedAt);
                }
            }
        });
        assertThat(past).noneMatch(m -> m.status() == MeetingStatus.SCHEDULED);
        assertThat(share(past, m -> m.status() == null || m.status() == MeetingStatus.HELD)).isBetween(0.8, 0.95);
        assertThat(past).anyMatch(m -> m.status() == MeetingStatus.CANCELLED)
                .anyMatch(m -> m.status() == MeetingStatus.NO_SHOW)
                .anyMatch(m -> m.status() == null); // not marked: the contract's default stands in
    }

    @Test
    void mostFamiliesHaveAnEarlyConferenceSomeALateOneOfferedSeveralTimes() {
        LocalDate deadline = rules.earlyConferenceDeadline();
        List<Meeting> conferences = meetings(MeetingKind.CONFERENCE);
        List<Meeting> late = conferences.stream()
                .filter(m -> LocalDate.ofInstant(m.at(), SampleDistrict.TIME_ZONE).isAfter(deadline)).toList();
        long withEarly = 3000 - rules.earlyConferenceMissing().size();

        assertThat(deadline).isEqualTo(LocalDate.parse("2026-10-13"));
        assertThat(withEarly / 3000.0).as("most but not all families").isBetween(0.6, 0.85);
        assertThat(late.size() / (double) conferences.size()).isBetween(0.05, 0.25);
        assertThat(late).anyMatch(m -> m.offeredTimes().size() >= 2);
        assertThat(conferences).anyMatch(m -> m.offeredTimes().isEmpty());
    }

    @Test
    void interpretersAreProvidedAtMostMeetingsWhereTheyWereAskedFor() {
        List<Meeting> asked = sample.meetings().stream().filter(m -> {
            Preference preference = rules.effectivePreference(sample.family(m.familyId()).orElseThrow(),
                    m.caregiverId());
            return preference != null && preference.interpreter() && m.status() != MeetingStatus.CANCELLED;
        }).toList();

        assertThat(asked).hasSizeGreaterThan(100);
        assertThat(share(asked, m -> m.interpretation().isProfessional())).isBetween(0.6, 0.95);
        assertThat(asked).anyMatch(m -> m.interpretation() == Interpretation.STUDENT)
                .anyMatch(m -> m.interpretation() == Interpretation.NONE);
    }

    @Test
    void everyV2MeetingFieldOccurs() {
        assertThat(sample.meetings()).extracting(Meeting::kind)
                .contains(MeetingKind.IEP, MeetingKind.CONFERENCE, MeetingKind.TITLE_I_ANNUAL);
        assertThat(sample.meetings()).extracting(Meeting::status).contains(MeetingStatus.values()).contains((MeetingStatus) null);
        assertThat(sample.meetings())
                .anyMatch(m -> m.caregiverId() != null).anyMatch(m -> m.caregiverId() == null)
                .anyMatch(m -> !m.offeredTimes().isEmpty())
                .anyMatch(m -> m.noticeSentAt() != null)
                .anyMatch(m -> m.inputRequestedAt() != null && m.inputReceivedAt() != null)
                .anyMatch(m -> m.draftSharedAt() != null)
                .anyMatch(m -> m.interpretation() != Interpretation.NONE);
        // The Title I meeting is at a school, about no one student; the others are about a student.
        assertThat(meetings(MeetingKind.TITLE_I_ANNUAL)).isNotEmpty().allSatisfy(m -> {
            assertThat(m.studentId()).isNull();
            assertThat(m.schoolId()).isNotNull();
        });
        assertThat(sample.meetings()).filteredOn(m -> m.kind() != MeetingKind.TITLE_I_ANNUAL)
                .allSatisfy(m -> {
                    Family family = sample.family(m.familyId()).orElseThrow();
                    Student student = family.student(m.studentId());
                    assertThat(student).isNotNull();
                    assertThat(m.schoolId()).isNull(); // the student's school
                });
        assertThat(sample.contacts()).extracting(Contact::mode).contains(Mode.values());
    }

    private static List<Meeting> meetings(MeetingKind kind) {
        return sample.meetings().stream().filter(m -> m.kind() == kind).toList();
    }

    private static <T> double share(List<T> items, Predicate<T> which) {
        return items.stream().filter(which).count() / (double) items.size();
    }
}
