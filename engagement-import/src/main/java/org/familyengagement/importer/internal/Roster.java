package org.familyengagement.importer.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Family;
import org.familyengagement.model.School;
import org.familyengagement.model.Staff;
import org.familyengagement.model.Student;

/**
 * The families, staff and schools one roster source gave, with the lookups that contacts join
 * through: a family by id, a student's family, a caregiver's families, a staff member; each by
 * the family's position in {@link #families}, which a dataset built from these lists keeps. Ids
 * are kept as the roster's own string instances, so two million contacts that name them share
 * them. When an id is there twice, the lookups give the last (the dataset then reports the
 * duplicate).
 */
public final class Roster {
    /** {@link #caregivers}' value for a caregiver of several families. */
    static final int SEVERAL = -1;

    final String source;
    final List<Family> families;
    final List<Staff> staff;
    final List<School> schools;
    /** family id -> its position. */
    final IdLookup familyIds;
    /** student id -> their family's position. */
    final IdLookup students;
    /** caregiver id -> their family's position, or {@link #SEVERAL}. */
    final IdLookup caregivers;
    /** caregiver id -> how many families, for those of several. */
    final Map<String, Integer> familyCountOfCaregiver = new HashMap<>();
    /** staff id -> position in {@link #staff}. */
    final IdLookup staffIds = new IdLookup();
    /** Counts for the summary: what the source held and what was left out, by what. */
    final Map<String, Integer> counts = new LinkedHashMap<>();

    Roster(String source, List<Family> families, List<Staff> staff, List<School> schools) {
        this.source = source;
        this.families = families;
        this.staff = new ArrayList<>(staff);
        this.schools = schools;
        int studentCount = 0;
        int caregiverCount = 0;
        for (Family family : families) {
            studentCount += family.students().size();
            caregiverCount += family.caregivers().size();
        }
        familyIds = new IdLookup(families.size());
        students = new IdLookup(studentCount);
        caregivers = new IdLookup(caregiverCount);
        for (int position = 0; position < families.size(); position++) {
            Family family = families.get(position);
            familyIds.put(family.id(), position);
            for (Student student : family.students()) {
                students.put(student.id(), position);
            }
            for (Caregiver caregiver : family.caregivers()) {
                int slot = caregivers.slot(caregiver.id());
                if (slot < 0) {
                    caregivers.put(caregiver.id(), position);
                } else {
                    caregivers.put(caregiver.id(), SEVERAL);
                    familyCountOfCaregiver.merge(caregiver.id(), 2, (a, b) -> a + 1);
                }
            }
        }
        for (int i = 0; i < this.staff.size(); i++) {
            staffIds.put(this.staff.get(i).id(), i);
        }
    }

    public List<Family> families() {
        return families;
    }

    public List<Staff> staff() {
        return staff;
    }

    public List<School> schools() {
        return schools;
    }

    public Map<String, Integer> counts() {
        return counts;
    }

    /** The roster's own instance of a family id, or {@code null} when there is no such family. */
    String family(String id) {
        int slot = familyIds.slot(id);
        return slot < 0 ? null : familyIds.key(slot);
    }

    /** The family with this id, or {@code null}. */
    Family familyById(String id) {
        int slot = familyIds.slot(id);
        return slot < 0 ? null : families.get(familyIds.value(slot));
    }

    /** The staff member's id as the roster holds it, or {@code null}. */
    String staff(String id) {
        int slot = staffIds.slot(id);
        return slot < 0 ? null : staffIds.key(slot);
    }

    /** Adds a staff member only a log names (with {@code staffFromLogs}). */
    String addStaff(String id) {
        staff.add(new Staff(id, null, List.of()));
        staffIds.put(id, staff.size() - 1);
        return id;
    }
}
