package org.familyengagement.rules.pack;

import java.time.LocalDate;

/**
 * An embedder's own fact for custom rules: an IEP meeting planned with a family.
 *
 * @param id       the meeting's id, usable as evidence
 * @param familyId the family
 * @param date     the meeting's date
 */
public record IepMeeting(String id, String familyId, LocalDate date) {
}
