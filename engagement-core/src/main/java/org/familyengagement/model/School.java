package org.familyengagement.model;

/**
 * A school of the district (contract v2).
 *
 * @param id   unique among the district's schools
 * @param name a display name, or {@code null}; never used to judge anything
 */
public record School(String id, String name) {
    public School {
        Checks.requireId(id, "school id");
    }
}
