package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
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
import org.familyengagement.model.Tone;
import org.familyengagement.model.Topic;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract v2 (schemaVersion 2): every field read, every new problem at its exact pointer, round trips. */
class DatasetReaderV2Test {
    private static final String FULL = "dataset-v2-full.json";

    static byte[] resource(String name) {
        try (InputStream in = DatasetReaderV2Test.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Dataset full() {
        return DatasetReader.readString(new String(resource(FULL), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Single quotes become double ones. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /**
     * A valid version 2 document: the district lists schools sch-1 and sch-2; family f-1 has
     * student s-1 (at sch-1) and caregivers c-1 and c-2; f-2 has nothing. The placeholders take
     * more caregivers, contacts and meetings.
     */
    static String document(String moreCaregivers, String contacts, String meetings) {
        return json("""
                {
                  'schemaVersion': 2,
                  'district': {'id': 'd-1', 'timeZone': 'America/Chicago',
                               'schools': [{'id': 'sch-1', 'name': 'Lincoln'}, {'id': 'sch-2'}]},
                  'staff': [{'id': 't-1', 'role': 'TEACHER'}],
                  'families': [{'id': 'f-1', 'students': [{'id': 's-1', 'schoolId': 'sch-1'}],
                                'caregivers': [{'id': 'c-1'}, {'id': 'c-2'}%s]},
                               {'id': 'f-2'}],
                  'contacts': [%s],
                  'meetings': [%s]
                }""".formatted(moreCaregivers, contacts, meetings));
    }

    static String withContacts(String... contacts) {
        return document("", String.join(", ", contacts), "");
    }

    static String withMeetings(String... meetings) {
        return document("", "", String.join(", ", meetings));
    }

    /** An outbound phone call of f-1 at 2026-11-02T22:00:00Z, with more fields. */
    static String contact(String id, String extra) {
        return "{'id': '" + id + "', 'familyId': 'f-1', 'at': '2026-11-02T22:00:00Z', 'direction': 'OUTBOUND',"
                + " 'channel': 'PHONE'" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    /** A conference with f-1 on 2026-11-12, with more fields. */
    static String meeting(String id, String extra) {
        return "{'id': '" + id + "', 'familyId': 'f-1', 'kind': 'CONFERENCE', 'at': '2026-11-12T20:00:00Z'"
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    static List<Problem> problemsOf(String document) {
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.readString(document));
        assertThat(e).as("the document should be rejected").isNotNull();
        return e.problems();
    }

    @Nested
    class EveryFieldIsRead {
        @Test
        void theDistrictsSchoolYearAndSchools() {
            District district = full().district();

            assertThat(district.schoolYearStart()).isEqualTo(LocalDate.of(2026, 8, 17));
            assertThat(district.schools()).containsExactly(new School("sch-1", "Lincoln Elementary"),
                    new School("sch-2", "Roosevelt Middle"), new School("sch-3", null));
            assertThat(district.defaultLanguage()).isEqualTo("en-US");
        }

        @Test
        void aCaregiversOwnPreferenceAndRestriction() {
            Family family = full().family("f-1").orElseThrow();

            Caregiver mother = family.caregiver("c-1");
            assertThat(mother.relationship()).isEqualTo("MOTHER");
            assertThat(mother.restriction()).isEqualTo(Restriction.NONE);
            assertThat(mother.preference()).isEqualTo(Preference.builder().languages("so")
                    .channels(Channel.PHONE, Channel.SMS).addReachable(new ReachableWindow(
                            Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), LocalTime.of(17, 30), LocalTime.of(20, 0)))
                    .interpreter(true).build());
            assertThat(family.caregiver("c-2").restriction()).isEqualTo(Restriction.NO_CONTACT);
            assertThat(family.caregiver("c-2").preference()).isNull();
            assertThat(family.preferenceFor("c-1").languages()).containsExactly("so");
            assertThat(family.preferenceFor("c-2").languages()).as("the family's").containsExactly("en");
        }

        @Test
        void aContactsCaregiverSchoolBroadcastTopicInterpretationAndDelivery() {
            Dataset dataset = full();

            Contact k1 = dataset.contact("k-1").orElseThrow();
            assertThat(k1).isEqualTo(Contact.builder("k-1", "f-1", Instant.parse("2026-11-02T22:00:00Z"),
                            Direction.OUTBOUND, Channel.PHONE).studentId("s-1").staffId("t-2").caregiverId("c-1")
                    .schoolId("sch-1").tone(Tone.POSITIVE).topic(Topic.PROGRESS).language("so")
                    .interpretation(Interpretation.BILINGUAL_STAFF).delivery(Delivery.UNANSWERED).build());
            assertThat(k1.delivered()).as("an unanswered call did not reach the family").isFalse();
            assertThat(k1.recorded()).isEqualTo(Contact.Recorded.ALL);

            Contact k3 = dataset.contact("k-3").orElseThrow();
            assertThat(k3.broadcastId()).isEqualTo("b-7");
            assertThat(k3.mode()).isEqualTo(Mode.BROADCAST);
            assertThat(k3.delivery()).isEqualTo(Delivery.OPENED);
            assertThat(k3.delivered()).isTrue();
            assertThat(k3.interpretation()).isEqualTo(Interpretation.MACHINE);
            assertThat(k3.recorded()).as("tone and language defaulted, delivery given")
                    .isEqualTo(Contact.Recorded.of(false, false, true));

            Contact k4 = dataset.contact("k-4").orElseThrow();
            assertThat(k4.broadcastId()).as("a reciprocal thread").isEqualTo("b-8");
            assertThat(k4.delivery()).isNull();
            assertThat(k4.delivered()).isFalse();
            assertThat(k4.recorded().delivery()).isTrue();

            assertThat(dataset.contact("k-2").orElseThrow().topic()).isEqualTo(Topic.ATTENDANCE);
            assertThat(dataset.contact("k-5").orElseThrow().interpretation()).isEqualTo(Interpretation.FAMILY_ADULT);
            assertThat(dataset.contact("k-6").orElseThrow().interpretation()).isEqualTo(Interpretation.STUDENT);
        }

        @Test
        void aRecordedDefaultIsKeptAsRecorded() {
            Contact k5 = full().contact("k-5").orElseThrow();
            Contact k6 = full().contact("k-6").orElseThrow();

            assertThat(k5.tone()).isEqualTo(Tone.NEUTRAL);
            assertThat(k5.language()).isEqualTo("en-US");
            assertThat(k5.recorded()).as("tone and language given with their default values")
                    .isEqualTo(Contact.Recorded.of(true, true, false));
            assertThat(k6.recorded()).as("delivered: true given, delivery: null is not")
                    .isEqualTo(Contact.Recorded.of(false, false, true));
        }

        @Test
        void everyFieldOfAMeeting() {
            Meeting iep = full().meeting("mt-1").orElseThrow();

            assertThat(iep).isEqualTo(Meeting.builder("mt-1", "f-1", MeetingKind.IEP,
                            Instant.parse("2026-11-12T20:00:00Z")).studentId("s-1").caregiverId("c-1").staffId("t-1")
                    .schoolId("sch-1").status(MeetingStatus.HELD)
                    .offeredTimes(List.of(Instant.parse("2026-11-10T14:00:00Z"), Instant.parse("2026-11-11T21:30:00Z")))
                    .interpretation(Interpretation.QUALIFIED).noticeSentAt(Instant.parse("2026-10-29T15:00:00Z"))
                    .inputRequestedAt(Instant.parse("2026-10-29T15:00:00Z"))
                    .inputReceivedAt(Instant.parse("2026-11-05T02:10:00Z"))
                    .draftSharedAt(Instant.parse("2026-11-09T18:00:00Z")).build());
        }

        @Test
        void aMeetingWithOnlyItsRequiredFieldsTakesTheDefaults() {
            Dataset dataset = full();
            Meeting conference = dataset.meeting("mt-2").orElseThrow();

            assertThat(conference.status()).as("not recorded").isNull();
            assertThat(conference.statusAsOf(Instant.parse("2026-11-20T00:00:00Z"))).isEqualTo(MeetingStatus.HELD);
            assertThat(conference.statusAsOf(Instant.parse("2026-11-01T00:00:00Z"))).isEqualTo(MeetingStatus.SCHEDULED);
            assertThat(conference.offeredTimes()).isEmpty();
            assertThat(conference.interpretation()).isEqualTo(Interpretation.NONE);
            assertThat(conference.noticeSentAt()).isNull();
            assertThat(dataset.meetingsOf("f-2")).extracting(Meeting::id).containsExactly("mt-3", "mt-2");
            assertThat(dataset.meeting("mt-4").orElseThrow().status()).isEqualTo(MeetingStatus.CANCELLED);
        }

        @Test
        void aSchoolIdDefaultsFromTheStudent() {
            Dataset dataset = full();

            assertThat(dataset.schoolIdOf(dataset.contact("k-2").orElseThrow())).as("s-1's school").isEqualTo("sch-1");
            assertThat(dataset.schoolIdOf(dataset.contact("k-3").orElseThrow())).as("its own").isEqualTo("sch-2");
            assertThat(dataset.schoolIdOf(dataset.contact("k-6").orElseThrow())).as("no student").isNull();
            assertThat(dataset.schoolIdOf(dataset.meeting("mt-3").orElseThrow())).isEqualTo("sch-3");
            assertThat(dataset.schoolIdOf(dataset.meeting("mt-4").orElseThrow())).isEqualTo("sch-2");
        }

        @Test
        void nullMeansNotRecordedWhereTheContractSaysNullable() {
            Dataset dataset = DatasetReader.readString(document(
                    ", {'id': 'c-3', 'preference': null}",
                    contact("k-1", "'caregiverId': null, 'schoolId': null, 'broadcastId': null, 'topic': null,"
                            + " 'delivery': null"),
                    meeting("mt-1", "'studentId': null, 'caregiverId': null, 'staffId': null, 'schoolId': null,"
                            + " 'status': null, 'noticeSentAt': null, 'inputRequestedAt': null,"
                            + " 'inputReceivedAt': null, 'draftSharedAt': null"))
                    .replace("\"timeZone\"", "\"schoolYearStart\": null, \"timeZone\""));

            Contact contact = dataset.contact("k-1").orElseThrow();
            assertThat(contact.topic()).isNull();
            assertThat(contact.delivery()).isNull();
            assertThat(contact.recorded().delivery()).isFalse();
            assertThat(dataset.meeting("mt-1").orElseThrow().status()).isNull();
            assertThat(dataset.district().schoolYearStart()).isNull();
        }
    }

    @Nested
    class RoundTrips {
        @Test
        void aVersionTwoDocumentWithEveryFieldRoundTripsByteForByte() {
            byte[] document = resource(FULL);

            byte[] written = DatasetWriter.pretty().toBytes(DatasetReader.readString(
                    new String(document, java.nio.charset.StandardCharsets.UTF_8)));

            assertThat(new String(written, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(document, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(written).isEqualTo(document);
        }

        @Test
        void theEveryFieldDocumentUsesEveryFieldOfVersionTwo() {
            String document = new String(resource(FULL), java.nio.charset.StandardCharsets.UTF_8);

            for (String field : List.of("schoolYearStart", "schools", "restriction", "caregiverId", "schoolId",
                    "broadcastId", "topic", "interpretation", "delivery", "meetings", "kind", "status", "offeredTimes",
                    "noticeSentAt", "inputRequestedAt", "inputReceivedAt", "draftSharedAt")) {
                assertThat(document).as("the every-field document").contains("\"" + field + "\":");
            }
            assertThat(document).contains("\"preference\": {\n            \"languages\"")
                    .as("a caregiver's preference, nested deeper than a family's");
            for (Enum<?> value : List.<Enum<?>>of(MeetingKind.IEP, MeetingKind.CONFERENCE, MeetingKind.TITLE_I_ANNUAL,
                    MeetingKind.OTHER, MeetingStatus.HELD, MeetingStatus.CANCELLED, MeetingStatus.NO_SHOW,
                    Interpretation.QUALIFIED, Interpretation.BILINGUAL_STAFF, Interpretation.MACHINE,
                    Interpretation.FAMILY_ADULT, Interpretation.STUDENT, Restriction.NO_CONTACT)) {
                assertThat(document).contains("\"" + value.name() + "\"");
            }
        }

        @Test
        void everyWriterReadsBackToAnEqualDataset() {
            Dataset dataset = full();

            for (DatasetWriter writer : List.of(DatasetWriter.compact(), DatasetWriter.pretty(),
                    DatasetWriter.compact().includingDefaults())) {
                Dataset back = DatasetReader.readString(writer.toJson(dataset));

                assertThat(back.district()).isEqualTo(dataset.district());
                assertThat(back.families()).isEqualTo(dataset.families());
                assertThat(back.meetings()).isEqualTo(dataset.meetings());
                assertThat(back.commitments()).isEqualTo(dataset.commitments());
                if (writer == DatasetWriter.compact() || writer == DatasetWriter.pretty()) {
                    assertThat(back.contacts()).isEqualTo(dataset.contacts());
                } else {
                    assertThat(back.contacts()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("recorded")
                            .isEqualTo(dataset.contacts());
                }
            }
        }

        @Test
        void aVersionOneDocumentWritesAsVersionTwoAndReadsBackEqual() throws IOException {
            Dataset v1;
            try (InputStream in = getClass().getResourceAsStream("dataset-full.json")) {
                v1 = DatasetReader.read(in);
            }

            String written = DatasetWriter.pretty().toJson(v1);
            Dataset back = DatasetReader.readString(written);

            assertThat(written).startsWith("{\n  \"schemaVersion\": 2,").doesNotContain("\"interpreted\"")
                    .contains("\"interpretation\": \"QUALIFIED\"");
            assertThat(back.district()).isEqualTo(v1.district());
            assertThat(back.staff()).isEqualTo(v1.staff());
            assertThat(back.families()).isEqualTo(v1.families());
            assertThat(back.contacts()).as("recorded flags included").isEqualTo(v1.contacts());
            assertThat(back.commitments()).isEqualTo(v1.commitments());
            assertThat(back.meetings()).isEmpty();
        }

        @Test
        void includingDefaultsWritesEveryVersionTwoField() {
            String json = DatasetWriter.compact().includingDefaults().toJson(full());

            assertThat(json)
                    .contains("{\"id\":\"c-2\",\"relationship\":\"FATHER\",\"preference\":null,\"restriction\":\"NO_CONTACT\"}")
                    .contains("{\"id\":\"mt-2\",\"familyId\":\"f-2\",\"studentId\":null,\"caregiverId\":null,"
                            + "\"staffId\":null,\"schoolId\":null,\"kind\":\"CONFERENCE\",\"at\":\"2026-11-19T22:30:00Z\","
                            + "\"status\":null,\"offeredTimes\":[],\"interpretation\":\"NONE\",\"noticeSentAt\":null,"
                            + "\"inputRequestedAt\":null,\"inputReceivedAt\":null,\"draftSharedAt\":null}")
                    .contains("\"interpretation\":\"BILINGUAL_STAFF\",\"delivery\":\"UNANSWERED\",\"awaitsReply\":false")
                    .as("delivered is left out beside a delivery status: a reader refuses the two together")
                    .doesNotContain("\"delivery\":\"UNANSWERED\",\"delivered\"")
                    .contains("\"delivery\":null,\"delivered\":false");
        }
    }

    @Nested
    class NewProblems {
        @Test
        void anUnknownSchoolOnAContactAMeetingOrAStudent() {
            String document = document("", contact("k-1", "'schoolId': 'sch-9'"), meeting("mt-1", "'schoolId': 'sch-8'"))
                    .replace("'schoolId': 'sch-1'".replace('\'', '"'), "\"schoolId\": \"sch-7\"");

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/families/0/students/0/schoolId", "no school \"sch-7\" among the district's schools"),
                    new Problem("/contacts/0/schoolId", "no school \"sch-9\" among the district's schools"),
                    new Problem("/meetings/0/schoolId", "no school \"sch-8\" among the district's schools"));
        }

        @Test
        void schoolIdsAreNotCheckedWhenTheDistrictListsNoSchools() {
            String document = document("", contact("k-1", "'schoolId': 'sch-9'"), meeting("mt-1", "'schoolId': 'sch-8'"))
                    .replace(",\n               'schools': [{'id': 'sch-1', 'name': 'Lincoln'}, {'id': 'sch-2'}]"
                            .replace('\'', '"'), "");

            assertThat(DatasetReader.readString(document).district().schools()).isEmpty();
        }

        @Test
        void aCaregiverThatIsNotTheFamilys() {
            String document = document("", contact("k-1", "'caregiverId': 'c-9'"), meeting("mt-1", "'caregiverId': 'c-8'"));

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/contacts/0/caregiverId", "family \"f-1\" has no caregiver \"c-9\""),
                    new Problem("/meetings/0/caregiverId", "family \"f-1\" has no caregiver \"c-8\""));
        }

        @Test
        void aBroadcastIdOnAPersonalContact() {
            String document = withContacts(contact("k-1", "'broadcastId': 'b-1'"),
                    contact("k-2", "'mode': 'PERSONAL', 'broadcastId': 'b-1'"),
                    contact("k-3", "'mode': 'BROADCAST', 'broadcastId': 'b-1'"),
                    contact("k-4", "'mode': 'RECIPROCAL', 'broadcastId': 'b-1'"));

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/contacts/0/broadcastId", "broadcastId \"b-1\" is only for BROADCAST or RECIPROCAL"
                            + " contacts, and this contact is PERSONAL"),
                    new Problem("/contacts/1/broadcastId", "broadcastId \"b-1\" is only for BROADCAST or RECIPROCAL"
                            + " contacts, and this contact is PERSONAL"));
        }

        @Test
        void aBroadcastIdBesideAnUnreadableModeIsNotReportedTwice() {
            String document = withContacts(contact("k-1", "'mode': 'MASS', 'broadcastId': 'b-1'"));

            assertThat(problemsOf(document)).extracting(Problem::pointer).containsExactly("/contacts/0/mode");
        }

        @Test
        void bothInterpretedAndInterpretation() {
            String document = withContacts(contact("k-1", "'interpreted': true, 'interpretation': 'QUALIFIED'"),
                    contact("k-2", "'interpretation': 'NONE', 'interpreted': false"));

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/contacts/0/interpreted", "both interpreted and interpretation are given; give"
                            + " interpretation alone (interpreted is how version 1 said QUALIFIED or NONE)"),
                    new Problem("/contacts/1/interpreted", "both interpreted and interpretation are given; give"
                            + " interpretation alone (interpreted is how version 1 said QUALIFIED or NONE)"));
        }

        @Test
        void bothDeliveredAndDelivery() {
            String document = withContacts(contact("k-1", "'delivered': false, 'delivery': 'BOUNCED'"),
                    contact("k-2", "'delivered': true, 'delivery': null"));

            assertThat(problemsOf(document)).containsExactly(new Problem("/contacts/0/delivered",
                    "both delivered and delivery are given; give delivery alone (delivered follows from it)"));
        }

        @Test
        void inputReceivedBeforeItWasRequested() {
            String document = withMeetings(meeting("mt-1", "'inputRequestedAt': '2026-11-05T00:00:00Z',"
                    + " 'inputReceivedAt': '2026-11-04T00:00:00Z'"), meeting("mt-2", "'inputRequestedAt':"
                    + " '2026-11-05T00:00:00Z', 'inputReceivedAt': '2026-11-05T00:00:00Z'"));

            assertThat(problemsOf(document)).containsExactly(new Problem("/meetings/0/inputReceivedAt",
                    "the inputReceivedAt (2026-11-04T00:00:00Z) of meeting \"mt-1\" is before its inputRequestedAt"
                            + " (2026-11-05T00:00:00Z); maybe the two fields are swapped?"));
        }

        @Test
        void aDuplicateCaregiverWithinAFamily() {
            String document = document(", {'id': 'c-1', 'relationship': 'AUNT'}", "", "");

            assertThat(problemsOf(document)).containsExactly(new Problem("/families/0/caregivers/2/id",
                    "duplicate caregiver id \"c-1\" in this family (first at /families/0/caregivers/0)"));
        }

        @Test
        void theSameCaregiverIdInTwoFamiliesIsNoDuplicate() {
            String document = document("", "", "").replace("{\"id\": \"f-2\"}",
                    "{\"id\": \"f-2\", \"caregivers\": [{\"id\": \"c-1\"}]}");

            assertThat(DatasetReader.readString(document).family("f-2").orElseThrow().caregivers()).hasSize(1);
        }

        @Test
        void aDuplicateCaregiverIsPointedAtInDocumentPositionsAfterAnUnreadableOne() {
            String document = document("", "", "").replace("[{\"id\": \"c-1\"}, {\"id\": \"c-2\"}]",
                    json("[{'relationship': 'AUNT'}, {'id': 'c-1'}, {'id': 'c-1'},"
                            + " {'id': 'c-2', 'preference': {'languages': ['so', 'e s']}}]"));

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/families/0/caregivers/0", "missing required field \"id\""),
                    new Problem("/families/0/caregivers/2/id",
                            "duplicate caregiver id \"c-1\" in this family (first at /families/0/caregivers/1)"),
                    new Problem("/families/0/caregivers/3/preference/languages/1",
                            "(3 characters, not shown) is not a well-formed BCP 47 language tag"));
        }

