package org.familyengagement.io;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.familyengagement.internal.IdIndex;
import org.familyengagement.language.LanguageTags;
import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Contact;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.School;
import org.familyengagement.model.Staff;
import org.familyengagement.model.Student;

/**
 * A contact's own references checked while it is read, when the district, the staff and the
 * families came before the contacts in the document: each id is looked up straight from the
 * parser's buffer and, when found, the contact holds the very string its family, student,
 * caregiver, staff member or school holds (no copy, no pool). These are the checks of
 * {@code References.checkContactReferences}, made only in the direction that matters: an id found
 * here is one those checks accept. One that is not found leaves the dataset to make every check
 * itself ({@link #allChecked()} turns false), so problems are always worded by the dataset.
 *
 * <p>Also notes each contact's family by position as it comes, so the dataset groups the contacts
 * by family without looking their families up again. Not thread-safe: one per document.
 */
final class ContactDirectory {
    private final List<Family> families;
    private final List<Staff> staff;
    private final List<School> schools;
    private final IdIndex<Family> familyIndex;
    private final IdIndex<Staff> staffIndex;
    private final IdIndex<School> schoolIndex;
    /** Language tags found well-formed, by identity: the reader pools them, and a dataset has a handful. */
    private final String[] wellFormedTags = new String[32];
    private int wellFormedCount;
    /** Each contact's family, by position, in document order; {@code null} once a contact's references were not all found. */
    private int[] familyOfContact = new int[1024];
    private int count;

    ContactDirectory(District district, List<Staff> staff, List<Family> families) {
        this.families = families;
        this.staff = staff;
        this.schools = district.schools();
        // The first of a repeated id wins, as in the dataset's own lookups (which report the repeat).
        this.familyIndex = new IdIndex<>(families, Family::id, IdIndex.Duplicates.IGNORE);
        this.staffIndex = new IdIndex<>(staff, Staff::id, IdIndex.Duplicates.IGNORE);
        this.schoolIndex = new IdIndex<>(schools, School::id, IdIndex.Duplicates.IGNORE);
    }

    /** The position of the family whose id is under the cursor, or -1. */
    int family(JsonParser parser) throws IOException {
        return find(familyIndex, parser);
    }

    Family familyAt(int position) {
        return families.get(position);
    }

    /** The id under the cursor as the family's student holds it, or {@code null} when it is not one. */
    static String student(Family family, JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            char[] chars = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int length = parser.getTextLength();
            // Indexed: an iterator per contact was a tenth of the reader's garbage.
            List<Student> students = family.students();
            for (int i = 0; i < students.size(); i++) {
                String id = students.get(i).id();
                if (IdIndex.matches(id, chars, offset, length)) {
                    return id;
                }
            }
        }
        return null;
    }

    /** The id under the cursor as the family's caregiver holds it, or {@code null} when it is not one. */
    static String caregiver(Family family, JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            char[] chars = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int length = parser.getTextLength();
            List<Caregiver> caregivers = family.caregivers();
            for (int i = 0; i < caregivers.size(); i++) {
                String id = caregivers.get(i).id();
                if (IdIndex.matches(id, chars, offset, length)) {
                    return id;
                }
            }
        }
        return null;
    }

    /** The id under the cursor as a staff member holds it, or {@code null} when there is no such staff member. */
    String staffMember(JsonParser parser) throws IOException {
        int at = find(staffIndex, parser);
        return at < 0 ? null : staff.get(at).id();
    }

    /** True when the district lists no schools: then any school id is accepted. */
    boolean acceptsAnySchool() {
        return schools.isEmpty();
    }

    /** The id under the cursor as one of the district's schools holds it, or {@code null}. */
    String school(JsonParser parser) throws IOException {
        int at = find(schoolIndex, parser);
        return at < 0 ? null : schools.get(at).id();
    }

    private static int find(IdIndex<?> index, JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return -1;
        }
        return index.positionOf(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    /**
     * Keeps a contact whose references were all found (its family at {@code familyPosition}) when
     * its language is well-formed too; otherwise, or with {@code referencesFound} false, the
     * dataset will check every contact itself.
     */
    void add(int familyPosition, Contact contact, boolean referencesFound) {
        if (familyOfContact == null) {
            return;
        }
        if (!referencesFound || familyPosition < 0 || !isWellFormed(contact.language())) {
            familyOfContact = null;
            return;
        }
        if (count == familyOfContact.length) {
            familyOfContact = Arrays.copyOf(familyOfContact, count * 2);
        }
        familyOfContact[count++] = familyPosition;
    }

    /** A contact was read without its references checked: the dataset checks them all. */
    void unchecked() {
        familyOfContact = null;
    }

    /** True when every contact read was kept by {@link #add} with its references found. */
    boolean allChecked() {
        return familyOfContact != null;
    }

    /** The position of each contact's family, in document order; only when {@link #allChecked()}. */
    int[] familyOfContact() {
        return Arrays.copyOf(familyOfContact, count);
    }

    private boolean isWellFormed(String tag) {
        if (tag == null) {
            return false;
        }
        for (int i = 0; i < wellFormedCount; i++) {
            if (wellFormedTags[i] == tag) {
                return true;
            }
        }
        boolean wellFormed = LanguageTags.isWellFormed(tag);
        if (wellFormed && wellFormedCount < wellFormedTags.length) {
            wellFormedTags[wellFormedCount++] = tag;
        }
        return wellFormed;
    }
}
