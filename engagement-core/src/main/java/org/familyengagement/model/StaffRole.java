package org.familyengagement.model;

/** The role of a staff member. */
public enum StaffRole {
    TEACHER, COUNSELOR, ADMINISTRATOR, LIAISON, OTHER
}
