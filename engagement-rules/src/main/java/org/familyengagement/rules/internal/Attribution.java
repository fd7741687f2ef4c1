package org.familyengagement.rules.internal;

import java.util.Set;

import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.Dataset;
import org.familyengagement.model.Evidence;
import org.familyengagement.model.Family;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.Student;

/**
 * The one place that says which schools and staff a finding's evidence names (RULES.md v2): a
 * contact's or meeting's own {@code schoolId}, else its student's school; its {@code staffId};
 * a commitment's {@code staffId}. An evidence id given as a string is looked up as a contact,
 * then a meeting, then a commitment; an id of none of them (a custom rule's own fact) names
 * no school or staff member.
 */
final class Attribution {
    /** The records attribution looks up: the dataset in batch, the live session's current records. */
    interface Records {
        Family family(String id);

        Contact contact(String id);

        Meeting meeting(String id);

        Commitment commitment(String id);
    }

    private final Records records;

    Attribution(Records records) {
        this.records = records;
    }

    /** Attribution from a whole dataset. */
    static Attribution of(Dataset dataset) {
        return new Attribution(new Records() {
            @Override
            public Family family(String id) {
                return dataset.family(id).orElse(null);
            }

            @Override
            public Contact contact(String id) {
                return dataset.contact(id).orElse(null);
            }

            @Override
            public Meeting meeting(String id) {
                return dataset.meeting(id).orElse(null);
            }

            @Override
            public Commitment commitment(String id) {
                return dataset.commitment(id).orElse(null);
            }
        });
    }

    /** Adds the schools and staff one piece of evidence names. */
    void add(Evidence item, Set<String> schools, Set<String> staff) {
        if (item instanceof Contact contact) {
            addIfPresent(schools, schoolOf(contact.schoolId(), contact.familyId(), contact.studentId()));
            addIfPresent(staff, contact.staffId());
        } else if (item instanceof Meeting meeting) {
            addIfPresent(schools, schoolOf(meeting.schoolId(), meeting.familyId(), meeting.studentId()));
            addIfPresent(staff, meeting.staffId());
        } else if (item instanceof Commitment commitment) {
            addIfPresent(staff, commitment.staffId());
        }
    }

    /** Adds the schools and staff an evidence id names, when it is a contact's, meeting's or commitment's. */
    void add(String id, Set<String> schools, Set<String> staff) {
        Evidence item = records.contact(id);
        if (item == null) {
            item = records.meeting(id);
        }
        if (item == null) {
            item = records.commitment(id);
        }
        if (item != null) {
            add(item, schools, staff);
        }
    }

    private String schoolOf(String schoolId, String familyId, String studentId) {
        if (schoolId != null || studentId == null) {
            return schoolId;
        }
        Family family = records.family(familyId);
        Student student = family == null ? null : family.student(studentId);
        return student == null ? null : student.schoolId();
    }

    private static void addIfPresent(Set<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
