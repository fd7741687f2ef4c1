package org.familyengagement.model;

/** The kind of a scheduled meeting with a family (contract v2). */
public enum MeetingKind {
    /** An Individualized Education Program meeting. */
    IEP,
    /** A parent-teacher conference. */
    CONFERENCE,
    /** The annual Title I meeting. */
    TITLE_I_ANNUAL,
    OTHER
}
