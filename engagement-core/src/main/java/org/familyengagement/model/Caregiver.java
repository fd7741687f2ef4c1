package org.familyengagement.model;

/**
 * A caregiver of a family. Only an id and a relationship: no names, no contact details.
 *
 * @param id           the caregiver's id
 * @param relationship how the SIS names the relationship ({@code MOTHER}, {@code GUARDIAN}), or {@code null}
 */
public record Caregiver(String id, String relationship) {
    public Caregiver {
        Checks.requireId(id, "caregiver id");
    }
}
