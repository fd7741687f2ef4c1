package org.familyengagement.model;

/** What a contact was about, as the school recorded it. */
public enum Tone {
    /** A strength, a celebration, progress. */
    POSITIVE,
    NEUTRAL,
    /** A problem: behaviour, grades, absence. */
    CONCERN
}
