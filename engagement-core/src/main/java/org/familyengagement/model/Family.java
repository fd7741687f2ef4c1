package org.familyengagement.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A family: its students, its caregivers (ids only), what it told the school about reaching
 * it, and the equity groups the embedder declares for it. Build one with {@link #builder}.
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
        groups.forEach((dimension, label) -> {
            Checks.requireId(dimension, "family group dimension");
            Checks.requireId(label, "family group label");
        });
    }

    /** A family with no students, caregivers or groups recorded. */
    public static Family of(String id, Preference preference) {
        return new Family(id, List.of(), List.of(), preference, Map.of());
    }

    /** The id and counts only: group labels must never reach a log (Drools logs facts at TRACE). */
    @Override
    public String toString() {
        return "Family[" + id + ", " + students.size() + " students, " + caregivers.size() + " caregivers, "
                + groups.size() + " groups]";
    }

    /** Starts a family with nothing recorded. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding every field of this family. */
    public Builder toBuilder() {
        Builder builder = new Builder(id).preference(preference);
        builder.students.addAll(students);
        builder.caregivers.addAll(caregivers);
        builder.groups.putAll(groups);
        return builder;
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
        return student(studentId) != null;
    }

    /** The family's student with this id, or {@code null}. */
    public Student student(String studentId) {
        for (Student student : students) {
            if (student.id().equals(studentId)) {
                return student;
            }
        }
        return null;
    }

    /** The family's caregiver with this id, or {@code null}. */
    public Caregiver caregiver(String caregiverId) {
        for (Caregiver caregiver : caregivers) {
            if (caregiver.id().equals(caregiverId)) {
                return caregiver;
            }
        }
        return null;
    }

    /**
     * The preference that holds for a contact or meeting with a caregiver: that caregiver's own
     * when it has one, else the family's. {@code caregiverId} may be {@code null}.
     */
    public Preference preferenceFor(String caregiverId) {
        if (caregiverId != null) {
            Caregiver caregiver = caregiver(caregiverId);
            if (caregiver != null && caregiver.preference() != null) {
                return caregiver.preference();
            }
        }
        return preference;
    }

    /** A builder of families. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final List<Student> students = new ArrayList<>();
        private final List<Caregiver> caregivers = new ArrayList<>();
        private final Map<String, String> groups = new TreeMap<>();
        private Preference preference;

        private Builder(String id) {
            this.id = id;
        }

        public Builder student(Student value) {
            students.add(Objects.requireNonNull(value, "student must not be null"));
            return this;
        }

        public Builder caregiver(Caregiver value) {
            caregivers.add(Objects.requireNonNull(value, "caregiver must not be null"));
            return this;
        }

        /** What the family recorded; {@code null} (the default) for nothing. */
        public Builder preference(Preference value) {
            this.preference = value;
            return this;
        }

        /** An equity group label: {@code group("homeLanguage", "es")}. */
        public Builder group(String dimension, String label) {
            groups.put(Objects.requireNonNull(dimension, "dimension must not be null"),
                    Objects.requireNonNull(label, "label must not be null"));
            return this;
        }

        public Family build() {
            return new Family(id, students, caregivers, preference, groups);
        }
    }
}
