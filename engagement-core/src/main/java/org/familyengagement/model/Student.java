package org.familyengagement.model;

/**
 * A student of a family.
 *
 * @param id       unique within the family
 * @param grade    the grade as the SIS names it ({@code "K"}, {@code "3"}), or {@code null}
 * @param schoolId the school's id, or {@code null}
 */
public record Student(String id, String grade, String schoolId) {
    public Student {
        Checks.requireId(id, "student id");
        Checks.optionalId(schoolId, "student schoolId");
    }
}
