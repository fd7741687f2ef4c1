package org.familyengagement.model;

import java.util.List;

/**
 * A member of staff who contacts families.
 *
 * @param id        unique among staff
 * @param role      the role, {@link StaffRole#OTHER} when unknown
 * @param languages BCP 47 tags of the languages this person can use with families
 */
public record Staff(String id, StaffRole role, List<String> languages) {
    public Staff {
        Checks.requireId(id, "staff id");
        role = role == null ? StaffRole.OTHER : role;
        languages = List.copyOf(Checks.noNulls(languages, "staff languages"));
    }

    public static Staff of(String id, StaffRole role, String... languages) {
        return new Staff(id, role, List.of(languages));
    }
}
