package org.familyengagement.model;

import java.time.Instant;

/**
 * A promise made to a family: "I will call you back by Friday".
 *
 * @param id          unique among commitments
 * @param familyId    the family it was made to
 * @param staffId     who made it, or {@code null}
 * @param madeAt      when it was made
 * @param dueBy       when it is due; not before {@code madeAt}
 * @param fulfilledBy the id of the contact that kept it (of the same family, not dated before
 *                    {@code madeAt}, which a {@link Dataset} checks), or {@code null}
 */
public record Commitment(String id, String familyId, String staffId, Instant madeAt, Instant dueBy,
                         String fulfilledBy) implements Evidence {
    public Commitment {
        Checks.requireId(id, "commitment id");
        Checks.requireId(familyId, "commitment familyId");
        Checks.optionalId(staffId, "commitment staffId");
        Checks.optionalId(fulfilledBy, "commitment fulfilledBy");
        Checks.require(madeAt, "commitment madeAt");
        Checks.require(dueBy, "commitment dueBy");
        if (dueBy.isBefore(madeAt)) {
            throw new IllegalArgumentException("The dueBy (" + dueBy + ") of commitment (" + id
                    + ") is before its madeAt (" + madeAt + "). Maybe the two fields are swapped?");
        }
    }

    /** A copy of this commitment kept (or to be kept) by a contact. */
    public Commitment withFulfilledBy(String contactId) {
        return new Commitment(id, familyId, staffId, madeAt, dueBy, contactId);
    }

    public static Commitment of(String id, String familyId, String staffId, Instant madeAt, Instant dueBy) {
        return new Commitment(id, familyId, staffId, madeAt, dueBy, null);
    }
}
