package org.familyengagement.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.familyengagement.errors.InvalidDatasetException;
import org.familyengagement.errors.Problem;
import org.junit.jupiter.api.Test;

class DatasetTest {
    private static final District DISTRICT = District.of("d-1", ZoneId.of("America/Chicago"));
    private static final Instant MONDAY = Instant.parse("2026-11-02T16:00:00Z");
    private static final Family F1 = new Family("f-1", List.of(new Student("s-1", "3", null)), List.of(), null, Map.of());
    private static final Staff T1 = Staff.of("t-1", StaffRole.TEACHER, "en");

    private static Contact.Builder contact(String id, Direction direction) {
        return Contact.builder(id, "f-1", MONDAY, direction, Channel.PHONE);
    }

    private static List<Problem> problemsOf(List<Contact> contacts, List<Commitment> commitments) {
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> Dataset.of(DISTRICT, List.of(T1), List.of(F1), contacts, commitments));
        assertThat(e).as("the dataset should be refused").isNotNull();
        return e.problems();
    }

    @Test
    void aConsistentDatasetIsBuiltWithLookupsAndDefaultLanguage() {
        Contact question = contact("k-2", Direction.INBOUND).build();
        Contact answer = Contact.builder("k-1", "f-1", MONDAY.plusSeconds(60), Direction.OUTBOUND, Channel.SMS)
                .replyTo("k-2").staffId("t-1").studentId("s-1").build();
        Commitment promise = new Commitment("m-1", "f-1", "t-1", MONDAY, MONDAY.plusSeconds(3600), "k-1");

        Dataset dataset = Dataset.of(DISTRICT, List.of(T1), List.of(F1), List.of(answer, question), List.of(promise));

        assertThat(dataset.family("f-1")).contains(F1);
        assertThat(dataset.staffMember("t-1")).contains(T1);
        assertThat(dataset.commitment("m-1")).contains(promise);
        assertThat(dataset.contact("k-9")).isEmpty();
        assertThat(dataset.contactsOf("f-1")).extracting(Contact::id).containsExactly("k-2", "k-1");
        assertThat(dataset.contactsOf("f-9")).isEmpty();
        assertThat(dataset.contacts()).extracting(Contact::language).containsOnly("en");
        assertThat(dataset.contact("k-2")).hasValueSatisfying(c -> assertThat(c.awaitsReply()).isTrue());
    }

    @Test
    void everyDanglingReferenceIsReported() {
        List<Problem> problems = problemsOf(
                List.of(Contact.builder("k-1", "f-9", MONDAY, Direction.OUTBOUND, Channel.SMS).build(),
                        contact("k-2", Direction.OUTBOUND).staffId("t-9").studentId("s-9").replyTo("k-9").build()),
                List.of(new Commitment("m-1", "f-9", "t-9", MONDAY, MONDAY, "k-9")));

        assertThat(problems).containsExactly(
                new Problem("/contacts/0/familyId", "no family \"f-9\""),
                new Problem("/contacts/1/replyTo", "no contact \"k-9\""),
                new Problem("/contacts/1/staffId", "no staff \"t-9\""),
                new Problem("/contacts/1/studentId", "family \"f-1\" has no student \"s-9\""),
                new Problem("/commitments/0/familyId", "no family \"f-9\""),
                new Problem("/commitments/0/fulfilledBy", "no contact \"k-9\""),
                new Problem("/commitments/0/staffId", "no staff \"t-9\""));
    }

    @Test
    void replyToMustNameAnInboundContact() {
        List<Problem> problems = problemsOf(List.of(contact("k-1", Direction.OUTBOUND).build(),
                contact("k-2", Direction.OUTBOUND).replyTo("k-1").build()), List.of());

        assertThat(problems).containsExactly(new Problem("/contacts/1/replyTo",
                "contact \"k-1\" is OUTBOUND; replyTo must name an INBOUND contact"));
    }

    @Test
    void duplicateIdsAreReportedInEveryCollection() {
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class, () -> Dataset.of(DISTRICT,
                List.of(T1, T1), List.of(F1, F1),
                List.of(contact("k-1", Direction.INBOUND).build(), contact("k-1", Direction.INBOUND).build()),
                List.of(Commitment.of("m-1", "f-1", null, MONDAY, MONDAY),
                        Commitment.of("m-1", "f-1", null, MONDAY, MONDAY))));

        assertThat(e.problems()).containsExactly(
                new Problem("/staff/1/id", "duplicate staff id \"t-1\" (first at /staff/0)"),
                new Problem("/families/1/id", "duplicate family id \"f-1\" (first at /families/0)"),
                new Problem("/contacts/1/id", "duplicate contact id \"k-1\" (first at /contacts/0)"),
                new Problem("/commitments/1/id", "duplicate commitment id \"m-1\" (first at /commitments/0)"));
    }

    @Test
    void illFormedLanguageTagsAreReportedWherever() {
        District district = new District("d-1", null, ZoneId.of("UTC"), "en_US", District.DEFAULT_WEEKEND,
                new java.util.TreeSet<>());
        Family family = new Family("f-1", List.of(), List.of(), Preference.of(List.of("es", "es MX"), List.of()),
                Map.of());

        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class, () -> Dataset.of(district,
                List.of(Staff.of("t-1", null, "e1")), List.of(family),
                List.of(contact("k-1", Direction.OUTBOUND).language("x-").build()), List.of()));

        assertThat(e.problems()).extracting(Problem::pointer).containsExactly("/district/defaultLanguage",
                "/staff/0/languages/0", "/families/0/preference/languages/1", "/contacts/0/language");
    }

    @Test
    void problemsToleratesElementsAReaderCouldNotBuild() {
        List<Contact> contacts = Arrays.asList(null, contact("k-2", Direction.OUTBOUND).replyTo("k-1").build());

        assertThat(Dataset.problems(null, List.of(), Arrays.asList(F1, null), contacts, Arrays.asList((Commitment) null), List.of()))
                .containsExactly(new Problem("/contacts/1/replyTo", "no contact \"k-1\""));
    }

    @Test
    void ofRefusesNullElements() {
        assertThatThrownBy(() -> Dataset.of(DISTRICT, List.of(), Arrays.asList(F1, null), List.of(), List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("families must not contain null");
    }

    @Test
    void pointersSortAsADocumentLaysThemOut() {
        List<String> pointers = new java.util.ArrayList<>(List.of("/contacts/10/at", "/contacts/9", "/district",
                "/commitments/0", "", "/contacts/9/at", "/schemaVersion", "/families/2/id", "/staff/0"));

        pointers.sort(Dataset::comparePointers);

        assertThat(pointers).containsExactly("", "/schemaVersion", "/district", "/staff/0", "/families/2/id",
                "/contacts/9", "/contacts/9/at", "/contacts/10/at", "/commitments/0");
    }
    /** Was: accepted by Dataset.of and live sessions alike, as by the reader. */
    @Test
    void replyAndFulfilmentOrderInTimeIsCheckedByTheModelToo() {
        Contact question = contact("k-1", Direction.INBOUND).build();
        Contact earlyReply = Contact.builder("k-2", "f-1", MONDAY.minusSeconds(1), Direction.OUTBOUND, Channel.SMS)
                .replyTo("k-1").build();
        Contact inboundReply = contact("k-3", Direction.INBOUND).replyTo("k-1").build();
        Commitment keptEarly = new Commitment("m-1", "f-1", null, MONDAY.plusSeconds(60), MONDAY.plusSeconds(3600),
                "k-1");

        assertThat(problemsOf(List.of(question, earlyReply, inboundReply), List.of(keptEarly))).containsExactly(
                new Problem("/contacts/1/replyTo", "contact \"k-1\" is dated 2026-11-02T16:00:00Z, after this reply"
                        + " (2026-11-02T15:59:59Z); a reply cannot come before the contact it answers"),
                new Problem("/contacts/2/replyTo", "this contact is INBOUND; only an OUTBOUND contact replies to another"),
                new Problem("/commitments/0/fulfilledBy", "contact \"k-1\" is dated 2026-11-02T16:00:00Z, before this"
                        + " commitment was made (2026-11-02T16:01:00Z); a commitment is kept by a contact made after it"));
    }

    @Test
    void duplicateStudentsCaregiversAndSchoolsAreRefusedByTheModelToo() {
        District district = District.builder("d-1", ZoneId.of("UTC"))
                .schools(List.of(new School("sch-1", null), new School("sch-1", "again"))).build();
        Family family = Family.builder("f-1").student(new Student("s-1", null, null)).student(new Student("s-1", null, null))
                .caregiver(new Caregiver("c-1", null)).caregiver(new Caregiver("c-2", null))
                .caregiver(new Caregiver("c-1", null)).build();

        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> Dataset.builder(district).families(family).build());

        assertThat(e.problems()).containsExactly(
                new Problem("/district/schools/1/id", "duplicate school id \"sch-1\" (first at /district/schools/0)"),
                new Problem("/families/0/caregivers/2/id",
                        "duplicate caregiver id \"c-1\" in this family (first at /families/0/caregivers/0)"),
                new Problem("/families/0/students/1/id",
                        "duplicate student id \"s-1\" in this family (first at /families/0/students/0)"));
    }

    /** Was: every problem kept, so a large dataset with one systematic mistake made millions of them. */
    @Test
    void ofListsTheFirstThousandProblemsAndCountsTheRest() {
        List<Contact> contacts = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            contacts.add(Contact.builder("k-" + i, "f-9", MONDAY, Direction.INBOUND, Channel.SMS).build());
        }

        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> Dataset.of(DISTRICT, List.of(), List.of(F1), contacts, List.of()));

        assertThat(e.problems()).hasSize(1001);
        assertThat(e.problems().get(999)).isEqualTo(new Problem("/contacts/999/familyId", "no family \"f-9\""));
        assertThat(e.problems().get(1000)).isEqualTo(Problem.notListed(4000));
        assertThat(e.problems().get(1000).toString()).isEqualTo("(document): … and at least 4000 more problems, not listed");
        assertThat(Dataset.problems(DISTRICT, List.of(), List.of(F1), contacts, List.of(), List.of())).hasSize(1001)
                .last().isEqualTo(Problem.notListed(4000));
    }

    @Test
    void theExceptionMessageCountsTheProblemsNotListed() {
        List<Problem> problems = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            problems.add(new Problem("/contacts/" + i, "expected an object, found the number 1"));
        }
        problems.add(Problem.notListed(4000));

        List<String> lines = new InvalidDatasetException(problems).getMessage().lines().toList();

        assertThat(lines).hasSize(102);
        assertThat(lines.get(0)).isEqualTo("The dataset is invalid (at least 5000 problems):");
        assertThat(lines.get(101)).isEqualTo("  … and 900 more in problems(), and at least 4000 not listed");
        assertThat(new InvalidDatasetException(List.of(new Problem("/staff", "x"), Problem.notListed(1))).getMessage())
                .isEqualTo("The dataset is invalid (at least 2 problems):" + System.lineSeparator() + "  /staff: x"
                        + System.lineSeparator() + "  (document): … and at least 1 more problem, not listed");
        assertThat(new Problem("", "… and at least many more problems, not listed").notListedCount()).isZero();
        assertThat(new Problem("/x", Problem.notListed(3).message()).notListedCount()).as("only at the document").isZero();
    }

    @Test
    void theModelRefusesIdsThatAreNotIdentifiers() {
        assertThatThrownBy(() -> new Staff("t-1\u202E", null, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("staff id \"t-1?\" must not contain U+202E (a bidirectional control)");
        assertThatThrownBy(() -> new School(" sch-1", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("school id (6 characters, not shown) must not start or end with white space");
        assertThatThrownBy(() -> new Student("s-1", null, "\u00A0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("student schoolId must not be blank");
        assertThatThrownBy(() -> Meeting.builder("mt-1", "f-1", MeetingKind.IEP, MONDAY).caregiverId("c-1\u0000").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meeting caregiverId \"c-1?\" must not contain U+0000 (a control character)");
    }
}
