package org.familyengagement.testkit;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.familyengagement.model.Caregiver;
import org.familyengagement.model.Channel;
import org.familyengagement.model.District;
import org.familyengagement.model.Family;
import org.familyengagement.model.Student;

/**
 * A family being described. A preference exists once any of its parts is set; a family with none
 * set has no preference recorded. Not thread-safe.
 */
public final class FamilySpec implements FactSpec<Family> {
    private final String id;
    private final List<Student> students = new ArrayList<>();
    private final List<CaregiverSpec> caregivers = new ArrayList<>();
    private final Map<String, String> groups = new LinkedHashMap<>();
    private final PreferenceDraft preference = new PreferenceDraft();

    private final District district;

    FamilySpec(String id, District district) {
        this.id = id;
        this.district = district;
    }

    @Override
    public District district() {
        return district;
    }

    /** Prefers Spanish, by SMS. */
    public FamilySpec prefersSpanishBySms() {
        return languages("es").channels(Channel.SMS);
    }

    /** Ranked BCP 47 tags the family reads or speaks. */
    public FamilySpec languages(String... tags) {
        preference.languages(tags);
        return this;
    }

    /** Ranked channels the family chose. */
    public FamilySpec channels(Channel... values) {
        preference.channels(values);
        return this;
    }

    /** Channels the family refused. */
    public FamilySpec optOut(Channel... values) {
        preference.optOut(values);
        return this;
    }

    /** A weekly window for calls and visits, local time: {@code reachable("17:00", "20:00", MONDAY, TUESDAY)}. */
    public FamilySpec reachable(String from, String to, DayOfWeek... days) {
        preference.reachable(from, to, days);
        return this;
    }

    /** The family asked for an interpreter at meetings. */
    public FamilySpec interpreter() {
        preference.interpreter();
        return this;
    }

    /** An equity group label: {@code group("homeLanguage", "es")}. */
    public FamilySpec group(String dimension, String label) {
        groups.put(Objects.requireNonNull(dimension, "dimension must not be null"),
                Objects.requireNonNull(label, "label must not be null"));
        return this;
    }

    /** A student of the family. */
    public FamilySpec student(String studentId) {
        students.add(new Student(studentId, null, null));
        return this;
    }

    /** A student of the family at a school: contacts and meetings about it are attributed to that school. */
    public FamilySpec student(String studentId, String schoolId) {
        students.add(new Student(studentId, null, schoolId));
        return this;
    }

    /** A caregiver of the family, with its own preference or restriction: see {@link Facts#caregiver}. */
    public FamilySpec caregiver(CaregiverSpec value) {
        caregivers.add(Objects.requireNonNull(value, "caregiver must not be null"));
        return this;
    }

    @Override
    public Family build() {
        List<Caregiver> built = new ArrayList<>();
        for (CaregiverSpec caregiver : caregivers) {
            built.add(caregiver.build());
        }
        return new Family(id, students, built, preference.build(), groups);
    }
}
