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
 * through: a student's family, a caregiver's families, a staff member. Ids are kept as the
 * roster's own string instances, so two million contacts that name them share them.
 */
public final class Roster {
    final String source;
    final List<Family> families;
    final List<Staff> staff;
    final List<School> schools;
    final Map<String, Family> familyById = new HashMap<>();
    final Map<String, String> familyOfStudent = new HashMap<>();
    /** caregiver id -> the one family id, or a {@code List<String>} of several. */
    final Map<String, Object> familiesOfCaregiver = new HashMap<>();
    final Map<String, String> staffIds = new LinkedHashMap<>();
    /** Counts for the summary: what the source held and what was left out, by what. */
    final Map<String, Integer> counts = new LinkedHashMap<>();

    Roster(String source, List<Family> families, List<Staff> staff, List<School> schools) {
        this.source = source;
        this.families = families;
        this.staff = new ArrayList<>(staff);
        this.schools = schools;
        for (Family family : families) {
            familyById.put(family.id(), family);
            for (Student student : family.students()) {
                familyOfStudent.put(student.id(), family.id());
            }
            for (Caregiver caregiver : family.caregivers()) {
                familiesOfCaregiver.merge(caregiver.id(), family.id(), Roster::both);
            }
        }
        for (Staff member : staff) {
            staffIds.put(member.id(), member.id());
        }
    }

    @SuppressWarnings("unchecked")
    private static Object both(Object a, Object b) {
        List<String> list = a instanceof List<?> ? (List<String>) a : new ArrayList<>(List.of((String) a));
        list.add((String) b);
        return list;
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
        Family family = familyById.get(id);
        return family == null ? null : family.id();
    }

    /** The staff member's id as the roster holds it, or {@code null}. */
    String staff(String id) {
        return staffIds.get(id);
    }

    /** Adds a staff member only a log names (with {@code staffFromLogs}). */
    String addStaff(String id) {
        staff.add(new Staff(id, null, List.of()));
        staffIds.put(id, id);
        return id;
    }
}
