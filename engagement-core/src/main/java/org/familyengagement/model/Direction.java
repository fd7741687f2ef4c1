package org.familyengagement.model;

/** Who started a contact. */
public enum Direction {
    /** From the family to the school: a question, a concern, a reply. */
    INBOUND,
    /** From the school to the family. */
    OUTBOUND
}
