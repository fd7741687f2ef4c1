package org.familyengagement.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A family: its students, its caregivers (ids only), what it told the school about reaching
 * it, and the equity groups the embedder declares for it.
 *
 * @param id         unique among families
 * @param students   the family's students
 * @param caregivers the family's caregivers
 * @param preference what the family recorded, or {@code null} when nothing is recorded
 * @param groups     {@code dimension -> label}, for example {@code homeLanguage -> es}; opaque to
 *                   the library, which never infers them. They can reveal sensitive status:
 *                   they never appear in logs or family-level findings
 */
public record Family(String id, List<Student> students, List<Caregiver> caregivers,
                     Preference preference, Map<String, String> groups) {
    public Family {
        Checks.requireId(id, "family id");
        students = List.copyOf(Checks.noNulls(students, "family students"));
        caregivers = List.copyOf(Checks.noNulls(caregivers, "family caregivers"));
        groups = Collections.unmodifiableMap(new TreeMap<>(Checks.noNulls(groups, "family groups")));
    }

    /** A family with no students, caregivers or groups recorded. */
    public static Family of(String id, Preference preference) {
        return new Family(id, List.of(), List.of(), preference, Map.of());
    }

    /** True when the family has a preference with both languages and channels. */
    public boolean hasCompletePreference() {
        return preference != null && preference.isComplete();
    }

    /** The family's label in one group dimension, or {@code null}. */
    public String group(String dimension) {
        return groups.get(dimension);
    }

    /** True when one of the family's students has this id. */
    public boolean hasStudent(String studentId) {
        for (Student student : students) {
            if (student.id().equals(studentId)) {
                return true;
            }
        }
        return false;
    }
}
