package org.familyengagement.rules.internal;

import java.util.Map;
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
 *
 * <p>A dataset judged in partitions (see {@code RuleEngine#judge}) cites, in a broadcast's
 * evidence, contacts of families another partition holds: the school of such a contact, when it
 * comes from its student, was looked up where its family was counted ({@link #studentSchool}) and
 * travels with the counts ({@code schoolsElsewhere}).
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
    /** Contact id to its student's school, for contacts whose family the records do not hold. */
    private final Map<String, String> schoolsElsewhere;

    Attribution(Records records) {
        this(records, Map.of());
    }

    private Attribution(Records records, Map<String, String> schoolsElsewhere) {
        this.records = records;
        this.schoolsElsewhere = schoolsElsewhere;
    }

    /**
     * Attribution from a dataset, or one partition of one with the schools of the other
     * partitions' contacts its broadcast tallies cite (contact id to school: {@link #studentSchool}).
     */
    static Attribution of(Dataset dataset, Map<String, String> schoolsElsewhere) {
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
        }, schoolsElsewhere);
    }

    /** The family of this id, or {@code null} when the data has none. */
    Family family(String id) {
        return records.family(id);
    }

    /** Adds the schools and staff one piece of evidence names. */
    void add(Evidence item, Set<String> schools, Set<String> staff) {
        if (item instanceof Contact contact) {
            String school = schoolOf(contact.schoolId(), contact.familyId(), contact.studentId());
            addIfPresent(schools, school != null ? school : schoolsElsewhere.get(contact.id()));
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
        return studentSchool(records.family(familyId), studentId);
    }

    /** The school of a family's student, or {@code null} when either is unknown. */
    static String studentSchool(Family family, String studentId) {
        Student student = family == null ? null : family.student(studentId);
        return student == null ? null : student.schoolId();
    }

    private static void addIfPresent(Set<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
