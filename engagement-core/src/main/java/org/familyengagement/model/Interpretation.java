package org.familyengagement.model;

/** What interpretation or translation a contact or meeting had (contract v2). */
public enum Interpretation {
    NONE,
    /** A trained interpreter or translator. */
    QUALIFIED,
    /** Staff speaking the family's language. */
    BILINGUAL_STAFF,
    /** Machine translation. */
    MACHINE,
    /** An adult the family brought. */
    FAMILY_ADULT,
    /** A child or student interpreted: never enough (schools must not rely on children to interpret). */
    STUDENT;

    /**
     * True when this interpretation makes a contact understood by a family that reads another
     * language: {@code QUALIFIED}, {@code BILINGUAL_STAFF}, {@code MACHINE} or {@code FAMILY_ADULT}.
     */
    public boolean makesUnderstood() {
        return this == QUALIFIED || this == BILINGUAL_STAFF || this == MACHINE || this == FAMILY_ADULT;
    }

    /** True for {@code QUALIFIED} or {@code BILINGUAL_STAFF}: what a meeting needs when the family asked for an interpreter. */
    public boolean isProfessional() {
        return this == QUALIFIED || this == BILINGUAL_STAFF;
    }
}
