package org.familyengagement.testkit;

/** A fact of a district's own, for the custom rule in {@code district/home-visit.drl}. */
public record HomeVisitRequest(String id, String familyId) {
}
