package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;
import org.familyengagement.model.Channel;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Direction;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Interpretation;
import org.familyengagement.model.Mode;
import org.familyengagement.model.ReachableWindow;
import org.familyengagement.model.StaffRole;
import org.familyengagement.model.Student;
import org.familyengagement.model.Tone;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {

    /** A valid document around the given contacts and commitments (single quotes become double). */
    private static String document(String contacts, String commitments) {
        return json("""
                {
                  'schemaVersion': 1,
                  'district': {'id': 'd-1', 'timeZone': 'America/Chicago'},
                  'staff': [{'id': 't-1', 'role': 'TEACHER'}],
                  'families': [{'id': 'f-1', 'students': [{'id': 's-1'}]}, {'id': 'f-2'}],
                  'contacts': [%s],
                  'commitments': [%s]
                }""".formatted(contacts, commitments));
    }

    private static String withContacts(String... contacts) {
        return document(String.join(",\n", contacts), "");
    }

    /** A valid outbound contact with extra fields appended. */
    private static String contact(String id, String extra) {
        return "{'id': '" + id + "', 'familyId': 'f-1', 'at': '2026-11-02T22:00:00Z', 'direction': 'OUTBOUND',"
                + " 'channel': 'PHONE'" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static List<Problem> problemsOf(String document) {
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.readString(document));
        assertThat(e).as("the document should be rejected").isNotNull();
        return e.problems();
    }

    private static Problem onlyProblem(String document) {
        List<Problem> problems = problemsOf(document);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Nested
    class HappyPath {
        private Dataset read() throws IOException {
            try (InputStream in = DatasetReaderTest.class.getResourceAsStream("dataset-full.json")) {
                return DatasetReader.read(in);
            }
        }

        @Test
        void readsTheDistrictAndAppliesItsDefaults() throws IOException {
            District district = read().district();

            assertThat(district.id()).isEqualTo("d-1");
            assertThat(district.name()).isEqualTo("Sample Unified");
            assertThat(district.timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
            assertThat(district.defaultLanguage()).isEqualTo("en");
            assertThat(district.weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(district.holidays()).containsExactly(LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 26));
        }

        @Test
        void readsStaffWithRoleDefaultingToOther() throws IOException {
            Dataset dataset = read();

            assertThat(dataset.staffMember("t-1")).hasValueSatisfying(t -> {
                assertThat(t.role()).isEqualTo(StaffRole.TEACHER);
                assertThat(t.languages()).containsExactly("en", "es");
            });
            assertThat(dataset.staffMember("t-2")).hasValueSatisfying(t -> {
                assertThat(t.role()).isEqualTo(StaffRole.OTHER);
                assertThat(t.languages()).isEmpty();
            });
        }

        @Test
        void readsFamiliesWithEverySection() throws IOException {
            Family family = read().family("f-1").orElseThrow();

            assertThat(family.students()).containsExactly(new Student("s-1", "3", "sch-1"));
            assertThat(family.caregivers()).singleElement().satisfies(c -> {
                assertThat(c.id()).isEqualTo("c-1");
                assertThat(c.relationship()).isEqualTo("MOTHER");
            });
            assertThat(family.preference().languages()).containsExactly("es-MX", "en");
            assertThat(family.preference().channels()).containsExactly(Channel.SMS, Channel.PHONE);
            assertThat(family.preference().optOut()).containsExactly(Channel.EMAIL);
            assertThat(family.preference().reachable()).containsExactly(new ReachableWindow(
                    Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), LocalTime.of(17, 0), LocalTime.of(20, 0)));
            assertThat(family.preference().interpreter()).isTrue();
            assertThat(family.groups()).isEqualTo(Map.of("homeLanguage", "es", "housing", "stable", "income", "low"));
        }

        @Test
        void aFamilyWithNoPreferenceOrGroupsHasNoneRecorded() throws IOException {
            Family family = read().family("f-2").orElseThrow();

            assertThat(family.preference()).isNull();
            assertThat(family.students()).isEmpty();
            assertThat(family.caregivers()).isEmpty();
            assertThat(family.groups()).isEmpty();
        }

        @Test
        void readsAFullyStatedContactAsWritten() throws IOException {
            Contact k1 = read().contact("k-1").orElseThrow();

            assertThat(k1).isEqualTo(Contact.builder("k-1", "f-1", Instant.parse("2026-11-02T22:00:00Z"),
                    Direction.OUTBOUND, Channel.PHONE).studentId("s-1").staffId("t-1").mode(Mode.PERSONAL)
                    .tone(Tone.POSITIVE).language("es").delivered(true).awaitsReply(false).build());
            assertThat(k1.recorded()).isEqualTo(Contact.Recorded.ALL);
        }

        @Test
        void appliesTheContractDefaultsToAMinimalInboundContact() throws IOException {
            Contact k2 = read().contact("k-2").orElseThrow();

            assertThat(k2.at()).isEqualTo(Instant.parse("2026-11-03T16:15:30.250Z"));
            assertThat(k2.mode()).isEqualTo(Mode.PERSONAL);
            assertThat(k2.tone()).isEqualTo(Tone.NEUTRAL);
            assertThat(k2.language()).isEqualTo("en");
            assertThat(k2.interpretation()).isEqualTo(Interpretation.NONE);
            assertThat(k2.recorded()).as("nothing but the defaults").isEqualTo(Contact.Recorded.of(false, false, false));
            assertThat(k2.delivered()).isTrue();
            assertThat(k2.awaitsReply()).isTrue();
            assertThat(k2.studentId()).isNull();
            assertThat(k2.staffId()).isNull();
            assertThat(k2.replyTo()).isNull();
        }

        @Test
        void keepsStatedValuesOverDefaults() throws IOException {
            Dataset dataset = read();
            Contact k3 = dataset.contact("k-3").orElseThrow();
            Contact k4 = dataset.contact("k-4").orElseThrow();

            assertThat(k3.mode()).isEqualTo(Mode.BROADCAST);
            assertThat(k3.tone()).isEqualTo(Tone.CONCERN);
            assertThat(k3.interpretation()).as("v1's interpreted: true").isEqualTo(Interpretation.QUALIFIED);
            assertThat(k3.delivered()).isFalse();
            assertThat(k3.awaitsReply()).as("ignored for OUTBOUND").isFalse();
            assertThat(k3.replyTo()).isEqualTo("k-2");
            assertThat(k4.awaitsReply()).isFalse();
            assertThat(k4.at()).isEqualTo(Instant.parse("2026-11-04T03:30:00Z"));
        }

        @Test
        void readsCommitments() throws IOException {
            Dataset dataset = read();

            assertThat(dataset.commitment("m-1")).hasValueSatisfying(m -> {
                assertThat(m.staffId()).isEqualTo("t-1");
                assertThat(m.dueBy()).isEqualTo(Instant.parse("2026-11-06T23:00:00Z"));
                assertThat(m.fulfilledBy()).isEqualTo("k-3");
            });
            assertThat(dataset.commitment("m-2")).hasValueSatisfying(m -> {
                assertThat(m.staffId()).isNull();
                assertThat(m.fulfilledBy()).isNull();
            });
            assertThat(dataset.contactsOf("f-1")).extracting(Contact::id).containsExactly("k-1", "k-2", "k-3");
        }

        @Test
        void everyEntryPointReadsTheSameDataset(@TempDir Path dir) throws IOException {
            String text;
            try (InputStream in = DatasetReaderTest.class.getResourceAsStream("dataset-full.json")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path file = Files.writeString(dir.resolve("dataset.json"), text);

            List<Dataset> datasets = List.of(DatasetReader.readString(text), DatasetReader.read(file),
                    DatasetReader.read(new StringReader(text)),
                    DatasetReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));

            assertThat(datasets).allSatisfy(d -> {
                assertThat(d.contacts()).isEqualTo(datasets.get(0).contacts());
                assertThat(d.families()).isEqualTo(datasets.get(0).families());
                assertThat(d.commitments()).isEqualTo(datasets.get(0).commitments());
            });
        }

        @Test
        void aDistrictAfterTheContactsStillGivesThemItsDefaultLanguage() {
            String document = json("""
                    {'contacts': [{'id': 'k-1', 'familyId': 'f-1', 'at': '2026-11-02T22:00:00Z',
                                   'direction': 'INBOUND', 'channel': 'SMS'}],
                     'families': [{'id': 'f-1'}],
                     'district': {'id': 'd-1', 'timeZone': 'America/Chicago', 'defaultLanguage': 'es'},
                     'schemaVersion': 1}""");

            assertThat(DatasetReader.readString(document).contact("k-1").orElseThrow().language()).isEqualTo("es");
        }

        @Test
        void theCollectionsAreOptional() {
            Dataset dataset = DatasetReader.readString(
                    json("{'schemaVersion': 1, 'district': {'id': 'd-1', 'timeZone': 'UTC'}}"));

            assertThat(dataset.staff()).isEmpty();
            assertThat(dataset.families()).isEmpty();
            assertThat(dataset.contacts()).isEmpty();
            assertThat(dataset.commitments()).isEmpty();
        }

        @Test
        void acceptsInstantsBeyondTheFastPath() {
            // No seconds, a lower-case designator, an offset with seconds: java.time decides.
            Dataset dataset = DatasetReader.readString(withContacts(
                    contact("k-1", "").replace("2026-11-02T22:00:00Z", "2026-11-02T22:00Z"),
                    contact("k-2", "").replace("2026-11-02T22:00:00Z", "2026-11-02t22:00:00z"),
                    contact("k-3", "").replace("2026-11-02T22:00:00Z", "2026-11-02T16:00:00-06:00:00")));

            assertThat(dataset.contacts()).extracting(Contact::at)
                    .containsOnly(Instant.parse("2026-11-02T22:00:00Z"));
        }
    }

    @Nested
    class Errors {
        @Test
        void malformedJsonGivesLineColumnAndTheEnclosingPlace() {
            String document = json("""
                    {'schemaVersion': 1,
                     'contacts': [
                       {'id': 'k-1',}
                     ]}""");

            Problem problem = onlyProblem(document);

            assertThat(problem.pointer()).isEqualTo("/contacts/0");
            assertThat(problem.message()).startsWith("malformed JSON at line 3, column 17: ")
                    .contains("double-quote to start field name");
        }

        @Test
        void malformedJsonKeepsTheProblemsFoundBeforeIt() {
            String document = json("{'schemaVersion': 3, 'district': {'id': 'd-1', 'timeZone': 'UTC'}, 'staff': [");

            assertThat(problemsOf(document)).extracting(Problem::pointer, p -> p.message().split(":")[0])
                    .containsExactly(
                            tuple("/schemaVersion", "unsupported schemaVersion 3; supported versions"),
                            tuple("/staff", "malformed JSON at line 1, column 78"));
        }

        @Test
        void aMissingRequiredFieldPointsAtTheObjectThatLacksIt() {
            String document = withContacts(contact("k-1", ""),
                    "{'id': 'k-2', 'familyId': 'f-1', 'direction': 'INBOUND', 'channel': 'SMS'}".replace('\'', '"'));

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/contacts/1", "missing required field \"at\""));
        }

        @Test
        void aMissingRequiredFieldAtTheRootPointsAtTheDocument() {
            List<Problem> problems = problemsOf(json("{'district': {'id': 'd-1'}}"));

            assertThat(problems).containsExactly(
                    new Problem("", "missing required field \"schemaVersion\""),
                    new Problem("/district", "missing required field \"timeZone\""));
        }

        @Test
        void anUnknownFieldSuggestsTheKnownNameItResembles() {
            String document = withContacts(contact("k-1", "'familyID': 'f-1'"));

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/contacts/0/familyID",
                    "unknown field \"familyID\"; did you mean \"familyId\"?"));
        }

        @Test
        void anUnknownFieldWithNoLikelyMatchListsTheKnownOnes() {
            String document = withContacts(contact("k-1", "'notes': 'called about the bus'"));

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/contacts/0/notes",
                    "unknown field \"notes\"; known fields: id, familyId, studentId, staffId, at, direction, channel,"
                            + " mode, tone, language, interpreted, delivered, awaitsReply, replyTo"));
        }

        @Test
        void anUnknownEnumValueListsTheAllowedOnes() {
            String document = withContacts(contact("k-1", "").replace("PHONE", "TEXT"));

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/contacts/0/channel",
                    "unknown channel \"TEXT\"; allowed: SMS, PHONE, EMAIL, APP, LETTER, IN_PERSON, VIDEO, HOME_VISIT"));
        }

        @Test
        void anEnumValueInTheWrongCaseIsSuggestedInUpperCase() {
            String document = withContacts(contact("k-1", "'mode': 'broadcast'"));

            assertThat(onlyProblem(document).message())
                    .isEqualTo("unknown mode \"broadcast\"; did you mean \"BROADCAST\"?; allowed: PERSONAL, RECIPROCAL,"
                            + " BROADCAST");
        }

        @Test
        void aValueOfTheWrongTypeNamesTheExpectedAndTheFoundType() {
            String document = document(contact("k-1", "'delivered': 'yes'"), "").replace("\"schemaVersion\": 1",
                    "\"schemaVersion\": \"1\"");

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/schemaVersion", "expected an integer, found the string \"1\""),
                    new Problem("/contacts/0/delivered", "expected true or false, found the string \"yes\""));
        }

        @Test
        void nullWhereAValueBelongsIsAWrongType() {
            String document = withContacts(contact("k-1", "'tone': null").replace("'2026-11-02T22:00:00Z'", "null"));

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/contacts/0/at",
                            "expected an instant such as \"2026-11-02T16:00:00Z\", found null"),
                    new Problem("/contacts/0/tone", "expected a string, found null"));
        }

        @Test
        void nullIsAcceptedWhereTheContractMeansNone() {
            Dataset dataset = DatasetReader.readString(withContacts(
                    contact("k-1", "'studentId': null, 'staffId': null, 'replyTo': null")));

            assertThat(dataset.contact("k-1").orElseThrow().studentId()).isNull();
        }

        @Test
        void aNumberOutOfRangeIsReported() {
            String document = withContacts().replace("\"schemaVersion\": 1", "\"schemaVersion\": 99999999999");

            assertThat(onlyProblem(document))
                    .isEqualTo(new Problem("/schemaVersion", "the number 99999999999 is out of range"));
        }

        @Test
        void aDuplicateIdWithinACollection() {
            String document = withContacts(contact("k-1", ""), contact("k-1", ""));

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/contacts/1/id",
                    "duplicate contact id \"k-1\" (first at /contacts/0)"));
        }

        @Test
        void aDuplicateStudentIdWithinAFamily() {
            String document = withContacts().replace("[{\"id\": \"s-1\"}]", "[{\"id\": \"s-1\"}, {\"id\": \"s-1\"}]");

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/families/0/students/1/id",
                    "duplicate student id \"s-1\" in this family (first at /families/0/students/0)"));
        }

        @Test
        void referencesToIdsThatDoNotExist() {
            String document = document(String.join(",",
                            contact("k-1", "'staffId': 't-9', 'studentId': 's-9', 'replyTo': 'k-9'"),
                            contact("k-2", "").replace("f-1", "f-99")),
                    "{'id': 'm-1', 'familyId': 'f-2', 'staffId': 't-9', 'madeAt': '2026-11-02T22:00:00Z',"
                            + " 'dueBy': '2026-11-03T22:00:00Z', 'fulfilledBy': 'k-9'}");

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/contacts/0/replyTo", "no contact \"k-9\""),
                    new Problem("/contacts/0/staffId", "no staff \"t-9\""),
                    new Problem("/contacts/0/studentId", "family \"f-1\" has no student \"s-9\""),
                    new Problem("/contacts/1/familyId", "no family \"f-99\""),
                    new Problem("/commitments/0/fulfilledBy", "no contact \"k-9\""),
                    new Problem("/commitments/0/staffId", "no staff \"t-9\""));
        }

        @Test
        void replyToMustNameAnInboundContact() {
            String document = withContacts(contact("k-1", ""), contact("k-2", "'replyTo': 'k-1'"));

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/contacts/1/replyTo",
                    "contact \"k-1\" is OUTBOUND; replyTo must name an INBOUND contact"));
        }

        @Test
        void anIllFormedLanguageTag() {
            String document = withContacts(contact("k-1", "'language': 'es_MX'"));

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/contacts/0/language",
                    "\"es_MX\" is not a well-formed BCP 47 language tag"));
        }

        @Test
        void anIllFormedTimeZoneSuggestsTheCloseOne() {
            String document = withContacts().replace("America/Chicago", "America/Chicgo");

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/district/timeZone",
                    "\"America/Chicgo\" is not an IANA time zone id; did you mean \"America/Chicago\"?"));
        }

        @Test
        void aTimeZoneThatIsNotAnIanaIdIsRefusedEvenWhenJavaWouldParseIt() {
            String document = withContacts().replace("America/Chicago", "+05:00");

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/district/timeZone",
                    "\"+05:00\" is not an IANA time zone id such as \"America/Chicago\""));
        }

        @Test
        void theDistrictLanguageIsCheckedEvenWhenTheZoneIsBad() {
            String document = json("{'schemaVersion': 1, 'district': {'id': 'd-1', 'timeZone': 'Mars/Olympus',"
                    + " 'defaultLanguage': 'e n'}}");

            assertThat(problemsOf(document)).extracting(Problem::pointer)
                    .containsExactly("/district/defaultLanguage", "/district/timeZone");
        }

        @Test
        void dueByBeforeMadeAt() {
            String document = document("", "{'id': 'm-1', 'familyId': 'f-1', 'madeAt': '2026-11-03T00:00:00Z',"
                    + " 'dueBy': '2026-11-02T00:00:00Z'}");

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/commitments/0/dueBy",
                    "the dueBy (2026-11-02T00:00:00Z) of commitment \"m-1\" is before its madeAt"
                            + " (2026-11-03T00:00:00Z); maybe the two fields are swapped?"));
        }

        @Test
        void aReachableWindowMustEndAfterItStarts() {
            String document = withContacts().replace("{\"id\": \"f-2\"}", json(
                    "{'id': 'f-2', 'preference': {'reachable': [{'days': ['MONDAY'], 'from': '20:00', 'to': '17:00'},"
                            + " {'days': ['FRIDAY'], 'from': '17:00', 'to': '17:00'}]}}"));

            assertThat(problemsOf(document)).extracting(Problem::pointer, Problem::message).containsExactly(
                    tuple("/families/1/preference/reachable/0/to",
                            "the window ends at 17:00, not after it starts at 20:00; a window must end after it"
                                    + " starts, on the same day"),
                    tuple("/families/1/preference/reachable/1/to",
                            "the window ends at 17:00, not after it starts at 17:00; a window must end after it"
                                    + " starts, on the same day"));
        }

        @Test
        void aReachableWindowMustListADayAndTimesOfDay() {
            String document = withContacts().replace("{\"id\": \"f-2\"}", json(
                    "{'id': 'f-2', 'preference': {'reachable': [{'days': [], 'from': '5pm', 'to': '24:00'}]}}"));

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/families/1/preference/reachable/0/days",
                            "a reachable window must list at least one day"),
                    new Problem("/families/1/preference/reachable/0/from", "\"5pm\" is not a time of day HH:MM"),
                    new Problem("/families/1/preference/reachable/0/to", "\"24:00\" is not a time of day HH:MM"));
        }

        @Test
        void blankIdsAndGroupLabelsAreRefused() {
            String document = withContacts().replace("{\"id\": \"f-2\"}", json("{'id': ' '}"))
                    .replace("{\"id\": \"f-1\",", json("{'id': 'f-1', 'groups': {'income': ''},"));

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/families/0/groups/income", "a group label must not be blank"),
                    new Problem("/families/1/id", "an id must not be blank"));
        }

        @Test
        void anUnsupportedSchemaVersionNamesTheSupportedOnes() {
            String document = withContacts().replace("\"schemaVersion\": 1", "\"schemaVersion\": 3");

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/schemaVersion",
                    "unsupported schemaVersion 3; supported versions: 1, 2"));
        }

        @Test
        void aKeyRepeatedInOneObjectIsAnErrorNotLastOneWins() {
            String document = withContacts(contact("k-1", "'at': '2026-11-03T22:00:00Z'"));

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/contacts/0/at",
                    "field \"at\" appears more than once in this object"));
        }

        @Test
        void aGroupDimensionRepeatedInOneObjectIsAnError() {
            String document = withContacts().replace("{\"id\": \"f-2\"}",
                    json("{'id': 'f-2', 'groups': {'income': 'low', 'income': 'high'}}"));

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/families/1/groups/income",
                    "field \"income\" appears more than once in this object"));
        }

        @Test
        void anEmptyDocument() {
            assertThat(onlyProblem("")).isEqualTo(new Problem("", "the document is empty; expected a JSON object"));
            assertThat(onlyProblem(" \n")).isEqualTo(new Problem("", "the document is empty; expected a JSON object"));
        }

        @Test
        void aDocumentThatIsNotAnObject() {
            assertThat(onlyProblem("[]")).isEqualTo(new Problem("", "the document must be a JSON object, not an array"));
            assertThat(onlyProblem("\"dataset\"")).isEqualTo(
                    new Problem("", "the document must be a JSON object, not the string \"dataset\""));
        }

        @Test
        void contentAfterTheDocumentIsAnError() {
            Problem problem = onlyProblem(withContacts() + " {}");

            assertThat(problem).isEqualTo(new Problem("", "unexpected content after the end of the document"));
        }

        @Test
        void anElementThatIsNotAnObjectKeepsThePositionsOfTheOthers() {
            String document = withContacts("42", contact("k-2", "").replace("f-1", "f-99"));

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/contacts/0", "expected an object, found the number 42"),
                    new Problem("/contacts/1/familyId", "no family \"f-99\""));
        }
    }

    @Nested
    class EveryProblemAtOnce {
        @Test
        void aDocumentWithManyErrorsReportsThemAllInDocumentOrder() throws IOException {
            InvalidDatasetException e;
            try (InputStream in = DatasetReaderTest.class.getResourceAsStream("dataset-many-errors.json")) {
                e = catchThrowableOfType(InvalidDatasetException.class, () -> DatasetReader.read(in));
            }

            assertThat(e.problems()).extracting(Problem::pointer).containsExactly(
                    "/schemaVersion",
                    "/district/timeZone",
                    "/district/weekend/1",
                    "/staff/0/role",
                    "/staff/1/id",
                    "/families/0/groups/income",
                    "/families/0/preference/channels/0",
                    "/families/0/preference/languages/1",
                    "/families/0/students/0",
                    "/families/1/id",
                    "/contacts/0/familyID",
                    "/contacts/0/language",
                    "/contacts/1/at",
                    "/contacts/1/familyId",
                    "/contacts/2",
                    "/contacts/3/replyTo",
                    "/commitments/0/dueBy",
                    "/commitments/1/fulfilledBy");
            assertThat(e.getMessage()).startsWith("The dataset is invalid (18 problems):");
        }

        @Test
        void aContactWithABadInstantStillHasItsReferencesChecked() {
            String document = withContacts(contact("k-1", "").replace("f-1", "f-99")
                    .replace("2026-11-02T22:00:00Z", "yesterday"));

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/contacts/0/at",
                            "\"yesterday\" is not an ISO-8601 instant with an offset, such as 2026-11-02T16:00:00Z"),
                    new Problem("/contacts/0/familyId", "no family \"f-99\""));
        }

        @Test
        void aContactThatCannotBeBuiltIsNotReportedAgainAsMissingWhereItIsNamed() {
            String document = withContacts(
                    "{'id': 'k-1', 'familyId': 7, 'at': '2026-11-02T22:00:00Z', 'direction': 'INBOUND',"
                            .replace('\'', '"') + " \"channel\": \"SMS\"}",
                    contact("k-2", "'replyTo': 'k-1'"));

            assertThat(problemsOf(document)).containsExactly(
                    new Problem("/contacts/0/familyId", "expected a string, found the number 7"));
        }

        @Test
        void anInstantWithoutAnOffsetSaysSo() {
            String document = withContacts(contact("k-1", "").replace("22:00:00Z", "22:00:00"));

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/contacts/0/at",
                    "\"2026-11-02T22:00:00\" has no UTC offset; add Z or ±HH:MM"));
        }

        @Test
        void messagesNeverShowAValueWithSpacesInIt() {
            String secret = "The mother said the rent is late again";
            String document = withContacts(contact("k-1", "'tone': '" + secret + "', 'delivered': '" + secret + "'"));

            assertThat(problemsOf(document)).extracting(Problem::message).containsExactly(
                    "expected true or false, found the string (38 characters, not shown)",
                    "unknown tone (38 characters, not shown); allowed: POSITIVE, NEUTRAL, CONCERN");
        }

        @Test
        void messagesQuoteOnlyAShortPrefixOfALongToken() {
            String document = withContacts(contact("k-1", "").replace("PHONE", "SMS_OR_EMAIL_OR_WHATEVER_THE_PARENT_PREFERS"));

            assertThat(onlyProblem(document)).isEqualTo(new Problem("/contacts/0/channel",
                    "unknown channel \"SMS_OR_EMAIL_OR_WHATEVER_THE_PAR…\"; allowed: SMS, PHONE, EMAIL, APP, LETTER,"
                            + " IN_PERSON, VIDEO, HOME_VISIT"));
        }
    }
}