        @Test
        void aDuplicateMeetingAndADuplicateSchool() {
            String document = withMeetings(meeting("mt-1", ""), meeting("mt-1", ""))
                    .replace("{\"id\": \"sch-2\"}", "{\"id\": \"sch-2\"}, {\"id\": \"sch-1\"}");

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/district/schools/2/id", "duplicate school id \"sch-1\" (first at /district/schools/0)"),
                    new Problem("/meetings/1/id", "duplicate meeting id \"mt-1\" (first at /meetings/0)"));
        }

        @Test
        void aMeetingsReferencesAreChecked() {
            String document = withMeetings(meeting("mt-1", "'studentId': 's-9', 'staffId': 't-9'")
                    .replace("'familyId': 'f-1'", "'familyId': 'f-1'"), meeting("mt-2", "").replace("f-1", "f-9"));

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/meetings/0/staffId", "no staff \"t-9\""),
                    new Problem("/meetings/0/studentId", "family \"f-1\" has no student \"s-9\""),
                    new Problem("/meetings/1/familyId", "no family \"f-9\""));
        }

        @Test
        void aMeetingMissesItsRequiredFields() {
            String document = withMeetings("{'id': 'mt-1'}".replace('\'', '"'));

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/meetings/0", "missing required field \"familyId\""),
                    new Problem("/meetings/0", "missing required field \"kind\""),
                    new Problem("/meetings/0", "missing required field \"at\""));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                contact topic          | /contacts/0/topic          | unknown topic "GRADES"; allowed: PROGRESS, LEARNING, ATTENDANCE, BEHAVIOR, HEALTH, EVENT, MEETING, ADMINISTRATIVE, OTHER
                contact interpretation | /contacts/0/interpretation | unknown interpretation "GRADES"; allowed: NONE, QUALIFIED, BILINGUAL_STAFF, MACHINE, FAMILY_ADULT, STUDENT
                contact delivery       | /contacts/0/delivery       | unknown delivery "GRADES"; allowed: SENT, DELIVERED, OPENED, FAILED, BOUNCED, BLOCKED, UNANSWERED
                caregiver restriction  | /families/0/caregivers/2/restriction | unknown restriction "GRADES"; allowed: NONE, NO_CONTACT
                meeting kind           | /meetings/0/kind           | unknown meeting kind "GRADES"; allowed: IEP, CONFERENCE, TITLE_I_ANNUAL, OTHER
                meeting status         | /meetings/0/status         | unknown meeting status "GRADES"; allowed: SCHEDULED, HELD, CANCELLED, NO_SHOW
                """)
        void anUnknownValueOfAVersionTwoEnum(String where, String pointer, String message) {
            String field = pointer.substring(pointer.lastIndexOf('/') + 1);
            String document = switch (where) {
                case "caregiver restriction" -> document(", {'id': 'c-3', 'restriction': 'GRADES'}", "", "");
                case "meeting kind" -> withMeetings(meeting("mt-1", "").replace("CONFERENCE", "GRADES"));
                case "meeting status" -> withMeetings(meeting("mt-1", "'status': 'GRADES'"));
                default -> withContacts(contact("k-1", "'" + field + "': 'GRADES'"));
            };

            assertThat(problemsOf(document)).containsExactly(new Problem(pointer, message));
        }

        @Test
        void nullIsRefusedWhereAVersionTwoFieldHasADefault() {
            String document = document(", {'id': 'c-3', 'restriction': null}",
                    contact("k-1", "'interpretation': null"), meeting("mt-1", "'offeredTimes': null"));

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/families/0/caregivers/2/restriction", "expected a string, found null"),
                    new Problem("/contacts/0/interpretation", "expected a string, found null"),
                    new Problem("/meetings/0/offeredTimes", "expected an array, found null"));
        }
    }

    @Nested
    class VersionTwoFieldsInAVersionOneDocument {
        /** A version 1 document: no schools, no meetings. */
        private String versionOne(String contacts) {
            return json("""
                    {
                      'schemaVersion': 1,
                      'district': {'id': 'd-1', 'timeZone': 'America/Chicago'},
                      'families': [{'id': 'f-1', 'caregivers': [{'id': 'c-1'}]}],
                      'contacts': [%s]
                    }""".formatted(contacts));
        }

        @Test
        void eachIsNamedAndSaidToNeedVersionTwo() {
            String document = versionOne(contact("k-1", "'caregiverId': 'c-1', 'schoolId': 'sch-1', 'broadcastId': 'b-1',"
                    + " 'mode': 'BROADCAST', 'topic': 'EVENT', 'interpretation': 'MACHINE', 'delivery': 'OPENED'"))
                    .replace("\"timeZone\": \"America/Chicago\"", "\"timeZone\": \"America/Chicago\","
                            + " \"schoolYearStart\": \"2026-08-17\", \"schools\": []")
                    .replace("{\"id\": \"c-1\"}", "{\"id\": \"c-1\", \"preference\": null, \"restriction\": \"NONE\"}")
                    .replace("\n}", ",\n  \"meetings\": []\n}");

            assertThat(problemsOf(document)).extracting(Problem::toString).containsExactly(
                    "/district/schoolYearStart: field \"schoolYearStart\" needs schemaVersion 2; this document says"
                            + " schemaVersion 1",
                    "/district/schools: field \"schools\" needs schemaVersion 2; this document says schemaVersion 1",
                    "/families/0/caregivers/0/preference: field \"preference\" needs schemaVersion 2; this document"
                            + " says schemaVersion 1",
                    "/families/0/caregivers/0/restriction: field \"restriction\" needs schemaVersion 2; this"
                            + " document says schemaVersion 1",
                    "/contacts/0/broadcastId: field \"broadcastId\" needs schemaVersion 2; this document says"
                            + " schemaVersion 1",
                    "/contacts/0/caregiverId: field \"caregiverId\" needs schemaVersion 2; this document says"
                            + " schemaVersion 1",
                    "/contacts/0/delivery: field \"delivery\" needs schemaVersion 2; this document says"
                            + " schemaVersion 1",
                    "/contacts/0/interpretation: field \"interpretation\" needs schemaVersion 2; this document says"
                            + " schemaVersion 1",
                    "/contacts/0/schoolId: field \"schoolId\" needs schemaVersion 2; this document says"
                            + " schemaVersion 1",
                    "/contacts/0/topic: field \"topic\" needs schemaVersion 2; this document says schemaVersion 1",
                    "/meetings: field \"meetings\" needs schemaVersion 2; this document says schemaVersion 1");
        }

        @Test
        void aSchemaVersionThatComesLastStillMakesThemProblems() {
            String document = json("""
                    {'district': {'id': 'd-1', 'timeZone': 'UTC'},
                     'families': [{'id': 'f-1'}],
                     'contacts': [{'id': 'k-1', 'familyId': 'f-1', 'at': '2026-11-02T22:00:00Z',
                                   'direction': 'OUTBOUND', 'channel': 'SMS', 'topic': 'EVENT'}],
                     'schemaVersion': 1}""");

            assertThat(problemsOf(document)).containsExactly(new Problem("/contacts/0/topic",
                    "field \"topic\" needs schemaVersion 2; this document says schemaVersion 1"));
            assertThat(DatasetReader.readString(document.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"))
                    .contact("k-1").orElseThrow().topic()).isEqualTo(Topic.EVENT);
        }

        @Test
        void withoutAUsableVersionOnlyTheVersionIsReported() {
            String document = json("{'schemaVersion': 'one', 'district': {'id': 'd-1', 'timeZone': 'UTC'}, 'meetings': []}");

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/schemaVersion", "expected an integer, found the string \"one\""));
        }

        @Test
        void versionOnesInterpretedReadsAsQualified() {
            Dataset dataset = DatasetReader.readString(versionOne(contact("k-1", "'interpreted': true") + ", "
                    + contact("k-2", "'interpreted': false") + ", " + contact("k-3", "")));

            assertThat(dataset.contacts()).extracting(Contact::interpretation)
                    .containsExactly(Interpretation.QUALIFIED, Interpretation.NONE, Interpretation.NONE);
        }

        @Test
        void anUnknownFieldOfAVersionOneDocumentListsVersionOnesFields() {
            List<Problem> v1 = problemsOf(versionOne(contact("k-1", "'remarks': 'x'")));
            List<Problem> v2 = problemsOf(withContacts(contact("k-1", "'remarks': 'x'")));

            assertThat(v1).containsExactly(new Problem("/contacts/0/remarks", "unknown field \"remarks\"; known"
                    + " fields: id, familyId, studentId, staffId, at, direction, channel, mode, tone, language,"
                    + " interpreted, delivered, awaitsReply, replyTo"));
            assertThat(v2).containsExactly(new Problem("/contacts/0/remarks", "unknown field \"remarks\"; known"
                    + " fields: id, familyId, studentId, staffId, at, direction, channel, mode, tone, language,"
                    + " interpreted, delivered, awaitsReply, replyTo, caregiverId, schoolId, broadcastId, topic,"
                    + " interpretation, delivery"));
        }
    }
}
