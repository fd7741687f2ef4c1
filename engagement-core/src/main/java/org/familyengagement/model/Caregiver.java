package org.familyengagement.model;

/**
 * A caregiver of a family. Ids and classifications only: no names, no contact details.
 *
 * @param id           the caregiver's id, unique within the family
 * @param relationship how the SIS names the relationship ({@code MOTHER}, {@code GUARDIAN}), or {@code null}
 * @param preference   this caregiver's own preference, or {@code null}: when a contact or meeting
 *                     names a caregiver that has one, it replaces the family's (a second household
 *                     that reads another language). Contract v2
 * @param restriction  {@link Restriction#NO_CONTACT} when the school must not contact this person
 *                     ({@link Restriction#NONE} when unknown). Contract v2
 */
public record Caregiver(String id, String relationship, Preference preference, Restriction restriction) {
    public Caregiver {
        Checks.requireId(id, "caregiver id");
        restriction = restriction == null ? Restriction.NONE : restriction;
    }

    /** A caregiver with a relationship only (contract v1). */
    public Caregiver(String id, String relationship) {
        this(id, relationship, null, Restriction.NONE);
    }

    /** True when the school must not contact this caregiver. */
    public boolean isNoContact() {
        return restriction == Restriction.NO_CONTACT;
    }
}
