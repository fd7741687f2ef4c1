package org.familyengagement.model;

/** Whether the school may contact a caregiver (contract v2). */
public enum Restriction {
    NONE,
    /** A court order or custody arrangement: the school must not contact this person. */
    NO_CONTACT
}
