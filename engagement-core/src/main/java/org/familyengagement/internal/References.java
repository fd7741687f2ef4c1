package org.familyengagement.internal;

import static org.familyengagement.errors.Problem.quote;

import java.util.List;

import org.familyengagement.errors.Problem;
import org.familyengagement.language.LanguageTags;
import org.familyengagement.model.Commitment;
import org.familyengagement.model.Contact;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Meeting;
import org.familyengagement.model.Preference;
import org.familyengagement.model.Student;

/**
 * The dataset's reference and value checks, in one place: a whole {@code Dataset} runs them over
 * its lists, and a live session over each change, so both give the same problems in the same
 * words. Each check adds its problems with pointers under {@code at}, the JSON pointer of the
 * element checked ({@code /contacts/3}, or {@code ""} for a single element on its own).
 *
 * <p>Internal: exported only to the project's own modules.
 */
public final class References {
    /** What the checks look ids up in. */
    public interface Index {
        District district();

        /** The family with this id, or {@code null}. */
        Family family(String id);

        boolean hasStaff(String id);

        /** The contact with this id, or {@code null} when there is none (or it could not be read). */
        Contact contact(String id);
    }

    private References() {
    }

    /** A family's own values: language tags of its and its caregivers' preferences, its students' schools. */
    public static void checkFamily(Family family, String at, District district, List<Problem> problems) {
        checkPreference(family.preference(), at + "/preference", problems);
        for (int i = 0; i < family.students().size(); i++) {
            Student student = family.students().get(i);
            if (student.schoolId() != null && district.isUnknownSchool(student.schoolId())) {
                problems.add(new Problem(at + "/students/" + i + "/schoolId", noSchool(student.schoolId())));
            }
        }
        for (int i = 0; i < family.caregivers().size(); i++) {
            checkPreference(family.caregivers().get(i).preference(), at + "/caregivers/" + i + "/preference",
                    problems);
        }
    }

    /** Language tags of a list, each checked; {@code pointer} names the list. */
    public static void checkTags(List<String> tags, String pointer, List<Problem> problems) {
        for (int i = 0; i < tags.size(); i++) {
            if (!LanguageTags.isWellFormed(tags.get(i))) {
                problems.add(new Problem(pointer + "/" + i, notATag(tags.get(i))));
            }
        }
    }

    private static void checkPreference(Preference preference, String at, List<Problem> problems) {
        if (preference != null) {
            checkTags(preference.languages(), at + "/languages", problems);
        }
    }

    /** A contact's references: family, student, staff, caregiver, school, language, reply. */
    public static void checkContact(Contact contact, String at, Index index, List<Problem> problems) {
        // Pointers are built only when a problem is found: this runs once per contact.
        Family family = index.family(contact.familyId());
        if (family == null) {
            problems.add(new Problem(at + "/familyId", "no family " + quote(contact.familyId())));
        } else {
            if (contact.studentId() != null && !family.hasStudent(contact.studentId())) {
                problems.add(new Problem(at + "/studentId", noStudent(family, contact.studentId())));
            }
            if (contact.caregiverId() != null && family.caregiver(contact.caregiverId()) == null) {
                problems.add(new Problem(at + "/caregiverId", noCaregiver(family, contact.caregiverId())));
            }
        }
        if (contact.staffId() != null && !index.hasStaff(contact.staffId())) {
            problems.add(new Problem(at + "/staffId", "no staff " + quote(contact.staffId())));
        }
        if (contact.schoolId() != null && index.district().isUnknownSchool(contact.schoolId())) {
            problems.add(new Problem(at + "/schoolId", noSchool(contact.schoolId())));
        }
        if (contact.language() != null && !LanguageTags.isWellFormed(contact.language())) {
            problems.add(new Problem(at + "/language", notATag(contact.language())));
        }
        if (contact.replyTo() != null) {
            Contact target = index.contact(contact.replyTo());
            if (target == null) {
                problems.add(new Problem(at + "/replyTo", "no contact " + quote(contact.replyTo())));
            } else if (target.isOutbound()) {
                problems.add(new Problem(at + "/replyTo", "contact " + quote(contact.replyTo())
                        + " is OUTBOUND; replyTo must name an INBOUND contact"));
            } else if (!target.familyId().equals(contact.familyId())) {
                problems.add(new Problem(at + "/replyTo", "contact " + quote(contact.replyTo())
                        + " is with family " + quote(target.familyId()) + "; a reply must be to the same family"));
            }
        }
    }

    /** A commitment's references: family, staff, and the contact that kept it. */
    public static void checkCommitment(Commitment commitment, String at, Index index, List<Problem> problems) {
        if (index.family(commitment.familyId()) == null) {
            problems.add(new Problem(at + "/familyId", "no family " + quote(commitment.familyId())));
        }
        if (commitment.staffId() != null && !index.hasStaff(commitment.staffId())) {
            problems.add(new Problem(at + "/staffId", "no staff " + quote(commitment.staffId())));
        }
        if (commitment.fulfilledBy() != null) {
            Contact fulfilling = index.contact(commitment.fulfilledBy());
            if (fulfilling == null) {
                problems.add(new Problem(at + "/fulfilledBy", "no contact " + quote(commitment.fulfilledBy())));
            } else if (!fulfilling.familyId().equals(commitment.familyId())) {
                problems.add(new Problem(at + "/fulfilledBy", "contact " + quote(commitment.fulfilledBy())
                        + " is with family " + quote(fulfilling.familyId())
                        + "; a commitment is kept by a contact with its own family"));
            }
        }
    }

    /** A meeting's references: family, student, caregiver, staff, school. */
    public static void checkMeeting(Meeting meeting, String at, Index index, List<Problem> problems) {
        Family family = index.family(meeting.familyId());
        if (family == null) {
            problems.add(new Problem(at + "/familyId", "no family " + quote(meeting.familyId())));
        } else {
            if (meeting.studentId() != null && !family.hasStudent(meeting.studentId())) {
                problems.add(new Problem(at + "/studentId", noStudent(family, meeting.studentId())));
            }
            if (meeting.caregiverId() != null && family.caregiver(meeting.caregiverId()) == null) {
                problems.add(new Problem(at + "/caregiverId", noCaregiver(family, meeting.caregiverId())));
            }
        }
        if (meeting.staffId() != null && !index.hasStaff(meeting.staffId())) {
            problems.add(new Problem(at + "/staffId", "no staff " + quote(meeting.staffId())));
        }
        if (meeting.schoolId() != null && index.district().isUnknownSchool(meeting.schoolId())) {
            problems.add(new Problem(at + "/schoolId", noSchool(meeting.schoolId())));
        }
    }

    private static String noStudent(Family family, String studentId) {
        return "family " + quote(family.id()) + " has no student " + quote(studentId);
    }

    private static String noCaregiver(Family family, String caregiverId) {
        return "family " + quote(family.id()) + " has no caregiver " + quote(caregiverId);
    }

    private static String noSchool(String schoolId) {
        return "no school " + quote(schoolId) + " among the district's schools";
    }

    private static String notATag(String tag) {
        return quote(tag) + " is not a well-formed BCP 47 language tag";
    }
}
