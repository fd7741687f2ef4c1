package org.familyengagement.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Family;
import org.junit.jupiter.api.Test;

/**
 * The reader checks each contact's references as it reads when the families come first
 * ({@code ContactDirectory}), and hands the dataset each contact's family: the dataset must be the
 * one {@link Dataset#of} builds from the same lists, whichever way it was read.
 */
class ReaderChecksAsItReadsTest {
    private static final Dataset SAMPLE = SampleData.read("sample-150-families.json");

    @Test
    void theReadDatasetIsTheOneDatasetOfBuildsFromTheSameLists() {
        Dataset rebuilt = Dataset.of(SAMPLE.district(), SAMPLE.staff(), SAMPLE.families(), SAMPLE.contacts(),
                SAMPLE.commitments(), SAMPLE.meetings());

        assertSameDataset(SAMPLE, rebuilt);
    }

    @Test
    void contactsShareTheIdStringsOfWhatTheyReferTo() {
        // Proof that the directory, not the pool, gave these ids: the very strings, not equal copies.
        assertThat(SAMPLE.contacts()).allSatisfy(contact -> {
            Family family = SAMPLE.family(contact.familyId()).orElseThrow();
            assertThat(contact.familyId()).isSameAs(family.id());
            if (contact.studentId() != null) {
                assertThat(contact.studentId()).isSameAs(family.student(contact.studentId()).id());
            }
            if (contact.caregiverId() != null) {
                assertThat(contact.caregiverId()).isSameAs(family.caregiver(contact.caregiverId()).id());
            }
            if (contact.staffId() != null) {
                assertThat(contact.staffId()).isSameAs(SAMPLE.staffMember(contact.staffId()).orElseThrow().id());
            }
        });
    }

    @Test
    void contactsBeforeFamiliesReadToTheSameDataset() {
        String document = new String(DatasetWriter.compact().toBytes(SAMPLE), StandardCharsets.UTF_8);
        int families = document.indexOf(",\"families\":");
        int contacts = document.indexOf(",\"contacts\":");
        int commitments = document.indexOf(",\"commitments\":");
        assertThat(families).isPositive().isLessThan(contacts);
        assertThat(commitments).isGreaterThan(contacts);
        String reordered = document.substring(0, families) + document.substring(contacts, commitments)
                + document.substring(families, contacts) + document.substring(commitments);

        Dataset read = DatasetReader.readString(reordered);

        assertSameDataset(SAMPLE, read);
        // Read without the directory: the family ids are the pool's copies.
        Contact first = read.contacts().get(0);
        assertThat(first.familyId()).isNotSameAs(read.family(first.familyId()).orElseThrow().id());
    }

    private static void assertSameDataset(Dataset expected, Dataset actual) {
        assertThat(actual.contacts()).isEqualTo(expected.contacts());
        assertThat(actual.families()).isEqualTo(expected.families());
        for (Family family : expected.families()) {
            assertThat(actual.contactsOf(family.id())).isEqualTo(expected.contactsOf(family.id()));
            assertThat(actual.commitmentsOf(family.id())).isEqualTo(expected.commitmentsOf(family.id()));
            assertThat(actual.meetingsOf(family.id())).isEqualTo(expected.meetingsOf(family.id()));
        }
        for (Contact contact : expected.contacts()) {
            assertThat(actual.contact(contact.id())).contains(contact);
        }
        assertThat(actual.contactsOf("no such family")).isEmpty();
    }
}
